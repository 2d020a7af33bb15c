"""What each overview and data page is given, as ``contexts`` does for records and indexes.

Each function returns the declared context of one template, so no template searches the corpus.
What a function reads is what its page depends on, read as finely as the page needs: a column
of numbers is read with ``count_referring``, so the page does not change with those records'
text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any

from generator.i18n import _
from generator.model.kinds import KINDS
from generator.model.records import Briefing, Record
from generator.render import templating
from generator.render.coverage import ArticleCoverage, measure_article
from generator.render.open_data import csv_columns
from generator.render.reference import reference
from generator.render.timeline import Dated, calendar, dated_entries, years_apart
from generator.schemas import fragments
from generator.writing import TIMELINE, TOPICS

HOME_LIMIT = 10  # rows per table on the home page; the index pages list everything
LATEST = 5  # articles under "Latest articles" on the home page (the feed has more: feed.ENTRIES)
LATEST_RECORDS = 5  # records shown with each of them; the article's page has the rest
HOME_NETWORK_LIMIT = 60  # actors the home page's network may draw
# What still fits on the memo's one printed page, with room to spare (tests/test_memo_print.py
# prints a memo full to each limit); past a limit the memo points to the index.
MEMO_LIMIT = 3  # articles, the most quoted first
# Claims from which claims by source is a page a year: at 10,007 records 4,902 claims were one
# page of 2.1 MB (about 435 bytes a claim), 4.1 s to load
BY_SOURCE_SPLIT_FROM = 700
# Tagged records from which the topics are a page each: at 10,007 records Material's listing of
# 4,900 was one page of 1.0 MB (about 200 bytes a record)
TOPICS_SPLIT_FROM = 1_500
# The memo's situation: the records most referred to of each kind told there (the measures, the
# figures, any kind added), MEMO_EACH a kind, fewer when more kinds share its MEMO_SITUATION.
MEMO_EACH, MEMO_SITUATION = 3, 6
MEMO_JUDGMENTS, MEMO_QUESTIONS = 4, 3
MEMO_ALTERNATIVES = 1  # of a judgment's alternatives, and of its indicators


def most_connected(b: Briefing, section: str, limit: int = HOME_LIMIT) -> list[Record]:
    """The records of a kind that most other records refer to."""
    referrers = b.referrers
    ids = b.ids_in(section)
    weight = {i: sum(len(named) for named in referrers.get(i, {}).values()) for i in ids}
    return [b.records[i] for i in sorted(ids, key=lambda i: (-weight[i], i))[:limit]]


def home(b: Briefing) -> dict[str, Any]:
    """The overview: counts, the sections written by hand for the first kinds (each kind's
    ``home_sections``), the most connected records of every other kind, and the articles."""
    articles = b.article_sources()[:HOME_LIMIT]
    return {
        "title": b.title,
        "topic": b.topic,
        "counts": b.counts,
        "latest": latest(b, LATEST),
        "shown_with_each": LATEST_RECORDS,
        "feed": bool(b.about.get("site_url")),
        **by_hand(b, "home_sections"),
        "articles": articles,
        "annotated": {s.id: b.count_referring(s.id, "evidence") for s in articles},
        "counted": counted_kinds(),
        "listed": listed(b, HOME_LIMIT),
    }


def latest(b: Briefing, limit: int) -> list[tuple[Record, str, bool, list[Record]]]:
    """What's new: the articles that joined last (``Briefing.latest``), each with the records
    its annotation file defines."""
    return [
        (source, date, joined, b.defined_in(f"seeds/annotations/{source.id}.yaml"))
        for source, date, joined in b.latest(limit)
    ]


def by_hand(b: Briefing, sections: str) -> dict[str, Any]:
    """What the kinds shown by hand on the home page or the memo give their sections there
    (``sections``: ``home_sections`` or ``memo_sections``)."""
    given: dict[str, Any] = {}
    for kind in KINDS.values():
        if kind.shown_by_hand_on_home_and_memo:
            given |= getattr(kind, sections)(b)
    return given


def memo(b: Briefing) -> dict[str, Any]:
    """The briefing on one printed page: the key judgments, a situation told from the measures
    and figures most referred to, each question's sides, and the articles most quoted. Each
    part stops at its limit (MEMO_*) so that any corpus fits, and says how many more there are;
    the situation replaces lists of measures and figures that would repeat it."""
    articles = b.article_sources()
    dated = [a for a in articles if a.get("published")]
    quoted = {a.id: b.count_referring(a.id, "evidence") for a in articles}
    return {
        "title": b.title,
        "latest": max(dated, key=lambda a: (a["published"], a.id), default=None),
        "articles": sorted(articles, key=lambda a: (-quoted[a.id], a.id))[:MEMO_LIMIT],
        "counts": b.counts,
        **by_hand(b, "memo_sections"),
        "counted": counted_kinds(),
        "listed": listed(b, situation_share(b)),
    }


def situation_share(b: Briefing) -> int:
    """How many records each kind told in the memo's situation (``in_memo_situation``) lists:
    MEMO_EACH, or fewer when more kinds than MEMO_SITUATION allows have records, so that a
    kind added to the briefing does not push the memo past its page."""
    told = [k for k in KINDS.values() if k.in_memo_situation and b.ids_in(k.plural)]
    return max(1, min(MEMO_EACH, MEMO_SITUATION // max(1, len(told))))


def about(b: Briefing) -> dict[str, Any]:
    """The analyst's words, and how to read each kind: those its template describes by hand
    (``described_by_hand_on_about``) in its words, every other kind in its schema fragment's."""
    described = fragments()
    return {
        "about_text": b.about_text,
        "topic": b.topic,
        "counts": b.counts,
        "described": [
            (
                kind.title,
                _(kind.about_words) if kind.about_words else described[kind.name]["description"],
            )
            for kind in KINDS.values()
            if not kind.described_by_hand_on_about
        ],
    }


