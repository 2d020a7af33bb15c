"""The Jinja2 environment over ``templates/``: its filters, and the helpers that link records.

Markdown templates are not autoescaped: each value passes through ``|md`` (``markup.escape``)
or a helper that escapes. SVG templates (``*.svg.j2``) are autoescaped, with the escaping of
``html.escape``, so that every name reaches SVG text and attributes escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator import i18n
from generator.i18n import _
from generator.input.evidence import inside_quotation_marks
from generator.model.attribution import (
    ACTORS_LABEL,
    CREDIBILITY,
    FIELD_STATUS,
    RELIABILITY,
    STATUS_WORDS,
    Account,
    account,
    claim_self_report,
    event_account,
    independent_sources,
    outlet,
)
from generator.model.kinds import KINDS, SOURCES, KindBase
from generator.model.records import ANALYST, Briefing, Evidence, Record
from generator.render import markup, vocabulary
from generator.render.timeline import entry

CROWDED = 200  # rows under one heading; a longer list is divided by year or month
CONTEXT_CHARS = 90  # how much of the surrounding text a quote is shown with


def grading(b: Briefing, record: Record, half: str = "") -> list[tuple[str, str]]:
    """The halves of a record's grade, each with its meaning: an actor's or a source's
    reliability; for a claim or figure, the reliability of the source it first stands in
    (``rated_source``), then its own credibility. Either alone when only one is graded, or
    when ``half`` names the record's own field."""
    rated = rated_source(b, record) if KINDS[record.section].graded_by_its_source else record
    if half:
        rated = record if half == "reliability" else None
    halves = []
    if rated is not None and "reliability" in rated:
        grade = rated["reliability"]["grade"]
        words = {"grade": grade, "of": rated.label, "meaning": RELIABILITY[grade]}
        if rated is record:
            halves.append((grade, _("Reliability %(grade)s: %(meaning)s") % words))
        else:
            halves.append((grade, _("Reliability %(grade)s (of %(of)s): %(meaning)s") % words))
    if "credibility" in record and half != "reliability":
        grade = record["credibility"]["grade"]
        words = {"grade": grade, "meaning": CREDIBILITY[grade]}
        halves.append((str(grade), _("Credibility %(grade)s: %(meaning)s") % words))
    return halves


def rated_source(b: Briefing, record: Record) -> Record | None:
    """What a claim's or figure's words first stand in, when its reliability is graded: the
    first relayed source (``via``), else the article of its first evidence; the source's
    publisher or author when the source itself is not graded. None for other kinds."""
    if not KINDS[record.section].graded_by_its_source:
        return None
    first = (record.get("via") or [record.evidence[0].source if record.evidence else ""])[0]
    source = b.records.get(first)
    if source is not None and "reliability" not in source and source.section == SOURCES:
        source = b.records.get(outlet(b, source.id))
    return source if source is not None and "reliability" in source else None


def page_path(record: Record) -> str:
    return f"{record.section}/{record.id}.md"


def by_year(records: list[Record], *fields: str) -> list[tuple[str, list[Record]]]:
    """Records grouped by the year of the first date field they have ('period.from' looks
    inside), undated last."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        year = next(filter(None, (_dated_at(record, field)[:4] for field in fields)), "")
        groups.setdefault(year, []).append(record)
    return [
        (year or _("Undated"), groups[year]) for year in sorted(groups, key=lambda y: (not y, y))
    ]


def year_named(year: str) -> str:
    """A year of ``by_year`` as a page's name says it, whatever the language: 'undated'."""
    return year if year[:1].isdigit() else "undated"


def _dated_at(record: Record, field: str) -> str:
    value: Any = record.fields
    for part in field.split("."):
        value = value.get(part, "") if isinstance(value, Mapping) else ""
    return value


def _is_svg(name: str | None) -> bool:
    return name is not None and name.endswith(".svg.j2")


