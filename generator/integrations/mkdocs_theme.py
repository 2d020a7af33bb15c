"""What the MkDocs hook does to the theme so that no ``custom_dir`` can undo the escaping or
the search.

Material writes some values as HTML although they are text: ``site_name``, ``site_description``,
``extra`` values, the titles mkdocs.yml's ``nav`` gives, a page's ``title``, ``description`` and
``author`` front matter, and ``page.title | striptags`` in ``<title>`` (striptags also turns
MkDocs' ``&lt;`` back into ``<``). Escaping each value once, as ``Markup`` (which ``| e`` leaves
alone), and a ``striptags`` that escapes what it returns, hold whatever templates print them:
Material's, a user's ``custom_dir``, or none.

The search's scripts (``templates/theme/base.html``) sit between the user's templates and
Material's: the hook puts that folder after ``custom_dir`` and before Material, so a user's
``main.html`` extends it, and it extends Material's ``base.html`` (reached as
``material/base.html``). A page rendered without them (a ``custom_dir`` with its own
``base.html``, a ``scripts`` block without ``super()``, another theme) stops the build.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape

from generator.problems import Location, Problem

LAYER = Path("templates", "theme")  # in the project
MARKER = 'id="__briefing_kinds"'  # written by LAYER's base.html, on every page
TEXT_CONFIG = ("site_name", "site_description", "site_author", "repo_name")
TEXT_META = ("title", "description", "author")


def text(value: Any) -> Any:
    """``value`` as HTML that shows it as written: strings escaped once (``Markup``, which
    escaping leaves alone), lists and mappings item by item, anything else as it is."""
    if isinstance(value, str):
        return value if isinstance(value, Markup) else escape(value)
    if isinstance(value, list):
        return [text(item) for item in value]
    if isinstance(value, dict):
        return {key: text(item) for key, item in value.items()}
    return value


def escape_config(config) -> None:
    for key in TEXT_CONFIG:
        if config.get(key):
            config[key] = text(config[key])
    for key, value in list(config.extra.items()):
        config.extra[key] = text(value)


def escape_nav(nav) -> None:
    """The titles mkdocs.yml's nav gives (a page's title from its heading is HTML already)."""
    for item in _walk(nav.items):
        if "title" in vars(item) and item.title is not None:
            item.title = text(item.title)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or [])


def escape_meta(meta: dict) -> None:
    for key in TEXT_META:
        if key in meta:
            meta[key] = text(str(meta[key]))


def _striptags(value: Any) -> Markup:
    """Jinja's striptags, whose plain text is escaped again for the HTML it lands in."""
    return escape(Markup(str(value)).striptags())


def layered(env: jinja2.Environment, dirs: list[str], root: Path) -> jinja2.Environment:
    """``env`` reading the search's layer (in the project at ``root``) after the user's
    ``custom_dir`` and before Material. Once: the preview fires ``on_env`` again on each
    refresh, and a new loader would make Jinja compile every template again."""
    if env in _LAYERED:
        return env
    _LAYERED.add(env)
    material = next((d for d in dirs if Path(d, "partials", "header.html").is_file()), None)
    env.filters["striptags"] = _striptags
    if material is None:  # not Material: the marker check names the theme
        return env
    at = dirs.index(material)
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(dirs[:at]),
            jinja2.FileSystemLoader(str(root / LAYER)),
            jinja2.FileSystemLoader(dirs[at:]),
            jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(material)}),
        ]
    )
    return env


_LAYERED: weakref.WeakSet[jinja2.Environment] = weakref.WeakSet()


def missing_layer(html: str) -> bool:
    return MARKER not in html


def refusal(config_file: Path, theme: dict, page: str) -> str:
    """Why the build stops, at the line of mkdocs.yml that chose the templates."""
    custom = theme.get("custom_dir")
    where = Location(config_file.name, *_line(config_file, "custom_dir" if custom else "name"))
    if theme.get("name") != "material":
        what = f"the theme {theme.get('name')!r} leaves out the briefing's search scripts"
        hint = "use the theme the briefing is made for: name: material"
    elif not custom:
        what = f"the pages lack the briefing's search scripts ({LAYER.as_posix()}/base.html)"
        hint = f"restore {LAYER.as_posix()}/base.html as the repository has it"
    else:
        what = f"the templates in {custom}/ leave out the briefing's search scripts"
        hint = (
            f"in the templates in {custom}/, extend base.html and call {{{{ super() }}}} in "
            "every block you override (the scripts block above all)"
        )
    return str(Problem(where, f"{what} (on {page}): its search box would find nothing", hint))


def _line(config_file: Path, key: str) -> tuple[int, int]:
    """Where ``theme``'s ``key`` is in ``config_file``, or ``theme`` itself: (line, column)."""
    try:
        node = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return (1, 1)
    for entry in node.value if isinstance(node, yaml.MappingNode) else []:
        if entry[0].value == "theme":
            found = entry[1]
            for pair in found.value if isinstance(found, yaml.MappingNode) else []:
                if pair[0].value == key:
                    found = pair[1]
            return (found.start_mark.line + 1, found.start_mark.column + 1)
    return (1, 1)