def counted_kinds() -> list[str]:
    """The kinds the home page and the memo count, by plural (``counted_on_home_and_memo``)."""
    return [kind.plural for kind in KINDS.values() if kind.counted_on_home_and_memo]


def listed(b: Briefing, limit: int) -> list[tuple[Any, list[tuple[Record, str]]]]:
    """Each kind without a place of its own on the home page and the memo (any kind not
    ``shown_by_hand_on_home_and_memo``), with its records the most referred to first, each
    with its row (``Kind.row``)."""
    return [
        (kind, [(r, kind.row(b, r)) for r in most_connected(b, kind.plural, limit)])
        for kind in KINDS.values()
        if not kind.shown_by_hand_on_home_and_memo and b.ids_in(kind.plural)
    ]


def coverage(b: Briefing) -> dict[str, Any]:
    """The articles, and when there are too many for one table, their sources by year."""
    articles = list(b.articles)
    crowded = len(articles) > templating.CROWDED
    return {
        "articles": articles,
        "years": templating.by_year(b.article_sources(), "published") if crowded else [],
    }


def timeline(b: Briefing) -> dict[str, Any]:
    """Every entry, or when there are too many for one page, the years with their counts."""
    dated = dated_entries(b)
    years = [(f"{TIMELINE}/{year}", year, count) for year, count in years_apart(dated)]
    return {"years": years, "calendar": [] if years else calendar(dated, templating.CROWDED)}


def timeline_year(year: str, dated: Dated) -> dict[str, Any]:
    """One year of a timeline split by year (``dated``: every entry), with the years before and
    after it."""
    years = [y for y, _ in years_apart(dated)]
    at = years.index(year)
    return {
        "year": year,
        "calendar": calendar(dated, templating.CROWDED, only=year),
        "before": years[at - 1] if at else None,
        "after": years[at + 1] if at + 1 < len(years) else None,
    }


