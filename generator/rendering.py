"""Turn the model into Markdown pages with the Jinja2 templates in ``templates/``.

Each kind of page has one template and one context function that declares what the template may
use. Links are relative ``.md`` paths, so ``mkdocs build --strict`` checks every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import jinja2

from . import tracing
from .contexts import INDEXES, page_context, question_context
from .coverage import measure_article
from .kinds import KINDS
from .markup import (
    counted,
    escape,
    escape_run,
    human_date,
    kinds,
    paragraphs,
    safe_line_start,
    squash,
)
from .model import Briefing, Evidence, Record
from .network import edges_by_actor, network_svg
from .open_data import csv_columns, csv_table, json_ld, records_json
from .reference import reference
from .timeline import calendar, entry
from .tracing import Rendered, rendered, reuse
from .writing import OVERVIEW_PAGES

HOME_LIMIT = 10  # rows per table on the home page; the index pages list everything
HOME_NETWORK_LIMIT = 60  # actors the home page's network may draw
CROWDED = 200  # rows under one heading; a longer list is divided by year or month
MEMO_LIMIT = 50  # articles, measures and figures a memo lists before it points to the index
CONTEXT_CHARS = 90  # how much of the surrounding text a quote is shown with
# Templates stay readable; pages get one blank line. A literal start ("\n\n"), unlike \n{3,},
# lets re skip ahead: seven times faster on the long pages.
_BLANK_RUNS = re.compile(r"\n\n\n+")
PARALLEL_FROM = 2_000  # records; below this, starting processes costs more than it saves
# Actor pages drawn from the records near each actor; for more, all edges are found at once
# (at 10,000 records: 0.5 ms an actor, 70 ms for all of them)
NEARBY_NETWORKS = 100
_forked: tuple[Renderer, list[str]] | None = None  # what a forked worker inherits: whose pages


def front_matter(record: Record) -> str:
    """Page metadata: the record's topics, for Material's tags plugin."""
    tags = record.get("tags")
    if not tags:
        return ""
    return "---\ntags:\n" + "".join(f"  - {tag}\n" for tag in tags) + "---\n\n"


def by_year(records: list[Record], field: str) -> list[tuple[str, list[Record]]]:
    """Records grouped by the year of a date field ('period.from' looks inside), undated last."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        value: Any = record.fields
        for part in field.split("."):
            value = value.get(part, "") if isinstance(value, Mapping) else ""
        groups.setdefault(value[:4], []).append(record)
    return [(year or "Undated", groups[year]) for year in sorted(groups, key=lambda y: (not y, y))]


def page_path(record: Record) -> str:
    return f"{record.section}/{record.id}.md"


