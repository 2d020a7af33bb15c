"""Whether a kind's page template keeps to the page frame, ``templates/_record.md.j2``.

The frame renders what every record page must show: the records about it and those naming it
(the links back) and the analyst's inferences. A page template extends it and fills its one
block, ``body``. Read from the template's syntax tree, not its text, so that a quoted name
either way is found and a name in a comment is not: what it lacks is said as (what, how to
mend it), for the registry's start-up check to place at the kind.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes

FRAME = "_record.md.j2"
BODY = "body"  # the frame's one block, which the page fills
LINKS_BACK = ("referenced_by", "named_in")  # what the frame is given for every record page


def frame_lacks(
    templates: Path, page: str, lists_referenced_by_itself: bool
) -> list[tuple[str, str]]:
    """What the page template ``page`` (a file of ``templates``) does that the frame forbids,
    or lacks: extending the frame, filling no block but ``body``, leaving the links back as
    they are given, and, when its kind says the page lists ``referenced_by`` in a place of its
    own, reading it."""
    text = (templates / page).read_text(encoding="utf-8")
    return list(_text_lacks(text, page, lists_referenced_by_itself))


@lru_cache(maxsize=64)  # every run asks (a preview: every save); a template seldom changes
def _text_lacks(text: str, page: str, lists_referenced_by_itself: bool) -> tuple:
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as error:
        return ((f"templates/{page}:{error.lineno}: {error.message}", "mend the template"),)
    lacking = []
    extended = [node.template for node in tree.find_all(nodes.Extends)]
    if not any(isinstance(t, nodes.Const) and t.value == FRAME for t in extended):
        lacking.append(
            (
                f"templates/{page} does not extend {FRAME}",
                f'begin it with {{% extends "{FRAME}" %}} and put the page in '
                f"{{% block {BODY} %}}: the frame shows what every record page must",
            )
        )
    for block in tree.find_all(nodes.Block):
        if block.name != BODY:
            lacking.append(
                (
                    f"templates/{page}:{block.lineno} fills a block '{block.name}', "
                    f"which {FRAME} does not have",
                    f"put the page in {{% block {BODY} %}}: the frame shows the links back "
                    "and the inferences itself",
                )
            )
    for assigned in tree.find_all((nodes.Assign, nodes.AssignBlock)):
        target = assigned.target
        names = [target] if isinstance(target, nodes.Name) else target.find_all(nodes.Name)
        lacking += [
            (
                f"templates/{page}:{assigned.lineno} sets '{name.name}', which the frame "
                "shows on every record page",
                "give the variable another name",
            )
            for name in names
            if name.name in LINKS_BACK
        ]
    read = {name.name for name in tree.find_all(nodes.Name) if name.ctx == "load"}
    if lists_referenced_by_itself and "referenced_by" not in read:
        lacking.append(
            (
                f"templates/{page} does not show referenced_by, and its kind says it lists "
                "the records about it itself (lists_referenced_by_itself)",
                "list them ({{ m.record_list(referenced_by) }}), or leave "
                "lists_referenced_by_itself False for the frame to",
            )
        )
    return tuple(lacking)
