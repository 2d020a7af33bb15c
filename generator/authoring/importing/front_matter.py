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

import functools
import re

from generator.authoring.drafting.actors import slug
from generator.authoring.importing.page_metadata import Known, PageMetadata
from generator.authoring.metadata import is_address, real_date, unusable
from generator.input.checks import ID, MAX_ID
from generator.input.evidence import fold
from generator.model.records import Briefing


def reason(known: Known) -> str:
    """How a value is known, in the words the source page shows under provenance."""
    if known.field.startswith("the "):
        return f"from {known.field}"
    return f"from the page's metadata ({known.field})"


def fill(meta: dict, page: PageMetadata, source_id: str, briefing: Briefing) -> list[str]:
    """Fill ``meta`` (new-source's values) from ``page``; return notes for the user. A page's
    value that could not be stored (a control character, a bidi control, too long, not an
    address) is left out with a note: the page's mistake is not the user's."""
    reasons: dict[str, str] = meta["provenance"]
    notes: list[str] = []
    usable = functools.partial(_usable, notes=notes)
    if not meta.get("label") and page.title and usable(page.title, "title", "--label"):
        meta["label"] = " ".join(page.title.value.split())
    if page.published and not meta.get("published") and real_date(page.published.value):
        meta["published"] = page.published.value
        reasons.setdefault("published", reason(page.published))
    if page.url and not meta.get("url") and usable(page.url, "address", "--url"):
        meta["url"] = page.url.value
        reasons.setdefault("url", reason(page.url))
    if page.site_name and usable(page.site_name, "site name", "--publisher"):
        _actor(meta, "publisher", page.site_name, source_id, briefing, notes)
    if len(page.authors) == 1 and usable(page.authors[0], "author", "--provenance author=..."):
        _actor(meta, "author", page.authors[0], source_id, briefing, notes)
    elif page.authors:
        names = ", ".join(known.value for known in page.authors)
        notes.append(
            f"the page names {len(page.authors)} authors ({names}); the front matter holds one "
            "actor as author, so none was recorded"
        )
    return notes


def carried_over(meta: dict, old: dict) -> list[str]:
    """On --replace, what the replaced article's front matter said and neither the command line
    nor the new page says again (its label, date, address, publisher, author, with their
    provenance) is kept; a note says what was kept and what was not (in the trash)."""
    kept = []
    for field in ("label", "published", "url", "publisher", "author"):
        if not meta.get(field) and old.get(field):
            meta[field] = old[field]
            kept.append(field)
            if field in (old.get("provenance") or {}):
                meta["provenance"].setdefault(field, old["provenance"][field])
    dropped = sorted(set(old) - {"kind", "received", "provenance", *kept, *meta})
    notes = [f"kept from the replaced article: {', '.join(kept)}"] if kept else []
    if dropped:
        notes.append(
            f"not kept from the replaced article: {', '.join(dropped)} (it is in the trash)"
        )
    return notes


def _usable(known: Known, what: str, option: str, notes: list[str]) -> bool:
    why = unusable(known.value)
    if what == "address" and not why and not is_address(known.value):
        why = "not an http(s) address"
    if why:
        notes.append(f"the page's {what} ({known.field}) was left out: {why}; give {option}")
    return not why


def _actor(
    meta: dict, field: str, known: Known, source_id: str, briefing: Briefing, notes: list[str]
) -> None:
    """``meta[field]``: the actor the page names, found by name, or a new one proposed."""
    given = meta.get(field)
    if given and (given in briefing.records or meta.get(f"{field}_name")):
        return  # the command line named an actor, or created one: the page adds nothing
    actor = given or _named(known.value, briefing)
    if not actor:
        actor = _id_of(known.value)
        if not actor or actor == source_id or actor in briefing.records:
            why = f"'{actor}' is taken by another record" if actor else "no id can be made of it"
            notes.append(f"the page's {field}, {known.value} ({known.field}), was left out: {why}")
            return
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
    """An id made from a name, as the draft makes one: 'The Harbour Gazette' is
    harbour-gazette, 'Østlandets Blad' ostlandets-blad."""
    candidate = slug(re.sub(r"^the\s+(?=\S)", "", name, flags=re.IGNORECASE))[:MAX_ID].strip("-")
    return candidate if ID.match(candidate) else ""
