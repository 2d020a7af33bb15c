"""The generator's words for what the schema names, in the language in use (``generator.i18n``):
the sorts of actor and of source (their ``kind``), a judgment's confidence, a measure's steps,
the fields an inference names; counts; and the words the site's
scripts show (``script_words``). A kind's own words are in its module (``KindBase.heading``).

Each sort has three: one of it with its article ("a person", a page's first line), its bare
name ("person", a table's cell) and a heading over many ("People"). A sort the schema gains
without words here is shown as its English name says it.
"""

from __future__ import annotations

import re
from typing import Any

from generator.i18n import N_, Nn_, _, n_
from generator.model.kinds import KINDS

SORTS = {
    # actors
    "person": (N_("a person"), N_("person"), N_("People")),
    "group": (N_("a group"), N_("group"), N_("Groups")),
    "state": (N_("a state"), N_("state"), N_("States")),
    "government-body": (N_("a government body"), N_("government body"), N_("Government bodies")),
    "legislature": (N_("a legislature"), N_("legislature"), N_("Legislatures")),
    "organisation": (N_("an organisation"), N_("organisation"), N_("Organisations")),
    "publication": (N_("a publication"), N_("publication"), N_("Publications")),
    # sources
    "news-article": (N_("a news article"), N_("news article"), N_("News articles")),
    "op-ed": (N_("an op-ed"), N_("op-ed"), N_("Op-eds")),
    "report": (N_("a report"), N_("report"), N_("Reports")),
    "social-media-post": (
        N_("a social media post"),
        N_("social media post"),
        N_("Social media posts"),
    ),
    "testimony": (N_("a testimony"), N_("testimony"), N_("Testimonies")),
    "press-conference": (N_("a press conference"), N_("press conference"), N_("Press conferences")),
    "statement": (N_("a statement"), N_("statement"), N_("Statements")),
    "legislation": (N_("a legislation"), N_("legislation"), N_("Legislation")),
    "video": (N_("a video"), N_("video"), N_("Videos")),
}
# What pages count besides the kinds' records (each kind says how its own are counted)
COUNTED = {
    "records": Nn_("%(num)d record", "%(num)d records"),
    "articles": Nn_("%(num)d article", "%(num)d articles"),
    "passages": Nn_("%(num)d passage", "%(num)d passages"),
    "relations": Nn_("%(num)d relation", "%(num)d relations"),
}
# A measure's steps (the schema's events), as the timeline and its page say them: the event
# without hyphens (Step.label); a kind's dated words are marked in its module
STEPS = (
    N_("urged"),
    N_("proposed"),
    N_("promised"),
    N_("agreed"),
    N_("announced"),
    N_("announced again"),
    N_("in effect"),
    N_("carried out"),
)
# A record's fields as pages name them where a value of one is inferred or known from provenance
FIELDS = {
    "speaker": N_("speaker"),
    "date": N_("date"),
    "via": N_("via"),
    "actors": N_("actors"),
    "urged_by": N_("urged by"),
    "stated_by": N_("stated by"),
    "publisher": N_("publisher"),
    "author": N_("author"),
    "published": N_("published"),
    "announced": N_("announced"),
    "effective": N_("effective"),
    "taken": N_("taken"),
    "period": N_("period"),
    "value": N_("value"),
    "url": N_("address"),
    "about": N_("about"),
    "status": N_("status"),
    "roles": N_("roles"),
    "summary": N_("summary"),
    "counts": N_("what it counts"),
    "unit": N_("unit"),
    "qualifier": N_("qualifier"),
    "name": N_("name"),
    "kind": N_("kind"),
    "form": N_("form"),
    "label": N_("label"),
}
_EVENT_DATE = re.compile(r"date of the (.+) event")  # how Step.inferred_as names a step's date
CONFIDENCE = {"low": N_("low"), "moderate": N_("moderate"), "high": N_("high")}


def script_words() -> dict[str, Any]:
    """The words the site's scripts show (docs/assets/*.js), which each page carries: the
    search's filters, by kind, the names of what they label and its count; and the feed's
    title in the page's head (templates/theme/base.html)."""
    return {
        "kinds": {plural: kind.title for plural, kind in KINDS.items()},
        # what a filter puts in the query, "kind:<word>": its label, as one word
        "tokens": {plural: "-".join(kind.title.lower().split()) for plural, kind in KINDS.items()},
        "all": _("All"),
        "search": _("Search"),
        "search_only": _("Search only"),
        "navigation": _("Navigation"),
        "page": _("Page"),
        "feed": _("Latest articles"),  # the feed's title, in each page's head
        # TRANSLATORS: the search's count of results; "#" stands for the number
        "one_result": _("1 matching page"),
        "results": _("# matching pages"),
    }


def field_named(field: str) -> str:
    """'urged by': a record's field as a page names it, in the language in use."""
    step = _EVENT_DATE.fullmatch(field)
    if step:
        return _("date of the %(event)s event") % {"event": _(step.group(1))}
    return _(FIELDS[field]) if field in FIELDS else field.replace("_", " ").replace(".", " ")


def one(sort: str) -> str:
    """'a person', 'an op-ed'."""
    return _(SORTS[sort][0]) if sort in SORTS else sort.replace("-", " ")


def named(sort: str) -> str:
    """'person', 'news article'."""
    return _(SORTS[sort][1]) if sort in SORTS else sort.replace("-", " ")


def heading(sort: str) -> str:
    """'People', 'News articles'."""
    return _(SORTS[sort][2]) if sort in SORTS else sort.replace("-", " ").capitalize()


def counted(number: int, noun: str) -> str:
    """'1 measure', '2 measures': a count with its noun, a kind's plural or one of ``COUNTED``."""
    kind = KINDS.get(noun)
    forms = kind.counted_as if kind is not None and kind.counted_as[0] else COUNTED.get(noun)
    if forms is None:
        return f"{number} {noun[:-1] if number == 1 else noun}"
    return n_(*forms, number) % {"num": number}


def confidence(level: str) -> str:
    """'moderate': a judgment's confidence."""
    return _(CONFIDENCE[level]) if level in CONFIDENCE else level
