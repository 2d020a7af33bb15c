"""Turn the model into Markdown pages with the Jinja2 templates in ``templates/``.

Each kind of page has one template and one context function that declares what the template may
use. Links are relative ``.md`` paths, so ``mkdocs build --strict`` checks every one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2

from .coverage import measure
from .model import SECTIONS, Briefing, Record

HOME_LIMIT = 10  # rows per table on the home page; the index pages list everything
_ESCAPE = re.compile(r"([\\`*_{}\[\]#+!|])")
_BLANK_RUNS = re.compile(r"\n{3,}")  # templates stay readable; pages get one blank line
_BLOCK_START = re.compile(r"^(\s*)(\d*)([-.)])")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def escape(text: Any) -> str:
    """Inline Markdown for arbitrary text: no markup, no HTML, no line breaks survive."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ESCAPE.sub(r"\\\1", text)
    return _BLOCK_START.sub(r"\1\2\\\3", text)


def human_date(value: str) -> str:
    """'2019', 'May 2019' or '1 May 2019': the precision the source gave, and no more."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = _MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def counted(number: int, section: str) -> str:
    """'1 measure', '2 measures': a count with its noun."""
    return f"{number} {section[:-1] if number == 1 else section}"


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
        self.env.filters.update(md=escape, date=human_date, counted=counted)
        self.env.globals.update(link=self.link, evidence_link=self.evidence_link)

    @jinja2.pass_context
    def link(self, context: jinja2.runtime.Context, record_id: str, text: str = "") -> str:
        record = self.briefing.records[record_id]
        return f"[{escape(text or record.label)}]({context['base']}{page_path(record)})"

    @jinja2.pass_context
    def evidence_link(self, context: jinja2.runtime.Context, evidence: Any, text: str) -> str:
        """A link to the paragraph of the source page where the quoted words stand."""
        target = f"{context['base']}sources/{evidence.source}.md#p{evidence.paragraph}"
        return f"[{escape(text)}]({target})"

    def render(self) -> dict[str, str]:
        """Every page of the site, by path under docs/."""
        pages = {
            "index.md": self._page("home.md.j2", "", self.home()),
            "coverage.md": self._page("coverage.md.j2", "", {"articles": measure(self.briefing)}),
        }
        for section in SECTIONS:
            singular = section[:-1]
            pages[f"{section}/index.md"] = self._page(
                f"{section}.md.j2", "../", {section: self.briefing.in_section(section)}
            )
            context_of = CONTEXTS[section]
            for record in self.briefing.in_section(section):
                context = {singular: record, **context_of(self.briefing, record)}
                pages[page_path(record)] = self._page(f"{singular}.md.j2", "../", context)
        return pages

    def _page(self, template: str, base: str, context: dict[str, Any]) -> str:
        text = self.env.get_template(template).render(base=base, briefing=self.briefing, **context)
        return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"

    def home(self) -> dict[str, Any]:
        """The overview: counts, and the most connected records of each kind."""
        briefing = self.briefing

        def most_connected(section: str, limit: int) -> list[Record]:
            weight = {
                r.id: sum(len(ids) for ids in briefing.referrers.get(r.id, {}).values())
                for r in briefing.in_section(section)
            }
            ranked = sorted(briefing.in_section(section), key=lambda r: (-weight[r.id], r.id))
            return ranked[:limit]

        return {
            "counts": {section: len(briefing.in_section(section)) for section in SECTIONS},
            "main_actors": most_connected("actors", HOME_LIMIT),
            "claims": most_connected("claims", HOME_LIMIT),
            "measures": most_connected("measures", HOME_LIMIT),
            "figures": most_connected("figures", HOME_LIMIT),
            "articles": [briefing.records[i] for i in briefing.articles][:HOME_LIMIT],
        }


def _actor(b: Briefing, actor: Record) -> dict[str, Any]:
    return {
        "claims": b.referring(actor.id, "speaker"),
        "measures_taken": b.referring(actor.id, "actors"),
        "measures_urged": b.referring(actor.id, "urged_by"),
        "figures": b.referring(actor.id, "stated_by"),
        "about": b.referring(actor.id, "about"),
        "members": b.referring(actor.id, "roles.of"),
        "authored": b.referring(actor.id, "author") + b.referring(actor.id, "publisher"),
        "mentioned_in": b.mentioned_in(actor.id),
    }


def _claim(b: Briefing, claim: Record) -> dict[str, Any]:
    relations = {
        "Supports": claim.get("supports", []),
        "Disputes": claim.get("disputes", []),
        "Responds to": claim.get("responds_to", []),
        "Supported by": [r.id for r in b.referring(claim.id, "supports")],
        "Disputed by": [r.id for r in b.referring(claim.id, "disputes")],
        "Answered by": [r.id for r in b.referring(claim.id, "responds_to")],
    }
    chain = [*claim.get("via", []), *dict.fromkeys(e.source for e in claim.evidence)]
    return {
        "relations": {k: v for k, v in relations.items() if v},
        "chain": chain,
        "referenced_by": b.referring(claim.id, "about"),
    }


def _about_only(b: Briefing, record: Record) -> dict[str, Any]:
    return {"referenced_by": b.referring(record.id, "about")}


def _source(b: Briefing, source: Record) -> dict[str, Any]:
    annotated = b.referring(source.id, "evidence")
    return {
        "article": b.articles.get(source.id),
        "annotated": {
            section: [r for r in annotated if r.section == section] for section in SECTIONS
        },
        "relayed": b.referring(source.id, "via"),
        "cited_in": [b.records[i] for i in dict.fromkeys(e.source for e in source.evidence)],
    }


CONTEXTS: dict[str, Callable[[Briefing, Record], dict[str, Any]]] = {
    "actors": _actor,
    "claims": _claim,
    "measures": _about_only,
    "figures": _about_only,
    "sources": _source,
}


def iter_pages(templates: Path, briefing: Briefing) -> Iterator[tuple[str, str]]:
    yield from sorted(Renderer(templates, briefing).render().items())
