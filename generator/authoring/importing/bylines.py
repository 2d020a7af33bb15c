"""The people a byline or an author field names: "By Jane Roe and John Doe" is two, "By Jane
Roe, Reuters" is Jane Roe, "Our Foreign Staff", a news agency, the site itself or a profile's
address are nobody. A byline shown on the page also loses what follows the names (a date, a
handle, "Education editor"), and a name in capitals is written as a name ("JANE ROE").
"""

from __future__ import annotations

import re

_LEAD = re.compile(
    r"^\s*(?:(?:written |words |reported )?by|par|von|por|door|authors?|autor(?:in)?|auteur)\b\s*:?\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[,;|/•·]|\s[-–—]\s|\band\b|\bet\b|\bund\b|&)\s*", re.IGNORECASE)
# "(with Damien Leloup and Morgane Tual)": more authors, not a part of a name
_WITH = re.compile(r"\(\s*(?:with|avec|mit|con|com)\s+([^)]*)\)", re.IGNORECASE)
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_WEEKDAYS = "mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Where a byline's names end: a date, a time, a handle, "Updated", "4 Min Read"
_AFTER_NAMES = re.compile(
    rf"\s*(?:\d|@|\b(?:{_MONTHS})\b\.?\s*\d|\b(?:{_WEEKDAYS})\b\.?,?\s|\bupdated\b|\bposted\b"
    r"|\bpublished\b).*$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|columnist|contributor|critic|producer|"
    r"journalist|journaliste|analyst|photographer|staff|intern|chief|bureau|desk|"
    r"redakteur|redaktion)s?\b",
    re.IGNORECASE,
)
AGENCIES = {
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
    "agence france presse", "bloomberg", "bloomberg news", "dpa", "xinhua", "pa", "pa media",
    "press association", "ansa", "efe", "kyodo", "kyodo news", "yonhap", "tass", "upi", "aap",
    "cnn wire", "getty images", "agencies", "wires", "wire services", "news agencies",
}  # fmt: skip
_PARTICLES = {"de", "di", "da", "van", "von", "der", "den", "du", "des", "la", "le", "del",
              "dos", "das", "al", "bin", "ibn", "ter", "zu", "y", "e"}  # fmt: skip
_NAME_WORD = re.compile(r"^\(?[^\W\d_][\w'’.-]*\)?$")


def names(text: str | None, not_names: set[str] = frozenset()) -> list[str]:
    """The people ``text`` names, in its order, each once; ``not_names`` are the site's own
    names (a byline "BBC News" on the BBC's site names nobody)."""
    text = " ".join((text or "").split())
    excluded = {_folded(n) for n in not_names} | AGENCIES
    if not text or _folded(text) in excluded or re.match(r"^(https?:|www\.|/)", text):
        return []
    text = _WITH.sub(lambda found: ", " + found.group(1), text)
    text = _AFTER_NAMES.sub("", _LEAD.sub("", text))
    found: list[str] = []
    for number, part in enumerate(_SEPARATOR.split(text)):
        part = re.sub(r"^(?:with|avec|mit)\s+", "", part.strip(" .:()"), flags=re.IGNORECASE)
        if number and _ROLE.search(part):
            continue  # "Jane Roe, Local Government Reporter": her role
        name = _as_name(_before_role(part, not_names))
        if name and _folded(name) not in excluded and name not in found:
            found.append(name)
    return found


def _before_role(part: str, not_names: set[str]) -> str:
    """A name without the role or the site's name that follows it: "Mark Lee BuzzFeed News
    Reporter" is "Mark Lee"; a part that is a role alone ("Our Foreign Staff") is nothing. Before
    a role, a third capitalised word is taken for its desk ("Ann Lee Education editor")."""
    for site in sorted((_folded(n) for n in not_names), key=len, reverse=True):
        at = part.lower().find(site)
        if site and at > 0:
            part = part[:at]
    role = _ROLE.search(part)
    if role:
        words = part[: role.start()].split()
        while words and not words[-1][:1].isupper():
            words.pop()  # "business reporter", "our"
        named = [w for w in words if w.lower() not in _PARTICLES]
        if len(named) > 2:
            words = words[: words.index(named[1]) + 1]
        part = " ".join(words) if len(named) >= 2 and words[0].lower() != "our" else ""
    return part.strip(" ,.-")


def _as_name(part: str) -> str:
    """``part`` when it reads as a person's name (one to five words, each a capitalised word or
    a particle such as "van", after the words in lower case that follow it), in capitals only
    if it had some lower case."""
    words = part.split()
    while words and words[-1].islower():
        words.pop()  # "Aleš Vávra před" (two hours ago)
    part = " ".join(words)
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return ""
    initials = [w.lstrip("(")[:1] for w in words]
    if initials[0].islower() or not all(  # uncased scripts (王小明) have no capitals
        not i.islower() or w.lower() in _PARTICLES for i, w in zip(initials, words, strict=True)
    ):
        return ""
    if part.isupper() and len(part) > 3:
        return " ".join(w.capitalize() if w.lower() not in _PARTICLES else w.lower() for w in words)
    return part


def _folded(name: str) -> str:
    return " ".join(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).lower().split())
