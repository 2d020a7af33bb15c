"""The punctuation of the languages a briefing quotes, in one table: which quotation marks open
and close a quotation (“ ” and " in English, « » in French, „ “ in German, 「」 and 『』 in
Chinese and Japanese, ＂ typed full width), and which marks end a sentence. Coverage, the
drafter and the pages that show a speaker's own words all read quotations with ``quotations``.
"""

from __future__ import annotations

import re

# Each opening mark with the marks that close it. German „ closes with “, the mark that opens
# in English, so a mark's part depends on which quotation is open; a straight " typed by hand
# closes a curly one. Marks of another pair inside an open quotation (« … “ … ” … »,
# 「…『…』…」) are part of the quoted words.
PAIRS = {
    '"': '"”',
    "“": '”"',
    "„": '“”"',
    "«": "»",
    "「": "」",
    "『": "』",
    "＂": "＂",
}
OPENING = "".join(PAIRS)
CLOSING = "".join(dict.fromkeys("".join(PAIRS.values())))
QUOTATION_MARKS = "".join(dict.fromkeys(OPENING + CLOSING))
# A sentence ends at a full stop, an exclamation or a question mark: followed by a space in
# writing that spaces its words, at once in Chinese and Japanese (。！？).
SPACED_STOPS = ".!?"
FULL_WIDTH_STOPS = "。！？"
# Marks that end a clause without ending the sentence, as they separate a speaker from the
# words ("刘跃进说：「…」", "« … », a déclaré"): half and full width.
CLAUSE_MARKS = ",;:，；：、"
# The characters of writing that leaves no space between its words (Chinese, Japanese kanji).
IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the words inside each quotation in ``text[start:end]``, read as one
    paragraph: a quotation still open at ``end`` runs to it (a quotation that goes on in the
    next paragraph opens there again). An opening mark met again in its own open quotation
    starts the quotation anew."""
    end = len(text) if end is None else end
    found, opened, closers = [], -1, ""
    for at in range(start, end):
        char = text[at]
        if opened >= 0 and char in closers:
            found.append((opened, at))
            opened = -1
        elif char in PAIRS and (opened < 0 or text[opened - 1] == char):
            opened, closers = at + 1, PAIRS[char]
    if opened >= 0:
        found.append((opened, end))
    return found
