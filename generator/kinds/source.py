"""Sources: the articles held, and the documents they cite."""

from __future__ import annotations

from typing import Any

from generator.i18n import N_, Nn_, _
from generator.kinds.base import Kind
from generator.model.kinds import Part
from generator.model.records import Briefing, Record
from generator.render import open_data, vocabulary
from generator.render.contexts import extracted_from, kinds_annotated
from generator.render.passages import Passage, mark_paragraphs
from generator.render.phrasing import capital, dated, inferred_mark

SCHEMA_TYPES = {
    "news-article": "NewsArticle",
    "op-ed": "OpinionNewsArticle",
    "report": "Report",
    "social-media-post": "SocialMediaPosting",
    "legislation": "Legislation",
    "video": "VideoObject",
}


class Source(Kind):
    name, plural, order = "source", "sources", 50
    heading, called = N_("Sources"), N_("Source")
    counted_as = Nn_("%(num)d source", "%(num)d sources")
    label_field = "label"
    references = {"author": "actors", "publisher": "actors"}
    dated = (("published", N_("published")),)
    schema_org = "CreativeWork"
    annotated_as = N_("Documents cited")
    reference_first = True
    listed_where_named = False
    shown_by_hand_on_home_and_memo = True
    in_memo_situation = False
    described_by_hand_on_about = True
    lists_referenced_by_itself = True  # "Records about this source", beside its other lists
    split_from = 900  # at 10,007 records 1,765 sources were one page of 579 kB

    def index_parts(self, b: Briefing, sources: list[Record]) -> list[Part]:
        """A year of publication a page."""
        from generator.render.templating import by_year, year_named

        grouped = by_year(sources, "published")
        return [(f"published_{year_named(year)}", year, group) for year, group in grouped]

    def page(self, b: Briefing, source: Record) -> dict[str, Any]:
        annotated = b.referring(source.id, "evidence")
        article = b.articles.get(source.id)
        passages = [
            Passage(e.start, e.end, e, r)
            for r in annotated
            for e in (*r.evidence, *(part.evidence for part in r.parts))
            if e.source == source.id
        ]
        return {
            "article": article,
            # the language its text is marked with, where it is not the pages' own
            "written_in": b.foreign(source.id),
            "extracted_from": extracted_from(article.meta.data) if article else "",
            "paragraphs": mark_paragraphs(article.text, passages) if article else [],
            **kinds_annotated(annotated),
            "relayed": b.referring(source.id, "via"),
            "cited_in": [b.records[i] for i in dict.fromkeys(e.source for e in source.evidence)],
        }

    def index(self, b: Briefing, sources: list[Record]) -> dict[str, Any]:
        """How many records each source evidences or relays, from backlinks alone."""
        annotated = {
            s.id: b.count_referring(s.id, "evidence") + b.count_referring(s.id, "via")
            for s in sources
        }
        return {"annotated": annotated}

    def preview(self, b: Briefing, source: Record) -> dict[str, Any]:
        line = capital(vocabulary.named(source["kind"]))
        if source.get("publisher"):
            line = _("%(sort)s in %(publisher)s") % {
                "sort": line,
                "publisher": b.records[source["publisher"]].label,
            }
            line += inferred_mark(source, "publisher")
        published = dated(source, "published")
        if published:
            line = _("%(source)s, published %(date)s") % {"source": line, "date": published}
        else:
            line = _("%(source)s, date not stated") % {"source": line}
        author = source.get("author")
        author = [_("Author: %(name)s") % {"name": b.records[author].label}] if author else []
        return {"lines": [line, *author]}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        get = record.get
        data: dict[str, Any] = {"@type": SCHEMA_TYPES.get(record["kind"], "CreativeWork")}
        for field, key in (
            ("published", "datePublished"),
            ("url", "url"),
            ("language", "inLanguage"),
        ):
            if get(field):
                data[key] = get(field)
        for field, key in (("author", "author"), ("publisher", "publisher")):
            if get(field) and not depth:
                data[key] = open_data.ref(b, get(field))
        return data


KIND = Source()
