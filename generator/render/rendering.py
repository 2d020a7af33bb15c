"""Turn the model into Markdown pages with the Jinja2 templates in ``templates/``.

Each kind of page has one template and one context function that declares what the template may
use (``contexts`` for record pages, ``overviews`` for the others); the environment and the link
helpers are in ``templating``. This module knows which pages there are and renders them.

A long page (a listing, coverage, a data file) is put together from parts, one for each record
it lists: a macro of ``_each_record.md.j2`` applied to the record, or the record's row of a data
file, each known by a key (the same key, the same part). A long listing is cut into pages
(``cuts``). Four methods of ``Renderer`` are the steps every page goes through: ``render_page``,
``render_part``, ``computed_once`` and ``cut``; a caller may do these its own way, as long as
each gives the same text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any

import jinja2

from generator import i18n, search
from generator.model.kinds import KINDS
from generator.model.network import edges_by_actor
from generator.model.records import Briefing, Evidence, Record
from generator.render import cuts, overviews
from generator.render.contexts import page_context
from generator.render.feed import feed
from generator.render.open_data import csv_table, json_ld, records_json
from generator.render.previews import preview
from generator.render.sharing import Shares
from generator.render.templating import Links, environment, page_path
from generator.render.timeline import years_apart
from generator.search import marks
from generator.writing import COVERAGE, FEED, OVERVIEW_PAGES, TIMELINE

# Templates stay readable; pages get one blank line. A literal start ("\n\n"), unlike \n{3,},
# lets re skip ahead: seven times faster on the long pages.
_BLANK_RUNS = re.compile(r"\n\n\n+")
PARALLEL_FROM = 2_000  # records; below this, starting processes costs more than it saves
# Actor pages drawn from the records near each actor; for more, all edges are found at once
# (at 10,000 records: 0.5 ms an actor, 70 ms for all of them)
NEARBY_NETWORKS = 100


def quoted(record: Record) -> list[Evidence]:
    """Every passage a record quotes: its own evidence and its parts' (roles, steps)."""
    return [*record.evidence, *(part.evidence for part in record.parts)]


def originals(b: Briefing) -> list[tuple[Record, str]]:
    """Each record quoting an article in another language than the briefing's, with that
    language: a page of its words in it (``Renderer.original_page``)."""
    found = []
    for record in b.records.values():
        languages = {b.foreign(e.source) for e in quoted(record)} - {""}
        found += [(record, language) for language in sorted(languages)]
    return found


def original_path(record: Record, language: str) -> str:
    """The page of a record's words in ``language``: named without the words of its id, which
    the search would find it by in the briefing's language, and with a '_' no id holds."""
    named = hashlib.sha256(record.id.encode()).hexdigest()[:12]
    return f"{record.section}/_{language}_{named}.md"


def front_matter(record: Record, foreign: str) -> str:
    """Page metadata: the record's topics, for Material's tags plugin; a source's language,
    where it is not the briefing's (``Briefing.foreign``), for the page's (the MkDocs hook)."""
    tags = record.get("tags")
    lines = ["tags:\n", *(f"  - {tag}\n" for tag in tags)] if tags else []
    if foreign:
        lines.append(f"language: {json.dumps(foreign)}\n")  # quoted: never YAML's no, false
    return "---\n" + "".join(lines) + "---\n\n" if lines else ""


