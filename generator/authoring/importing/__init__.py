"""What ``new-source`` receives, made into an article's text: a plain text as it is, a web
page saved from a browser or fetched from its address (``web_page``), a news page printed to
PDF (``pdf_page``). What each is, is read from its first bytes as well as from its name: a web
page named ``.txt`` is still a web page, and its tags are never stored."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.importing import fetching, pdf_page, web_page
from generator.authoring.importing.page_metadata import PageMetadata
from generator.input import files, loading
from generator.problems import InputError, Location, Problem

MAX_RECEIVED = 50_000_000  # bytes of a page or PDF as received; its article is held to loading's
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta", b"<!--", b"<body")


@dataclass(frozen=True)
class Received:
    text: str  # the article's text as it will be stored
    name: str  # the received file's name, or the address it was fetched from
    sha256: str  # of the received bytes
    kind: str  # text, html or pdf
    metadata: PageMetadata  # what the page says of itself (nothing, for a plain text)
    warning: str = ""


def receive(source: str) -> Received:
    """The article in ``source``: a file's path, an http(s) address, or - for standard input."""
    address = ""
    if source.startswith(("http://", "https://")):
        fetched = fetching.fetch(source, MAX_RECEIVED)
        raw, name, address = fetched.body, source, fetched.address
        kind = {"application/pdf": "pdf", "text/html": "html", "application/xhtml+xml": "html"}
        declared = kind.get(fetched.content_type, "")
    elif source == "-":  # read no further than the limit: a larger one is refused
        raw, name, declared = sys.stdin.buffer.read(MAX_RECEIVED + 1), "stdin", ""
        if len(raw) > MAX_RECEIVED:
            raise InputError([files.too_large("standard input", MAX_RECEIVED)])
    else:  # its size known before it is read, and only a regular file opened
        raw, name = files.read_bounded(Path(source), source, MAX_RECEIVED), Path(source).name
        declared = {".pdf": "pdf", ".html": "html", ".htm": "html"}.get(
            Path(source).suffix.lower(), ""
        )
    shown = "standard input" if source == "-" else source
    sniffed = _sniff(raw)
    digest = hashlib.sha256(raw).hexdigest()
    if declared == "pdf" and sniffed != "pdf":
        message = "is not a PDF: it does not start with %PDF-"
        raise InputError([Problem(Location(shown), message, "give the file its right name")])
    kind = sniffed or declared or "text"
    warning = ""
    if kind == "html" and not declared and not address:
        warning = f"{shown} is a web page, not plain text: its article was taken out of it"
    if kind == "pdf":
        extracted = pdf_page.extract(raw, shown)
        return _found(extracted.text, name, digest, kind, extracted.metadata, shown, warning)
    if kind == "html":
        extracted = web_page.extract(raw, address)
        return _found(extracted.text, name, digest, kind, extracted.metadata, shown, warning)
    if len(raw) > loading.MAX_BYTES:
        raise InputError([files.too_large(shown, loading.MAX_BYTES)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem(Location(source), "not valid UTF-8 text")]) from None
    return Received(text, name, digest, kind, PageMetadata())


def _sniff(raw: bytes) -> str:
    start = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf-"):
        return "pdf"
    if start.startswith(_HTML_STARTS):  # a text that mentions '<html>' stays a text
        return "html"
    return ""


def _found(
    text: str, name: str, digest: str, kind: str, metadata: PageMetadata, shown: str, warning: str
) -> Received:
    if not text.strip():
        what = "page" if kind == "html" else "PDF"
        message = f"no article text found in the {what}"
        hint = "copy the article's text into a .txt file and give that"
        raise InputError([Problem(Location(shown), message, hint)])
    return Received(text, name, digest, kind, metadata, warning)
