"""What an article's stored text is made of: one paragraph a line, none of a news page's
furniture. The rules aim at news pages in general (labels of advertisements, pointers to other
stories, newsletter promotions, the reporter's contact line), for web pages and printouts alike.
"""

from __future__ import annotations

import re
import unicodedata

_LABEL = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|supported by|ad|paid content|scroll to continue)\b"
    r"[\s\W]*(scroll to continue)?[\s\W]*$",
    re.IGNORECASE,
)
_POINTER = re.compile(
    r"^(related( coverage| stories| posts| articles)?|read more|read also|see also|more on this"
    r"( story)?|recommended|most (read|popular)|trending|watch|listen)\b\s*[:|›»-]",
    re.IGNORECASE,
)
_SHORT_CALL = re.compile(
    r"^(sign up|subscribe|register|follow us|share( this)?( article)?|advertisement)\b.{0,30}$",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"\bnewsletters?\b.*\b(sign up|subscribe|inbox|brings you|delivered|every (week)?day)\b|"
    r"\b(sign up|subscribe)\b.*\bnewsletters?\b",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(contact|email|e-mail|reach|follow|write to)\b.*[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE
)

# A heading that introduces other stories ("More stories", "Other Opinion Columns")
OTHER_STORIES = re.compile(
    r"^(more|other|related|recommended|popular|most (read|popular|viewed|shared)|trending|"
    r"top stories|latest( news)?|read next|editor'?s picks|you (may|might) (also )?like|"
    r"(à )?lire aussi|sur le même sujet|mehr zum thema|lesen sie auch|leia (também|mais)|"
    r"más noticias|te puede interesar)\b",
    re.IGNORECASE,
)
# A heading that opens the readers' comments ("Show comments", "941 comments")
COMMENTS = re.compile(
    r"^((show|view|read|load|add|post|leave|join)( all| the| a)?( \d+)? comments?|\d* ?comments?"
    r"|commentaires|kommentare|comentários|comentarios)\b[\s\d()]*$",
    re.IGNORECASE,
)


def clean(paragraph: str) -> str:
    """A paragraph on one line: ligatures (ﬁ) and compatibility spaces as plain characters,
    every run of white space one space."""
    paragraph = (
        unicodedata.normalize("NFKC", paragraph) if _has_compatibility(paragraph) else paragraph
    )
    return " ".join(paragraph.replace("\u00ad", "").split())


def _has_compatibility(text: str) -> bool:
    return any("\ufb00" <= c <= "\ufb06" or c in "\u00a0\u2009\u202f" for c in text)


def is_furniture(paragraph: str) -> bool:
    """Whether a paragraph is the page's, not the article's: an advertisement's label, a
    pointer to other stories, a call to sign up, a newsletter's promotion, a contact line."""
    return bool(
        _LABEL.match(paragraph)
        or _POINTER.match(paragraph)
        or _SHORT_CALL.match(paragraph)
        or (len(paragraph) < 300 and _NEWSLETTER.search(paragraph))
        or (len(paragraph) < 300 and _CONTACT.match(paragraph))
    )


def article_text(headline: str, byline: str, body: list[str]) -> str:
    """The stored text: the headline, the byline and the body, one paragraph a line; a body
    paragraph repeating the headline or byline, furniture and empty lines left out."""
    lines: list[str] = []
    for line in [clean(headline), clean(byline), *(clean(p) for p in body)]:
        if line and line not in lines[:2] and not (len(lines) >= 2 and is_furniture(line)):
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""
