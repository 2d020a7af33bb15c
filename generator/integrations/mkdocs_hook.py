"""MkDocs hook: regenerate the pages before every build, so ``mkdocs serve`` follows edits, and
index the built pages for the search after it.

All logic lives in the library; this adapter only decides what a failure means. During
``mkdocs serve`` a mistake is printed and the last good pages keep being served; during
``mkdocs build`` it aborts the build.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

from mkdocs.exceptions import Abort

from generator import i18n, pipeline, search
from generator.input import site_config
from generator.integrations import mkdocs_theme, page_language
from generator.integrations.html_whitespace import without_indentation
from generator.kinds import KINDS
from generator.problems import BriefingError
from generator.render import vocabulary

log = logging.getLogger("mkdocs.briefing")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    """Give the navigation every kind of record, also those mkdocs.yml does not list; take the
    site's address from $SITE_URL where mkdocs.yml has none."""
    given = os.environ.get(site_config.SITE_URL, "").strip()
    if given and not config.site_url:
        config.site_url = site_config.web_address(given)
        if config.site_url is None:
            name = site_config.SITE_URL
            raise Abort(f"{name}={given!r} is not a web address: give one (https://...)")
    hidden = [p.pattern for p in config.not_in_nav.patterns] if config.not_in_nav else []
    with i18n.using(config.theme.get("language") or site_config.LANGUAGE):  # as the pages'
        nav, patterns = site_config.with_every_kind(config.nav or [], hidden)
        config.extra["briefing_words"] = vocabulary.script_words()  # theme/base.html's
    if config.nav and nav != config.nav:
        config.nav = nav
    if config.not_in_nav and patterns != hidden:  # a GitIgnoreSpec, as MkDocs reads the option
        config.not_in_nav = type(config.not_in_nav).from_lines(patterns)
    config.extra["briefing_kinds"] = list(KINDS)  # the search's filters (theme/base.html)
    mkdocs_theme.escape_config(config)  # text Material prints as HTML, under any custom_dir
    return config


def on_pre_build(config) -> None:
    if os.environ.get(pipeline.GENERATED) and _command == "build":
        return  # `python -m generator build` has just generated them
    root = Path(config.config_file_path).parent
    try:
        report = pipeline.generate(root)
    except BriefingError as error:
        if _command == "serve":
            # Printed, not logged: a logged error would make strict mode stop serving.
            print(f"{error.report()}\nStill serving the last good pages.", file=sys.stderr)
            return
        raise Abort(error.report()) from None
    except Exception:  # a bug in the generator: while serving, told in full and survived
        if _command != "serve":
            raise
        print(
            f"{traceback.format_exc()}The generator failed (a bug: please report it with the "
            "lines above). Still serving the last good pages.",
            file=sys.stderr,
        )
        return
    if report.written or report.removed:
        log.info("briefing: %s", report)


def on_nav(nav, config, files):
    mkdocs_theme.escape_nav(nav)
    return nav


def on_env(env, config, files):
    """The search's scripts and an escaping striptags, whatever custom_dir says."""
    return mkdocs_theme.layered(env, config.theme.dirs, Path(config.config_file_path).parent)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Every page is searched through Pagefind (``on_post_build``): Material's own index is
    left empty, which its search box still needs (``search/search_index.json``)."""
    page.meta["search"] = {"exclude": True}
    mkdocs_theme.escape_meta(page.meta)
    return markdown


def on_post_page(output: str, page, config) -> str:
    """A page without the search's scripts would have a search box that finds nothing. A page
    whose front matter gives a language (a source's, not the site's) says it as its own
    (``page_language``). The page is written without the theme's indentation (a fifth of a
    record page)."""
    if mkdocs_theme.missing_layer(output):
        where = Path(config.config_file_path)
        custom = config.theme.custom_dir and os.path.relpath(config.theme.custom_dir, where.parent)
        theme = {"name": config.theme.name, "custom_dir": custom}
        raise Abort(mkdocs_theme.refusal(where, theme, page.file.src_uri))
    language = page.meta.get("language")  # a source's, where not the site's (front matter)
    if isinstance(language, str):
        site = config.theme.get("language") or site_config.LANGUAGE
        output = page_language.in_language(output, language, site)
    return without_indentation(output)


def on_post_template(output: str, template_name: str, config) -> str:
    """The theme's pages that are not the briefing's (404.html), as light as the others."""
    return without_indentation(output) if template_name.endswith(".html") else output


def on_page_content(html: str, page, config, files) -> str:
    """A page about the briefing is marked for the search, to come after the records."""
    return html + search.page_marks(page.url)


def on_post_build(config) -> None:
    """The pages indexed for the search. The preview's refresh indexes only the pages changed
    since its first build (``search.index_changes``), beside the first index: not here."""
    if config.extra.get("briefing_preview") and (Path(config.site_dir) / "pagefind").is_dir():
        return
    try:
        search.index_site(Path(config.site_dir))
    except search.IndexingError as error:
        raise Abort(f"the search index could not be made: {error}") from None
