"""A page whose main text is in another language than the site's: the page of an article in
Chinese in an English briefing.

Its ``<html lang>`` says the article's language, which is how Pagefind chooses the index a page
goes in (a Chinese page is indexed as Chinese, its words segmented as Chinese). The theme's
header and the page's container keep the site's language, so that what Material and the
generator write there is read as the site's; the article's paragraphs are marked with their own
on the page (``templates/source.md.j2``), and the quoted words on other pages too.
"""

from __future__ import annotations

import re

CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")  # as the article schema's pattern
_HTML = re.compile(r'<html lang="[^"]*"')
_SITE_PARTS = ('<header class="md-header"', '<div class="md-container"')


def in_language(html: str, language: str, site_language: str) -> str:
    """``html`` with ``language`` as its own and the theme's parts in ``site_language``; as it
    is when the two are one, or ``language`` is not a language code."""
    if language == site_language or not CODE.fullmatch(language):
        return html
    html = _HTML.sub(f'<html lang="{language}"', html, count=1)
    for opening in _SITE_PARTS:
        html = html.replace(opening, f'{opening} lang="{site_language}"', 1)
    return html
