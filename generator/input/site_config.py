"""Keep ``mkdocs.yml`` saying what ``seeds/briefing.yaml`` says.

The briefing's title and description live in ``seeds/briefing.yaml``. Renderers that read
``mkdocs.yml`` themselves (Zensical runs no hooks) take the site name and description from there,
so the check reports any difference, at its line, rather than letting the two drift apart.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator import i18n
from generator.i18n import N_
from generator.input.loading import Document
from generator.model.kinds import KINDS
from generator.problems import Location, Problem
from generator.writing import UNLISTED_FOLDERS

CONFIG = "mkdocs.yml"
# mkdocs.yml's key for each field of seeds/briefing.yaml that it must repeat
REPEATED = {"site_name": "title", "site_description": "description"}
LANGUAGE = "en"  # the theme's language when mkdocs.yml gives none (Material's default)
# The words of the example's mkdocs.yml that init writes in the briefing's language: the
# navigation's titles and the palette's toggles
CONFIG_WORDS = (
    N_("Home"),
    N_("Key judgments"),
    N_("Actors"),
    N_("Claims"),
    N_("Measures"),
    N_("Figures"),
    N_("Sources"),
    N_("Contention"),
    N_("Timeline"),
    N_("Topics"),
    N_("Memo"),
    N_("Data"),
    N_("About"),
    N_("Switch to dark mode"),
    N_("Switch to light mode"),
)
_NAV_TITLE = re.compile(r"^(\s*- )([^:\n]+)(:.*)$", re.DOTALL)
_TOGGLE_NAME = re.compile(r"^(\s+name: )(.+?)(\s*)$", re.DOTALL)
_NOT_PLAIN = re.compile(r"[:#'\"]|^[-?!&*\[\]{}|>%@`\s]|\s$")


# What Material writes unescaped from site_name and site_description (into page text and into
# attributes): a tag, a quote that ends an attribute, a character reference.
_UNSAFE = re.compile(r'[<>"]|&(?=[A-Za-z#])')


def unsafe_for_the_theme(overview: Document) -> list[Problem]:
    """A problem for the title, or the description (the topic, when there is none), if
    Material could not show it as written."""
    problems = []
    for field in REPEATED.values():
        if field == "description" and "description" not in overview.data:
            field = "topic"  # mkdocs.yml's site_description repeats it
        value = overview.data.get(field)
        found = _UNSAFE.search(value) if isinstance(value, str) else None
        if found:
            problems.append(
                Problem(
                    overview.locate((field,)),
                    f"the {field} holds {found.group()!r}, which the theme writes into the page "
                    "as HTML",
                    'write it without < > and " (use “ ” for quotation marks), and with '
                    "'and' or '& ' followed by a space for an ampersand",
                )
            )
    return problems


# The site's address when mkdocs.yml gives none: the workflow sets it from configure-pages, so a
# published site has its sitemap, canonical links and feed; a local build needs none
SITE_URL = "SITE_URL"


def web_address(text: str) -> str | None:
    """``text`` as the site's address, ending in '/', or None when it is not a web address."""
    text = text.strip()
    return text.rstrip("/") + "/" if text.startswith(("https://", "http://")) else None


def composed(root: Path) -> yaml.Node | None:
    """mkdocs.yml composed, not loaded: it may hold tags (!!python/name) no safe loader builds.
    Composed once while the file is unchanged: a load reads it for its mismatches and for its
    site_url, and the preview loads at every refresh. Raises what reading it raises."""
    status = (root / CONFIG).stat()
    return _composed(root / CONFIG, status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=4)
def _composed(path: Path, modified: int, size: int) -> yaml.Node | None:
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def site_url(root: Path) -> str:
    """mkdocs.yml's site_url as written (a plain string), or '' when it sets none it can give."""
    try:
        node = composed(root)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return ""
    value = _fields(node).get("site_url")
    if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:str":
        return value.value
    return ""


