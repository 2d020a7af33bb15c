"""What each page reads from the model, so that a later run can tell which pages it must redo.

While a page renders, every record, article, backlink list and network neighbourhood it takes
from the ``Briefing`` is noted as a key ('r:<id>', 'a:<id>', 'b:<id>', 'e:<id>'; a whole section
is 's:<section>', only its ids 'n:<section>', only where the evidence in an article stands
'v:<article>', only a claim's speakers 'w:<claim>', everything of a kind is 'r:*', 'a:*', 'b:*',
'e:*'; the title and topic are 't:title' and 't:topic'; when an article joined 'd:<id>', the
ids an annotation file defines 'f:<path>'; how a long listing is cut into pages 'p:<listing>',
see ``render.cuts``). ``memo.Digests`` gives each key's digest for a model: a page whose keys
all have the digests they had when it was written would come out the same, byte for byte, so
it need not be rendered again.

The model notes its own reads (``Briefing`` holds ``Traced`` mappings), so templates and context
functions need no bookkeeping, and a new way of reading cannot forget to report itself.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

_reading: list[set[str]] = []  # one set per page (or part) being rendered, innermost last


def note(key: str) -> None:
    if _reading:
        _reading[-1].add(key)


def _note_all(keys: Iterable[str]) -> None:
    if _reading:
        _reading[-1].update(keys)


@contextmanager
def reads() -> Iterator[set[str]]:
    """Collect the keys read inside the block; they count as read by any enclosing block too."""
    found: set[str] = set()
    _reading.append(found)
    try:
        yield found
    finally:
        _reading.pop()
        _note_all(found)


@dataclass(frozen=True)
class Rendered:
    """A page, or a part of one, with the keys its rendering read."""

    text: str
    reads: frozenset[str]


def rendered(job: Callable[[], str]) -> Rendered:
    with reads() as keys:
        text = job()
    return Rendered(text, frozenset(keys))


def reuse(earlier: Rendered) -> str:
    """An earlier rendering's text, its reads counted as read now."""
    _note_all(earlier.reads)
    return earlier.text


def once(function: Callable[[str], Any]) -> Callable[[str], Any]:
    """``function`` computed once per argument; a later call notes the reads of the first."""
    known: dict[str, tuple[Any, frozenset[str]]] = {}

    def remembered(argument: str) -> Any:
        if argument not in known:
            with reads() as keys:
                value = function(argument)
            known[argument] = value, frozenset(keys)
        value, keys = known[argument]
        _note_all(keys)
        return value

    return remembered


class Traced(dict):
    """A dict that notes '<prefix>:<key>' for each key looked up, and '<prefix>:*' for a scan."""

    def __init__(self, prefix: str, items: Any = ()):
        super().__init__(items)
        self.prefix = prefix

    def __getitem__(self, key: str) -> Any:
        if _reading:  # inline: looked up often
            _reading[-1].add(f"{self.prefix}:{key}")
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        note(f"{self.prefix}:{key}")
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        note(f"{self.prefix}:{key}")
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        note(f"{self.prefix}:*")
        return super().__iter__()

    def __len__(self) -> int:
        note(f"{self.prefix}:*")
        return super().__len__()

    def keys(self):
        note(f"{self.prefix}:*")
        return super().keys()

    def values(self):
        note(f"{self.prefix}:*")
        return super().values()

    def items(self):
        note(f"{self.prefix}:*")
        return super().items()


def digest(value: Any) -> str:
    """A digest of plain data (str, numbers, booleans, None, and tuples, lists and dicts of them).

    marshal's version 2 writes a value's bytes from the value alone (later versions also mark
    shared and interned strings), and faster than ``repr``."""
    return hashlib.blake2b(marshal.dumps(value, 2), digest_size=16).hexdigest()


def plain(value: Any) -> tuple:
    """A frozen dataclass of plain values as a tuple of them, for ``digest`` and the store."""
    return tuple(vars(value).values())