class Renderer:
    """Renders pages; ``compiled`` is a folder where Jinja keeps compiled templates from one run
    to the next."""

    def __init__(self, templates: Path, briefing: Briefing, compiled: Path | None = None):
        self.briefing = briefing
        self._modules: dict[str, Any] = {}
        self.part_contexts = overviews.PartContexts(briefing, self.computed_once)
        self._cut_of = cache(partial(cuts.cut, briefing))  # each long listing's, once
        self.env = environment(templates, compiled)
        self.env.globals.update(Links(briefing).globals(), part=self.part, each=self.each)

    def render_page(self, path: str) -> Any:
        """The page at ``path``, as the writer is to be given it (here, its text)."""
        return self.jobs[path]()

    def render_part(self, key: tuple, make: Callable[[], str]) -> str:
        """The part of a long page that ``make`` renders, known by ``key``."""
        return make()

    def computed_once(self, function: Callable[[str], Any]) -> Callable[[str], Any]:
        """``function`` computed once per argument, for parts that share a value."""
        return cache(function)

    def cut(self, listing: str) -> Any:
        """How ``listing`` is cut into pages (``cuts.cut``), worked out once for all of them;
        a page takes its share with ``cuts.looked_up``."""
        return self._cut_of(listing)

    @jinja2.pass_context
    def part(self, context: jinja2.runtime.Context, macro: str, record_id: str, *args: str) -> str:
        """The macro ``macro`` of _each_record.md.j2 applied to a record (and plain ``args``): what a
        long page repeats for each record."""
        return self.each(context, macro, [(record_id, *args)])

    @jinja2.pass_context
    def each(self, context: jinja2.runtime.Context, macro: str, items: Iterable) -> str:
        """``part`` for each item (a record id, or a tuple of one and plain args), a line each:
        one call from a template for a whole table."""
        base = context["base"]
        make = getattr(self._each_record_module(base), macro)
        found = []
        for item in items:
            record_id, *args = (item,) if isinstance(item, str) else item
            key = (macro, base, record_id, *args)
            found.append(self._record_part(key, record_id, partial(self._part, make, macro, args)))
        return "\n".join(found)

    def _part(self, make: Any, macro: str, args: list[str], record: Record) -> str:
        return str(make(record, *args, **self.part_contexts.of(macro, record)))

    def rows(self, fmt: str, make: Callable[..., str], *args: Any) -> Callable[[Record], str]:
        """``make(record, *args)`` as a function of the record, each record's row a part of
        its page: the rows of a long data file in the format ``fmt`` (csv, json)."""
        return lambda r: self._record_part(
            (fmt, r.id, *args), r.id, lambda record: make(record, *args)
        )

    def _record_part(self, key: tuple, record_id: str, make: Callable[[Record], str]) -> str:
        """``make`` applied to a record, as a part known by ``key``. The record is looked up
        inside the part: the part is rendered from it, not from the page around it.

        Only for pages rendered in this process (overview, index and data pages)."""
        return self.render_part(key, lambda: make(self.briefing.records[record_id]))

    def _each_record_module(self, base: str) -> Any:
        if base not in self._modules:
            template = self.env.get_template("_each_record.md.j2")
            self._modules[base] = template.make_module({"base": base})
        return self._modules[base]

    @cached_property
    def jobs(self) -> dict[str, Callable[[], str]]:
        """How to render each file the generator owns under docs/, by path."""
        b, jobs = self.briefing, {}
        for path, name in OVERVIEW_PAGES.items():
            jobs[path] = partial(self.overview_page, name)
        for section in KINDS:
            jobs[f"{section}/index.md"] = partial(self.index_page, section)
            for name in self.cut(cuts.index(section)):  # a long index's pages
                jobs[f"{section}/{name}.md"] = partial(self.index_page, section, name)
        # '_' cannot occur in an id, so this page never clashes with a claim's
        jobs["claims/by_source.md"] = self.by_source_page
        for name, year in overviews.by_source_pages(self.cut(cuts.BY_SOURCE)):  # a year a page
            jobs[f"claims/{name}.md"] = partial(self.by_source_page, year)
        for source_id in self.briefing.articles:  # the coverage report, an article a page
            jobs[f"{COVERAGE}/{source_id}.md"] = partial(self.coverage_page, source_id)
        for year, _ in years_apart(self.cut(TIMELINE)):  # a long timeline, a year a page
            jobs[f"{TIMELINE}/{year}.md"] = partial(self.timeline_year_page, year)
        for name, tag, _ in overviews.topic_pages(b):  # many tagged records, a topic a page
            jobs[f"{name}.md"] = partial(self._page, "topic.md.j2", "../", {"tag": tag})
        jobs |= self.record_jobs
        for record, language in originals(b):  # its words in another language, for the search
            jobs[original_path(record, language)] = partial(self.original_page, record.id, language)
        jobs |= {f"data/{s}.csv": partial(csv_table, b, s, self.rows) for s in KINDS}
        jobs["data/records.json"] = partial(records_json, b, self.rows)
        jobs["data/index.md"] = self.data_page
        if b.about.get("site_url"):  # Atom's addresses are absolute
            jobs[FEED] = partial(feed, b)
        return jobs

    def render(self, paths: Iterable[str] | None = None, workers: int = 1) -> dict[str, Any]:
        """The files at ``paths`` (all, by default), each as ``render_page`` gives it.

        With more than one worker and many record pages, those are shared out to forked
        processes, which inherit the model instead of receiving a copy, while this one renders
        the rest. Only call it so from a process without threads (not inside MkDocs).
        """
        with i18n.using(self.briefing.language):  # the generator's words (Memo: a change)
            return self._render(paths, workers)

    def _render(self, paths: Iterable[str] | None, workers: int) -> dict[str, Any]:
        jobs = self.jobs
        asked = set(jobs if paths is None else paths)
        wanted = [path for path in jobs if path in asked]
        records = [path for path in wanted if path in self.record_jobs]
        if sum(path.startswith("actors/") for path in records) > NEARBY_NETWORKS:
            edges_by_actor(self.briefing)
        if workers < 2 or len(records) < PARALLEL_FROM:
            return {path: self.render_page(path) for path in wanted}
        for name in self.env.list_templates(extensions=["j2"]):  # compiled once, not per worker
            self.env.get_template(name)
        shares = Shares(self.render_page, [records[share::workers] for share in range(workers)])
        shared = set(records)
        try:
            pages = {path: self.render_page(path) for path in wanted if path not in shared}
        except BaseException:
            shares.stop()
            raise
        pages |= shares.collect()
        return {path: pages[path] for path in wanted}

    @cached_property
    def record_jobs(self) -> dict[str, Callable[[], str]]:
        """The jobs of the pages of single records, which ``render`` may share out."""
        return {
            page_path(r): partial(self.record_page, r.id) for r in self.briefing.records.values()
        }

    def overview_page(self, name: str) -> str:
        return self._page(f"{name}.md.j2", "", overviews.OVERVIEWS[name](self.briefing))

    def index_page(self, section: str, name: str = "index") -> str:
        """One index per kind, grouped so that thousands of records stay scannable (what
        more than its records an index is given is its kind's ``index`` method). A long one
        lists its further pages (``index_pages``), rendered by the same template."""
        b, kind = self.briefing, KINDS[section]
        pages = self.cut(cuts.index(section))
        if name != "index":
            own = cuts.looked_up(b, pages[name])
            context = {**kind.index(b, own[section]), **own}
        elif pages:
            split = [(page, given["split_page"], given["count"]) for page, given in pages.items()]
            context = {section: [], **kind.index(b, []), "split_pages": split}
        else:
            records = b.in_section(section)
            context = {section: records, **kind.index(b, records)}
        return self._page(kind.index_template, "../", context)

    def by_source_page(self, year: str | None = None) -> str:
        b = self.briefing
        context = cuts.looked_up(b, overviews.by_source(b, self.cut(cuts.BY_SOURCE), year))
        return self._page("claims_by_source.md.j2", "../", context)

    def timeline_year_page(self, year: str) -> str:
        context = overviews.timeline_year(year, self.cut(TIMELINE))
        return self._page("timeline_year.md.j2", "../", context)

    def coverage_page(self, source_id: str) -> str:
        source = self.briefing.records[source_id]
        return self._page("coverage_article.md.j2", "../", {"source": source})

    def record_page(self, record_id: str) -> str:
        record = self.briefing.records[record_id]
        kind = KINDS[record.section]
        context = page_context(self.briefing, record)
        page = self._page(
            kind.page_template, "../", {kind.name: record, "record": record, **context}
        )
        b = self.briefing
        data = (json_ld(b, record), preview(b, record), marks(b, record))
        return f"{front_matter(record, b.foreign(record.id))}{page}\n" + "\n".join(data) + "\n"

    def original_page(self, record_id: str, language: str) -> str:
        """A record's words quoted from articles in ``language`` (``originals``), for the
        search to index in that language and answer with the record's page."""
        b, record = self.briefing, self.briefing.records[record_id]
        evidence = [e for e in quoted(record) if b.foreign(e.source) == language]
        page = self._page("original.md.j2", "../", {"record": record, "evidence": evidence})
        head = f"---\nlanguage: {json.dumps(language)}\n---\n\n"  # as front_matter writes it
        return f"{head}{page}\n{search.original_marks(record, evidence[0].quote)}\n"

    def data_page(self) -> str:
        return self._page("data.md.j2", "../", overviews.data(self.briefing))

    def _page(self, template: str, base: str, context: dict[str, Any]) -> str:
        text = self.env.get_template(template).render(base=base, **context)
        return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"