def mismatches(root: Path, overview: dict[str, str]) -> list[Problem]:
    """A problem for each of mkdocs.yml's site_name and site_description that differs from
    seeds/briefing.yaml (the description defaults to the topic). No mkdocs.yml, no problem."""
    path = root / CONFIG
    if not path.is_file():
        return []
    try:
        node = composed(root)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [Problem(Location(CONFIG), f"cannot be read: {error}", "fix mkdocs.yml first")]
    found = _fields(node)
    problems = []
    for key, field in REPEATED.items():
        wanted = overview.get(field) or overview.get("topic", "")
        value = found.get(key)
        line = f"{key}: {json.dumps(wanted, ensure_ascii=False)}"
        if value is None:
            problems.append(Problem(Location(CONFIG), f"{key} is missing", f"add the line {line}"))
        elif not isinstance(value, yaml.ScalarNode) or _words(value.value) != _words(wanted):
            where = Location(CONFIG, value.start_mark.line + 1, value.start_mark.column + 1)
            message = f"{key} differs from the {field} in seeds/briefing.yaml"
            problems.append(Problem(where, message, f"write {line}"))
    theme = found.get("theme")
    return problems + _theme(root, theme) + _language(theme, overview)


def _fields(node: yaml.Node | None) -> dict[str, yaml.Node]:
    """A composed mapping's values by their keys (none for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _language(theme: yaml.Node | None, overview: dict[str, str]) -> list[Problem]:
    """theme.language in mkdocs.yml (en when not given) against the language seeds/briefing.yaml
    states; a briefing that states none leaves mkdocs.yml's alone, as before it could."""
    wanted = overview.get("language")
    if not wanted:
        return []
    node = _fields(theme).get("language")
    given = node.value if isinstance(node, yaml.ScalarNode) else LANGUAGE
    if given == wanted:
        return []
    where = _at(node) if node is not None else _at(theme) if theme is not None else Location(CONFIG)
    return [
        Problem(
            where,
            f"theme.language is {given!r}, and the briefing's language in seeds/briefing.yaml "
            f"is {wanted!r}",
            f"write language: {wanted} under theme: (init --language {wanted} does both)",
        )
    ]


def _theme(root: Path, node: yaml.Node | None) -> list[Problem]:
    """A theme that would leave out the search's scripts (templates/theme/base.html, which the
    MkDocs hook puts between Material and a custom_dir): found here, before docs/ is written;
    the hook stops any other way of leaving them out while building."""
    fields = {"name": node} if isinstance(node, yaml.ScalarNode) else _fields(node)
    name, custom = fields.get("name"), fields.get("custom_dir")
    if isinstance(name, yaml.ScalarNode) and name.value != "material":
        return [
            Problem(
                _at(name),
                f"the theme {name.value!r} leaves out the briefing's search scripts: its search "
                "box would find nothing",
                "use the theme the briefing is made for: name: material",
            )
        ]
    if isinstance(custom, yaml.ScalarNode) and (root / custom.value / "base.html").is_file():
        base = f"{custom.value.rstrip('/')}/base.html"
        return [
            Problem(
                _at(custom),
                f"{base} replaces the base.html that holds the briefing's search scripts: its "
                "search box would find nothing",
                f"remove {base}; in a main.html of your own, call {{{{ super() }}}} in every "
                "block you override",
            )
        ]
    if isinstance(custom, yaml.ScalarNode) and (root / custom.value).is_dir():
        dropping = _scripts_without_super(root / custom.value)
        if dropping:
            name = f"{custom.value.rstrip('/')}/{dropping}"
            return [
                Problem(
                    _at(custom),
                    f"{name} overrides the scripts block without {{{{ super() }}}}: the "
                    "briefing's search scripts would be left out, and its search box find nothing",
                    f"call {{{{ super() }}}} inside {{% block scripts %}} in {name}",
                )
            ]
    return []


def _scripts_without_super(folder: Path) -> str:
    """The first template under ``folder`` (as a path inside it) whose ``scripts`` block does
    not call ``super()``, or ""; a template Jinja cannot parse is left to the build to report."""
    for path in sorted(folder.rglob("*.html")):
        try:
            tree = jinja2.Environment().parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        for block in tree.find_all(jinja2.nodes.Block):
            calls = block.find_all(jinja2.nodes.Call)
            supers = [
                c for c in calls if isinstance(c.node, jinja2.nodes.Name) and c.node.name == "super"
            ]
            if block.name == "scripts" and not supers:
                return path.relative_to(folder).as_posix()
    return ""


