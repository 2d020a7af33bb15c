"""What every kind of record is and does: ``Kind``, whose defaults make a new kind complete.

A kind's module (``claim.py``, ...) holds a subclass and its one instance, ``KIND``. The class
attributes say what the kind is; the methods say what its pages, previews, data and checks
show, each with a default that serves a kind nobody wrote a method for: its page lists what
names it, its preview and JSON-LD give its dates, its actors and its first quoted words.

The defaults import their helpers when called: this module is read while the registry is
being put together (see the package's docstring).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.model.kinds import KindBase

if TYPE_CHECKING:
    from generator.model.records import Briefing, Record


class Kind(KindBase):
    """One kind of record. ``plural`` is its key in annotation files, its folder under docs/,
    its CSV file and its index template; ``name`` is its page template, its schema fragment
    (``generator/schemas/kinds/<name>.json``) and how messages say it. The fields it declares,
    and the defaults of its other methods, are ``KindBase``'s (``generator.model.kinds``)."""

    def preview(self, b: Briefing, record: Record) -> dict[str, Any]:
        """What a link's preview shows under the record's title: its lines, and the words it
        quotes with their source. By default its dates, its actors and its first words."""
        from generator.i18n import _
        from generator.render import phrasing, vocabulary

        lines = [
            phrasing.capital(f"{_(happened)} {phrasing.dated(record, field)}")
            for field, happened in self.dated
            if record.get(field)
        ]
        lines += [
            _("%(field)s: %(names)s")
            % {
                "field": phrasing.capital(vocabulary.field_named(field)),
                "names": phrasing.names(b, record.named[field]),
            }
            + phrasing.inferred_mark(record, field)
            for field in self.actor_fields
            if record.named.get(field)
        ]
        return phrasing.quoted(b, record, lines) if record.evidence else {"lines": lines}

    def json_ld(self, b: Briefing, record: Record, depth: int) -> dict[str, Any]:
        """What schema.org says of a record beyond its name and type. By default its first
        date and, in full, the actors it names."""
        from generator.render import open_data

        data: dict[str, Any] = {}
        dates = [record.get(field) for field, _ in self.dated if record.get(field)]
        if dates:
            data[self.date_property] = dates[0]
        actors = [i for field in self.actor_fields for i in record.named.get(field, ())]
        if actors and not depth:
            data[self.actors_property] = [open_data.ref(b, i) for i in dict.fromkeys(actors)]
        return data