@jinja2.pass_eval_context
def _finalize(eval_context: jinja2.nodes.EvalContext, value: Any) -> Any:
    """In autoescaped (SVG) templates, escape as ``html.escape`` does (``&quot;``, ``&#x27;``)
    rather than as markupsafe does (``&#34;``, ``&#39;``): the drawings stay the bytes they
    have always been."""
    if not eval_context.autoescape or isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value)))


@jinja2.pass_eval_context
def _gettext(eval_context: jinja2.nodes.EvalContext, message: str, **values: Any) -> str:
    """``_("…")`` in a template: the message in the language in use, formatted with its named
    values, as Jinja's newstyle gettext does (escaped in an autoescaped template), called
    directly: a tenth of the time of rendering a record page went to Jinja's indirections."""
    text = i18n._(message)
    return (Markup(text) if eval_context.autoescape else text) % values


def kind_of(record: Record) -> KindBase:
    """The record's kind: what its rows show (``KindBase.listed_with``, ``KindBase.dated_with``)."""
    return KINDS[record.section]


def environment(templates: Path, compiled: Path | None = None) -> jinja2.Environment:
    """The environment for a briefing's templates; ``compiled`` is a folder where Jinja keeps
    compiled templates from one run to the next."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=_is_svg,  # Markdown, not HTML: there every value passes through |md instead
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(compiled) if compiled else None,
        extensions=["jinja2.ext.i18n"],
    )
    # _("…") and ngettext("…", "…", n) in the language in use (i18n.use); newstyle: each is
    # formatted with its named values, _("in %(source)s", source=…), so a literal % is %%
    env.install_gettext_callables(i18n._, i18n.n_, newstyle=True)
    env.globals.update(_=_gettext, gettext=_gettext)  # as newstyle's, without its lookups
    env.filters.update(
        md=markup.escape,
        address=markup.address,
        date=markup.human_date,
        period=markup.human_period,
        counted=vocabulary.counted,
        kinds=vocabulary.heading,
        sort_named=vocabulary.named,
        one_of_sort=vocabulary.one,
        confidence=vocabulary.confidence,
        field_named=vocabulary.field_named,
        by_year=by_year,
        paragraphs=markup.paragraphs,
    )
    env.filters.update(status=STATUS_WORDS.__getitem__, actors_label=ACTORS_LABEL.__getitem__)
    env.globals.update(reliability_words=RELIABILITY, credibility_words=CREDIBILITY)
    env.globals.update(dated=entry, crowded=CROWDED, kind_of=kind_of)
    return env


class Links:
    """The helpers templates link records with, by id; each link is relative to the page's
    ``base``, so ``mkdocs build --strict`` checks every one of them."""

    def __init__(self, briefing: Briefing):
        self.briefing = briefing

    def globals(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "evidence_link": self.evidence_link,
            "covering_link": self.covering_link,
            "in_context": self.in_context,
            "own_words": self.own_words,
            "translator": self.translator,
            "inferred_mark": self.inferred_mark,
            "account_of": self.account_of,
            "account_at": self.account_at,
            "self_reported": self.self_reported,
            "carried_by": self.carried_by,
            "outlet": partial(outlet, self.briefing),
            "rated_source": partial(rated_source, self.briefing),
            "grade": self.grade,
        }

    def carried_by(self, record: Record) -> list[str]:
        """The independent sources that carry a claim or measure (``independent_sources``)."""
        return independent_sources(self.briefing, record)

    @jinja2.pass_context
    def grade(self, context: jinja2.runtime.Context, record: Record, half: str = "") -> str:
        """A record's grade in the Admiralty code as one badge ("B2"), linking to the legend;
        "" if none (``grading``)."""
        halves = grading(self.briefing, record, half)
        if not halves:
            return ""
        text = "".join(grade for grade, _ in halves)
        title = "; ".join(meaning for _, meaning in halves)
        return markup.badge(text, title, f"{context['base']}about.md#grades")

    def account_of(self, record: Record) -> Account:
        """Whose account a measure's status or a figure is (``attribution.account``)."""
        return account(self.briefing, record)

    def account_at(self, measure: Record, event: str) -> Account:
        """Whose account a measure's timeline entry is: 'events.<n>' its n-th event's, a date
        field's (announced, effective, taken) that of the words telling of that step."""
        if event.startswith("events."):
            return event_account(self.briefing, measure, int(event.removeprefix("events.")))
        field = entry(measure, event).field
        return account(self.briefing, measure, FIELD_STATUS.get(field, ""))

    def self_reported(self, claim: Record) -> bool:
        """Whether a claim is about its speaker's own side (``attribution.claim_self_report``)."""
        return claim_self_report(self.briefing, claim)

    @jinja2.pass_context
    def inferred_mark(
        self, context: jinja2.runtime.Context, record: Record, field: str, text: str = ""
    ) -> str:
        """Where a list shows a value the analyst inferred: a mark with the reason as its
        tooltip, linking to the record page's list of inferences, and the reason in print."""
        if field not in record.inferred:
            return ""
        target = f"{context['base']}{page_path(record)}#what-is-inferred"
        return markup.inferred_mark(text or _("inferred"), record.inferred[field], target)

    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, record_id: str, text: str = "") -> str:
        record = self.briefing.records[record_id]
        return markup.link(text or record.label, f"{context['base']}{page_path(record)}")

    @jinja2.pass_context
    def covering_link(self, context: jinja2.runtime.Context, record_id: str) -> str:
        """A link, by id, to a record whose evidence covers a sentence of an article: it reads
        where the record's page is, not the record, so coverage does not change with a summary."""
        section = self.briefing.section_of(record_id)
        return markup.link(record_id, f"{context['base']}{section}/{record_id}.md")

    @jinja2.pass_context
    def evidence_link(
        self, context: jinja2.runtime.Context, evidence: Evidence, text: str = ""
    ) -> str:
        """A link to the marked passage on the source page where the quoted words stand, named
        ``text`` or else the source."""
        text = text or self.briefing.records[evidence.source].label
        return markup.link(text, f"{context['base']}sources/{evidence.source}.md#{evidence.anchor}")

    def own_words(self, claim: Record, evidence: Evidence) -> str:
        """What a quoted claim's speaker said, as the article quotes it: the words inside its
        quotation marks, without the reporter's tag (", the top envoy said"); a claim reported,
        or quoted without marks in the passage, keeps its whole passage, as does one whose
        passage is translated (its translation is of the whole). Inline Markdown, marked with
        the article's language where it is not the pages'."""
        text = self.briefing.articles[evidence.source].text
        runs = inside_quotation_marks(text, evidence.start, evidence.end)
        own = claim.get("form") == "quoted" and runs and not evidence.translation
        words = " … ".join(runs) if own else evidence.quote
        return markup.in_language(markup.escape(words), self.briefing.foreign(evidence.source))

    @jinja2.pass_context
    def translator(self, context: jinja2.runtime.Context, evidence: Evidence) -> str:
        """Who translated quoted words: a link to the actor, or the analyst."""
        if evidence.translated_by == ANALYST:
            return _("the analyst")
        return self.link(context, evidence.translated_by)

    def in_context(self, evidence: Evidence) -> str:
        """The quoted words marked, with the words around them in the same paragraph."""
        text = self.briefing.articles[evidence.source].text
        line_start = text.rfind("\n", 0, evidence.start) + 1
        line_end = text.find("\n", evidence.end) % (len(text) + 1)
        before = text[max(line_start, evidence.start - CONTEXT_CHARS) : evidence.start]
        after = text[evidence.end : min(line_end, evidence.end + CONTEXT_CHARS)]
        if evidence.start - CONTEXT_CHARS > line_start:
            before = "…" + before.partition(" ")[2]
        if evidence.end + CONTEXT_CHARS < line_end:
            after = after.rpartition(" ")[0] + "…"
        excerpt = markup.excerpt(before, text[evidence.start : evidence.end], after)
        return markup.in_language(excerpt, self.briefing.foreign(evidence.source))