def _at(node: yaml.Node) -> Location:
    return Location(CONFIG, node.start_mark.line + 1, node.start_mark.column + 1)


def _words(text: str) -> str:
    return " ".join(text.split())


def repeat(root: Path, overview: dict[str, str]) -> None:
    """Write the briefing's title and description into mkdocs.yml, leaving every other line
    (comments included) as it was."""
    path = root / CONFIG
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for key, field in REPEATED.items():
        wanted = overview.get(field) or overview["topic"]
        line = f"{key}: {json.dumps(wanted, ensure_ascii=False)}\n"
        at = next((i for i, text in enumerate(lines) if text.startswith(f"{key}:")), None)
        if at is None:
            lines.insert(0 if key == "site_name" else 1, line)
            continue
        end = at + 1  # a value folded over several lines continues on indented lines
        while end < len(lines) and lines[end].startswith((" ", "\t")):
            end += 1
        lines[at:end] = [line]
    if overview.get("language"):
        _repeat_language(lines, overview["language"])
        _repeat_words(lines, overview["language"])
    path.write_text("".join(lines), encoding="utf-8")


def _repeat_words(lines: list[str], language: str) -> None:
    """The navigation's titles and the palette's toggles, where they are ``CONFIG_WORDS`` in
    any language with a catalogue, written in ``language``; a title of the user's own is kept."""
    wanted = i18n.catalogue(language).gettext
    known = {word: word for word in CONFIG_WORDS}
    for other in i18n.catalogued():
        known |= {i18n.catalogue(other).gettext(word): word for word in CONFIG_WORDS}
    for i, line in enumerate(lines):
        found = _NAV_TITLE.match(line) or _TOGGLE_NAME.match(line)
        if found and found.group(2) in known:
            lines[i] = found.group(1) + _plain(wanted(known[found.group(2)])) + found.group(3)


def _plain(word: str) -> str:
    """A word as a YAML scalar: as it is, or quoted where YAML would read it otherwise."""
    return json.dumps(word, ensure_ascii=False) if _NOT_PLAIN.search(word) else word


def _repeat_language(lines: list[str], language: str) -> None:
    """theme.language set to ``language`` in mkdocs.yml's ``lines``: its line replaced, or one
    added under ``theme:``; none added for English (Material's own default)."""
    theme = next((i for i, text in enumerate(lines) if text.rstrip() == "theme:"), None)
    if theme is None:
        return  # no theme block to hold it: check says what to write
    end = theme + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    found = re.compile(r"^(\s+)language:")
    at = next((i for i in range(theme + 1, end) if found.match(lines[i])), None)
    if at is not None:
        indent = found.match(lines[at]).group(1)
        lines[at] = f"{indent}language: {language}\n"
    elif language != LANGUAGE:
        lines.insert(theme + 1, f"  language: {language}\n")


def with_every_kind(nav: list[Any], hidden: list[str]) -> tuple[list[Any], list[str]]:
    """The site's navigation and its ``not_in_nav`` patterns, given every kind in the registry.

    mkdocs.yml keeps its own titles and order for the kinds it lists; a kind it does not list
    gets its index after the last one it does, under its plural, and its record pages are left
    out of the navigation as the others' are (``mkdocs build --strict`` would refuse them), as
    are the coverage report's pages of single articles, a long timeline's pages of years and
    the pages of topics."""
    listed = [page if isinstance(page := _page(item), str) else "" for item in nav]
    indexes = {f"{plural}/index.md": plural for plural in KINDS}
    missing = [
        {KINDS[plural].title: page} for page, plural in indexes.items() if page not in listed
    ]
    at = max((i + 1 for i, page in enumerate(listed) if page in indexes), default=len(nav))
    patterns = [f"/{f}/*.md" for f in UNLISTED_FOLDERS if f"/{f}/*.md" not in hidden]
    return [*nav[:at], *missing, *nav[at:]], [*hidden, *patterns]


def _page(item: Any) -> Any:
    """The page a top-level navigation entry points at ('Actors: actors/index.md'), or the
    list of a section's entries."""
    return next(iter(item.values())) if isinstance(item, dict) else item
