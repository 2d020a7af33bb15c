"""What an imported page's metadata puts in the front matter: only what the command line left
open (a value given on the command line always wins), each field with the reason it is known
from provenance: "from the page's metadata (og:site_name)".

The front matter names actors by id, and a site's or an author's name is not one: a name that
an actor of the briefing has (as its name or an alias) becomes that actor's id; otherwise a new
actor is proposed under an id made from the name (created with the article, as
``--publisher-name`` creates one). A page naming several authors leaves ``author`` out: the
front matter holds one, and choosing would be a guess.
"""

from __future__ import annotations

import re
import unicodedata

from generator.authoring.importing.page_metadata import Known, PageMetadata
from generator.authoring.metadata import PROVENANCE_FIELDS, real_date
from generator.input.checks import ID, MAX_ID
from generator.input.evidence import fold
from generator.model.records import Briefing


def reason(known: Known) -> str:
    """How a value is known, in the words the source page shows under provenance."""
    if known.field.startswith("the "):
        return f"from {known.field}"
    return f"from the page's metadata ({known.field})"


def fill(meta: dict, page: PageMetadata, source_id: str, briefing: Briefing) -> list[str]:
    """Fill ``meta`` (new-source's values) from ``page``; return notes for the user."""
    reasons: dict[str, str] = meta["provenance"]
    notes: list[str] = []
    if not meta.get("label") and page.title:
        meta["label"] = page.title.value
    if page.published and not meta.get("published") and real_date(page.published.value):
        meta["published"] = page.published.value
        reasons.setdefault("published", reason(page.published))
    if page.url and not meta.get("url"):
        meta["url"] = page.url.value
        reasons.setdefault("url", reason(page.url))
    if page.site_name:
        _actor(meta, "publisher", page.site_name, source_id, briefing)
    if len(page.authors) == 1:
        _actor(meta, "author", page.authors[0], source_id, briefing)
    elif page.authors:
        names = ", ".join(known.value for known in page.authors)
        notes.append(
            f"the page names {len(page.authors)} authors ({names}); the front matter holds one "
            "actor as author, so none was recorded"
        )
    for field in [f for f in reasons if f not in PROVENANCE_FIELDS]:
        del reasons[field]
    return notes


def _actor(meta: dict, field: str, known: Known, source_id: str, briefing: Briefing) -> None:
    """``meta[field]``: the actor the page names, found by name, or a new one proposed."""
    given = meta.get(field)
    if given and (given in briefing.records or meta.get(f"{field}_name")):
        return  # the command line named an actor, or created one: the page adds nothing
    actor = given or _named(known.value, briefing)
    if not actor:
        actor = _id_of(known.value)
        if not actor or actor == source_id or actor in briefing.records:
            return  # no id to propose: left out, as the page's other unknowns are
    if actor not in briefing.records:
        meta[f"{field}_name"] = known.value
    meta[field] = actor
    meta["provenance"].setdefault(field, reason(known))


def _named(name: str, briefing: Briefing) -> str:
    """The id of the actor whose name or an alias is ``name`` ('The Gazette' = 'Gazette')."""
    wanted = {fold(name), fold(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))}
    for actor in briefing.in_section("actors"):
        names = [actor.get("name", ""), *actor.get("aliases", [])]
        bare = [re.sub(r"^the\s+", "", n, flags=re.IGNORECASE) for n in names]
        if wanted & {fold(n) for n in [*names, *bare] if n}:
            return actor.id
    return ""


def _id_of(name: str) -> str:
    """An id made from a name: 'The Harbour Gazette' is harbour-gazette."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    candidate = "-".join(words)[:MAX_ID].strip("-")
    return candidate if ID.match(candidate) else ""
