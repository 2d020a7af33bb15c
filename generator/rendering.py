"""Turn the model into Markdown pages with the Jinja2 templates in ``templates/``.

Each kind of page has one template and one context function that declares what the template may
use. Links are relative ``.md`` paths, so ``mkdocs build --strict`` checks every one of them.
"""

from __future__ import annotations

import multiprocessing
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

from .contexts import CONTEXTS, question_context
from .coverage import measure
from .markup import (
    counted,
    escape,
    escape_run,
    human_date,
    kinds,
    safe_line_start,
    squash,
)
from .model import SECTIONS, Briefing, Evidence, Record
from .network import edges_by_actor, network_svg
from .open_data import csv_table, json_ld, records_json
from .reference import reference
from .timeline import entries

HOME_LIMIT = 10  # rows per table on the home page; the index pages list everything
HOME_NETWORK_LIMIT = 60  # actors the home page's network may draw
CROWDED = 200  # rows under one heading; a longer list is divided by year or month
MEMO_LIMIT = 50  # articles, measures and figures a memo lists before it points to the index
CONTEXT_CHARS = 90  # how much of the surrounding text a quote is shown with
_BLANK_RUNS = re.compile(r"\n{3,}")  # templates stay readable; pages get one blank line
PARALLEL_FROM = 2_000  # records; below this, starting processes costs more than it saves
_forked: Renderer | None = None  # the renderer a forked worker inherits


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
            value = value.get(part, "") if isinstance(value, dict) else ""
        groups.setdefault(value[:4], []).append(record)
    return [(year or "Undated", groups[year]) for year in sorted(groups, key=lambda y: (not y, y))]


def page_path(record: Record) -> str:
    return f"{record.section}/{record.id}.md"


class Renderer:
    def __init__(self, templates: Path, briefing: Briefing):
        self.briefing = briefing
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # Markdown, not HTML: every value passes through |md instead
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            md=escape, date=human_date, counted=counted, kinds=kinds, by_year=by_year
        )
        self.env.globals.update(
            link=self.link,
            evidence_link=self.evidence_link,
            in_context=self.in_context,
            crowded=CROWDED,
        )

    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, record_id: str, text: str = "") -> str:
        record = self.briefing.records[record_id]
        return f"[{escape(text or record.label)}]({context['base']}{page_path(record)})"

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

    def render(self, workers: int = 1) -> dict[str, str]:
        """Every file the generator owns under docs/, by path.

        With more than one worker and a large briefing, the record pages are shared out to
        forked processes, which inherit the model instead of receiving a copy, while this one
        renders the rest. Only call it so from a process without threads (not inside MkDocs).
        """
        if workers < 2 or len(self.briefing.records) < PARALLEL_FROM:
            return (
                self.overview_pages() | self.index_pages() | self.record_pages() | self.data_files()
            )
        global _forked
        _forked = self
        for name in self.env.list_templates():  # compiled once, here, not in every worker
            self.env.get_template(name)
        edges_by_actor(self.briefing)
        try:
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=fork) as pool:
                shares = [pool.submit(_record_pages, share, workers) for share in range(workers)]
                pages = self.overview_pages() | self.index_pages() | self.data_files()
                for share in shares:
                    pages |= share.result()
        finally:
            _forked = None
        return pages

    def overview_pages(self) -> dict[str, str]:
        return {
            "index.md": self._page("home.md.j2", "", self.home()),
            "coverage.md": self._page("coverage.md.j2", "", {"articles": measure(self.briefing)}),
            "timeline.md": self._page("timeline.md.j2", "", {"entries": entries(self.briefing)}),
            "memo.md": self._page("memo.md.j2", "", self.memo()),
            "reference.md": self._page("reference.md.j2", "", reference()),
        }

    def index_pages(self) -> dict[str, str]:
        """One index per kind, grouped so that thousands of records stay scannable."""
        briefing, pages = self.briefing, {}
        for section in SECTIONS:
            context: dict[str, Any] = {section: briefing.in_section(section)}
            if section == "questions":
                context["contentions"] = [
                    (q, *question_context(briefing, q).values()) for q in context[section]
                ]
            pages[f"{section}/index.md"] = self._page(f"{section}.md.j2", "../", context)
        articles = {"articles": briefing.article_sources()}
        # '_' cannot occur in an id, so this page never clashes with a claim's
        pages["claims/by_source.md"] = self._page("claims_by_source.md.j2", "../", articles)
        return pages

    def record_pages(self, share: int = 0, shares: int = 1) -> dict[str, str]:
        """The pages of every ``shares``-th record, starting from the ``share``-th."""
        pages = {}
        for record in list(self.briefing.records.values())[share::shares]:
            context = CONTEXTS[record.section](self.briefing, record)
            page = self._page(
                f"{record.section[:-1]}.md.j2", "../", {record.section[:-1]: record, **context}
            )
            pages[page_path(record)] = (
                f"{front_matter(record)}{page}\n{json_ld(self.briefing, record)}\n"
            )
        return pages

    def data_files(self) -> dict[str, str]:
        """Downloads under /data/, and the page that documents them."""
        tables = {f"data/{s}.csv": csv_table(self.briefing, s) for s in SECTIONS}
        files = {"data/records.json": records_json(self.briefing), **tables}
        columns = {name: text.split("\n", 1)[0].split(",") for name, text in tables.items()}
        context = {"columns": {name.removeprefix("data/"): c for name, c in columns.items()}}
        return files | {"data/index.md": self._page("data.md.j2", "../", context)}

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
            "measures": sorted(measures, key=lambda r: (r.status, r.id)),
            "figures": sorted(self.most_connected("figures", MEMO_LIMIT), key=lambda r: r.id),
        }

    def most_connected(self, section: str, limit: int = HOME_LIMIT) -> list[Record]:
        """The records of a kind that most other records refer to."""
        referrers = self.briefing.referrers
        records = self.briefing.in_section(section)
        weight = {r.id: sum(len(ids) for ids in referrers.get(r.id, {}).values()) for r in records}
        return sorted(records, key=lambda r: (-weight[r.id], r.id))[:limit]

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


def _record_pages(share: int, shares: int) -> dict[str, str]:
    assert _forked is not None, "only called in a worker forked by Renderer.render"
    return _forked.record_pages(share, shares)