class Renderer:
    """Renders pages; ``parts`` are parts of long pages from an earlier run still valid now, and
    ``compiled`` a folder where Jinja keeps compiled templates from one run to the next."""

    def __init__(
        self,
        templates: Path,
        briefing: Briefing,
        parts: dict[tuple, Rendered] | None = None,
        compiled: Path | None = None,
    ):
        self.briefing = briefing
        self.parts: dict[tuple, Rendered] = parts or {}
        self.parts_used: dict[tuple, Rendered] = {}
        self._modules: dict[str, Any] = {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown, not HTML: every value passes through |md instead
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=jinja2.FileSystemBytecodeCache(compiled) if compiled else None,
        )
        self.env.filters.update(
            md=escape,
            date=human_date,
            counted=counted,
            kinds=kinds,
            by_year=by_year,
            paragraphs=paragraphs,
        )
        self.env.globals.update(
            link=self.link,
            evidence_link=self.evidence_link,
            covering_link=self.covering_link,
            in_context=self.in_context,
            part=self.part,
            parts_of=self.parts_of,
            coverage_of=tracing.once(partial(measure_article, briefing)),
            dated=entry,
            crowded=CROWDED,
        )

    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, record_id: str, text: str = "") -> str:
        record = self.briefing.records[record_id]
        return f"[{escape(text or record.label)}]({context['base']}{page_path(record)})"

    @jinja2.pass_context
    def covering_link(self, context: jinja2.runtime.Context, record_id: str) -> str:
        """A link, by id, to a record whose evidence covers a sentence of an article. Where its
        page is (its section) is part of what the article's coverage read ('v:<article>'), so
        the link reads nothing more: the coverage page does not change with a summary."""
        with tracing.unnoted():
            record = self.briefing.records[record_id]
        return f"[{escape(record_id)}]({context['base']}{page_path(record)})"

    @jinja2.pass_context
    def evidence_link(self, context: jinja2.runtime.Context, evidence: Evidence, text: str) -> str:
        """A link to the marked passage on the source page where the quoted words stand."""
        target = f"{context['base']}sources/{evidence.source}.md#{evidence.anchor}"
        return f"[{escape(text)}]({target})"

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
        quote = escape_run(squash(text[evidence.start : evidence.end]))
        marked = f'{escape_run(squash(before))}<mark class="evidence">{quote}</mark>{escape_run(squash(after))}'
        return safe_line_start(marked.strip())

    @jinja2.pass_context
    def part(self, context: jinja2.runtime.Context, macro: str, record_id: str, *args: str) -> str:
        """The macro ``macro`` of _parts.md.j2 applied to a record (and plain ``args``): what a
        long page repeats for each record."""
        return self.parts_of(context, macro, [(record_id, *args)])

    @jinja2.pass_context
    def parts_of(self, context: jinja2.runtime.Context, macro: str, items: Iterable) -> str:
        """``part`` for each item (a record id, or a tuple of one and plain args), a line each:
        one call from a template for a whole table."""
        base = context["base"]
        make = getattr(self._parts_module(base), macro)
        found = []
        for item in items:
            record_id, *args = (item,) if isinstance(item, str) else item
            key = (macro, base, record_id, *args)
            found.append(self._cached(key, record_id, lambda r, a=args: str(make(r, *a))))
        return "\n".join(found)

    def rows(self, kind: str, make: Callable[..., str], *args: Any) -> Callable[[Record], str]:
        """``make(record, *args)`` as a function of the record, as ``open_data.afresh`` gives
        it, but each record's row taken from the cache when it can: long data files' rows."""
        return lambda r: self._cached((kind, r.id, *args), r.id, lambda record: make(record, *args))

    def _cached(self, key: tuple, record_id: str, make: Callable[[Record], str]) -> str:
        """``make`` applied to a record, taken from an earlier run (by ``key``) when what it read
        then is unchanged; what it reads now includes the record.

        Only for pages rendered in this process (overview, index and data pages), which keep
        what they render in ``parts_used``."""
        part = self.parts.get(key)
        if part is None:
            part = rendered(lambda: make(self.briefing.records[record_id]))
        else:
            reuse(part)
        self.parts_used[key] = part
        return part.text

    def _parts_module(self, base: str) -> Any:
        if base not in self._modules:
            template = self.env.get_template("_parts.md.j2")
            self._modules[base] = template.make_module({"base": base, "briefing": self.briefing})
        return self._modules[base]

    @cached_property
    def jobs(self) -> dict[str, Callable[[], str]]:
        """How to render each file the generator owns under docs/, by path."""
        b, jobs = self.briefing, {}
        for path, name in OVERVIEW_PAGES.items():
            jobs[path] = partial(self.overview_page, name)
        for section in KINDS:
            jobs[f"{section}/index.md"] = partial(self.index_page, section)
        # '_' cannot occur in an id, so this page never clashes with a claim's
        jobs["claims/by_source.md"] = self.by_source_page
        jobs |= self.record_jobs
        jobs |= {f"data/{s}.csv": partial(csv_table, b, s, self.rows) for s in KINDS}
        jobs["data/records.json"] = partial(records_json, b, self.rows)
        jobs["data/index.md"] = self.data_page
        return jobs

    def render(self, paths: Iterable[str] | None = None, workers: int = 1) -> dict[str, Rendered]:
        """The files at ``paths`` (all, by default), each with what it read from the model.

        With more than one worker and many record pages, those are shared out to forked
        processes, which inherit the model instead of receiving a copy, while this one renders
        the rest. Only call it so from a process without threads (not inside MkDocs).
        """
        jobs = self.jobs
        asked = set(jobs if paths is None else paths)
        wanted = [path for path in jobs if path in asked]
        records = [path for path in wanted if path in self.record_jobs]
        if sum(path.startswith("actors/") for path in records) > NEARBY_NETWORKS:
            edges_by_actor(self.briefing)
        if workers < 2 or len(records) < PARALLEL_FROM:
            return {path: rendered(jobs[path]) for path in wanted}
        import multiprocessing  # here: most runs render too few pages to share them out
        from concurrent.futures import ProcessPoolExecutor

        global _forked
        _forked = (self, records)
        for name in self.env.list_templates():  # compiled once, here, not in every worker
            self.env.get_template(name)
        try:
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=fork) as pool:
                shares = [pool.submit(_render_share, share, workers) for share in range(workers)]
                shared = set(records)
                pages = {p: rendered(jobs[p]) for p in wanted if p not in shared}
                for share in shares:
                    pages |= share.result()
        finally:
            _forked = None
        return {path: pages[path] for path in wanted}

    @cached_property
    def record_jobs(self) -> dict[str, Callable[[], str]]:
        """The jobs of the pages of single records, which ``render`` may share out."""
        with tracing.unnoted():
            return {
                page_path(r): partial(self.record_page, r) for r in self.briefing.records.values()
            }

    def overview_page(self, name: str) -> str:
        contexts = {
            "home": self.home,
            "about": lambda: {"counts": self.briefing.counts},
            "coverage": lambda: {"articles": list(self.briefing.articles)},
            "timeline": lambda: {"calendar": calendar(self.briefing, CROWDED)},
            "memo": self.memo,
            "reference": reference,
        }
        return self._page(f"{name}.md.j2", "", contexts[name]())

    def index_page(self, section: str) -> str:
        """One index per kind, grouped so that thousands of records stay scannable (what
        more than its records an index is given is its kind's ``index`` hook)."""
        kind, records = KINDS[section], self.briefing.in_section(section)
        more = INDEXES[kind.index](self.briefing, records) if kind.index else {}
        return self._page(kind.index_template, "../", {section: records, **more})

    def by_source_page(self) -> str:
        articles = {"articles": self.briefing.article_sources()}
        return self._page("claims_by_source.md.j2", "../", articles)

    def record_page(self, record: Record) -> str:
        tracing.note(f"r:{record.id}")
        kind = KINDS[record.section]
        context = page_context(self.briefing, record)
        page = self._page(kind.page_template, "../", {kind.name: record, **context})
        return f"{front_matter(record)}{page}\n{json_ld(self.briefing, record)}\n"

    def data_page(self) -> str:
        """The page that documents the downloads under /data/."""
        columns = {f"{s}.csv": csv_columns(self.briefing, s) for s in KINDS}
        return self._page("data.md.j2", "../", {"columns": columns})

    def _page(self, template: str, base: str, context: dict[str, Any]) -> str:
        text = self.env.get_template(template).render(base=base, briefing=self.briefing, **context)
        return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"

    def memo(self) -> dict[str, Any]:
        """The briefing as one printable brief: main actors, every position, and the measures
        and figures most referred to (all of them, up to MEMO_LIMIT)."""
        briefing = self.briefing
        questions = briefing.in_section("questions")
        measures = self.most_connected("measures", MEMO_LIMIT)
        return {
            "articles": briefing.article_sources()[:MEMO_LIMIT],
            "counts": briefing.counts,
            "actors": self.most_connected("actors"),
            "contentions": [(q, *question_context(briefing, q).values()) for q in questions],
            "measures": sorted(measures, key=lambda r: (r["status"], r.id)),
            "figures": sorted(self.most_connected("figures", MEMO_LIMIT), key=lambda r: r.id),
        }

    def most_connected(self, section: str, limit: int = HOME_LIMIT) -> list[Record]:
        """The records of a kind that most other records refer to."""
        referrers = self.briefing.referrers
        ids = self.briefing.ids_in(section)
        weight = {i: sum(len(named) for named in referrers.get(i, {}).values()) for i in ids}
        return [
            self.briefing.records[i] for i in sorted(ids, key=lambda i: (-weight[i], i))[:limit]
        ]

    def home(self) -> dict[str, Any]:
        """The overview: counts, and the most connected records of each kind."""
        briefing = self.briefing
        counts = briefing.counts
        return {
            "counts": counts,
            "main_actors": self.most_connected("actors"),
            "claims": self.most_connected("claims"),
            "measures": self.most_connected("measures"),
            "figures": self.most_connected("figures"),
            "articles": briefing.article_sources()[:HOME_LIMIT],
            # Past a few dozen actors one drawing stops being readable (and bloats the page);
            # each actor's page still draws their neighbourhood.
            "network": network_svg(briefing) if counts["actors"] <= HOME_NETWORK_LIMIT else "",
        }


def _render_share(share: int, shares: int) -> dict[str, Rendered]:
    assert _forked is not None, "only called in a worker forked by Renderer.render"
    renderer, paths = _forked
    return {path: rendered(renderer.jobs[path]) for path in paths[share::shares]}
