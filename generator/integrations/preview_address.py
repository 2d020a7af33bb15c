"""Where the preview listens, read from ``serve --address`` before anything is built.

A port alone (``8001``, ``:8001``) means this machine only (127.0.0.1), as the default does:
``mkdocs serve`` reads it as every interface, which shows a draft briefing to the whole network.
An address the system would refuse (a port past 65535, an unknown host, a port in use) is one
line at once, not a traceback after a full build.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from generator.problems import BriefingError

LOCAL = "127.0.0.1"
DEFAULT_PORT = 8000


class AddressError(BriefingError):
    """``--address`` names no place the preview can listen on."""

    def __init__(self, address: str, why: str, hint: str):
        super().__init__(f"--address {address!r}: {why}; {hint}")  # one line


@dataclass(frozen=True)
class Address:
    host: str
    port: int

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"


def parse(text: str) -> Address:
    """The host and port ``text`` names, checked by binding to it once."""
    hint = "write a port (8001, this machine only), HOST:PORT or [IPv6]:PORT"
    value = text.strip()
    if value.removeprefix(":").isdigit():
        host, port = LOCAL, value.removeprefix(":")
    elif value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if not rest.startswith(":") and rest:
            raise AddressError(text, "unexpected text after the IPv6 address", hint)
        port = rest.removeprefix(":") or str(DEFAULT_PORT)
    elif value.count(":") > 1:
        raise AddressError(text, "an IPv6 address needs brackets", f"write [{value}]:8000")
    else:
        host, _, port = value.partition(":") if ":" in value else (value, "", str(DEFAULT_PORT))
    if not host:
        raise AddressError(text, "no host", hint)
    if not (port.isascii() and port.isdigit()) or not 0 < int(port) < 65536:
        raise AddressError(text, f"{port!r} is not a port (1 to 65535)", hint)
    address = Address(host, int(port))
    _bind_once(text, address)
    return address


def _found(address: Address) -> list[tuple]:
    """What the server binds to: MkDocs opens an IPv6 socket for an IPv6 address only."""
    family = socket.AF_INET6 if ":" in address.host else socket.AF_INET
    return socket.getaddrinfo(address.host, address.port, family, socket.SOCK_STREAM)


def _bind_once(text: str, address: Address) -> None:
    try:
        found = _found(address)
    except (OSError, UnicodeError) as error:
        why = f"unknown host ({error})"
        raise AddressError(text, why, "write an IP address or a known name") from None
    family, _, _, _, where = found[0]
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind(where)
        except OSError as error:
            raise AddressError(
                text, f"cannot listen there ({error.strerror})", "choose another port or host"
            ) from None


def beyond_this_machine(address: Address) -> bool:
    """Whether other machines may reach ``address`` (anything but a loopback address)."""
    try:
        found = _found(address)
    except OSError:
        return True
    return any(not ipaddress.ip_address(entry[4][0].split("%")[0]).is_loopback for entry in found)
