"""Fetch a page from its http(s) address, with the standard library: bounded in time and size,
and every failure one line that says what went wrong."""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from generator.problems import InputError, Location, Problem

TIMEOUT = 30  # seconds for the connection and for each read
AGENT = "Briefing new-source (+https://pypi.org/project/briefing/)"


@dataclass(frozen=True)
class Fetched:
    body: bytes
    address: str  # where it was served from, after any redirect
    content_type: str  # the media type the server named, lowercased, without parameters


def fetch(address: str, limit: int) -> Fetched:
    """The page at ``address``, read no further than ``limit`` bytes (a larger one is refused)."""
    try:
        request = urllib.request.Request(address, headers={"User-Agent": AGENT, "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            body = response.read(limit + 1)
            served = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise _failed(address, f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise _failed(address, _reason(error.reason)) from None
    except TimeoutError:
        raise _failed(address, f"no answer within {TIMEOUT} seconds") from None
    except (OSError, ValueError, http.client.HTTPException) as error:  # a connection reset
        # mid-read, a malformed address ('https://exa mple.org/', 'http://[::1'), a cut answer
        raise _failed(address, str(error) or type(error).__name__) from None
    if len(body) > limit:
        message = f"the page is over {limit:,} bytes"
        raise InputError([Problem(Location(address), message, "save a smaller copy of it")])
    return Fetched(body, served, content_type)


def _reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "the host's name could not be resolved (offline, or no such host)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, TimeoutError):
        return f"no answer within {TIMEOUT} seconds"
    return getattr(reason, "strerror", None) or str(reason)


def _failed(address: str, why: str) -> InputError:
    """One line: what failed and why (the way round it is plain: save the page, give its file)."""
    return InputError([Problem(Location(address), f"cannot fetch the page: {why}")])