def topics(b: Briefing) -> dict[str, Any]:
    """Material's listing of every tagged page, or past ``TOPICS_SPLIT_FROM`` tagged records the
    topics with their numbers of records, each with a page of its own listing."""
    return {"topics": topic_pages(b)}


def topic_pages(b: Briefing) -> list[tuple[str, str, int]]:
    """The pages of topics when one page would list too many records: each one's path (without
    ``.md``), its tag and its number of records, in the tags' order; none when it would not."""
    tagged = Counter(tag for record in b.records.values() for tag in record.get("tags", ()))
    if tagged.total() <= TOPICS_SPLIT_FROM:
        return []
    return [(f"{TOPICS}/{tag.replace(' ', '-')}", tag, n) for tag, n in sorted(tagged.items())]


OVERVIEWS: dict[str, Callable[[Briefing], dict[str, Any]]] = {
    "home": home,
    "about": about,
    "coverage": coverage,
    "timeline": timeline,
    "topics": topics,
    "memo": memo,
    "reference": lambda b: reference(),
}


def by_source(
    b: Briefing, years: list[tuple[str, list[Record], int]], year: str | None = None
) -> dict[str, Any]:
    """Claims by source: every article's claims, or past ``BY_SOURCE_SPLIT_FROM`` claims
    (``years``, from ``by_source_years``) the years the articles were published, each with its
    page (``year``: that page's)."""
    if year is not None:
        return {"articles": next(a for y, a, _ in years if y == year), "split_page": year}
    if not years:
        return {"articles": b.article_sources()}
    return {"articles": [], "split_pages": [(_by_source(y), y, n) for y, _, n in years]}


def by_source_years(b: Briefing) -> list[tuple[str, list[Record], int]]:
    """The articles by the year they were published, with the number of their claims, when
    claims by source lists more than ``BY_SOURCE_SPLIT_FROM`` claims; none when it lists fewer."""
    articles = b.article_sources()
    claims = {article.id: len(_claims_in(b, article)) for article in articles}
    if sum(claims.values()) <= BY_SOURCE_SPLIT_FROM:
        return []
    return [
        (year, group, sum(claims[article.id] for article in group))
        for year, group in templating.by_year(articles, "published")
    ]


def by_source_pages(years: list[tuple[str, list[Record], int]]) -> list[tuple[str, str]]:
    """The pages of a long claims by source (names beside it, with a ``_`` no id holds) and
    the year each holds, from ``by_source_years``."""
    return [(_by_source(year), year) for year, _, _ in years]


def _by_source(year: str) -> str:
    return f"by_source_{templating.year_named(year)}"


def _claims_in(b: Briefing, article: Record) -> list[Record]:
    return b.referring(article.id, "evidence", "claims")


def data(b: Briefing) -> dict[str, Any]:
    """The page that documents the downloads under /data/."""
    return {
        "columns": {f"{s}.csv": csv_columns(b, s) for s in KINDS},
        "one": {f"{s}.csv": kind.one.lower() for s, kind in KINDS.items()},  # "claim"
    }


class PartContexts:
    """What each macro of ``_each_record.md.j2`` is given besides its record, worked out inside
    the part from the record. ``once`` makes a function of one argument compute once per
    argument (``Renderer.computed_once`` says how)."""

    def __init__(self, briefing: Briefing, once: Callable[[Callable], Callable]):
        self.briefing = briefing
        # one measurement per article, though its summary row and its table both show it
        self.coverage_of: Callable[[str], ArticleCoverage] = once(
            partial(measure_article, briefing)
        )

    def of(self, macro: str, record: Record) -> dict[str, Any]:
        if macro in ("coverage_row", "coverage_article"):
            return {"article": self.coverage_of(record.id)}
        if macro == "source_claims":
            return {"claims": self.briefing.referring(record.id, "evidence", "claims")}
        return {}
