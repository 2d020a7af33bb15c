"""``build()``'s steps (mkdocs/commands/build.py, 1.6.1): the whole site once, then a
refresh's part of them for what changed and for the pages that gather others."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import jinja2
from material.plugins.tags.plugin import TagsPlugin
from mkdocs.commands import build as steps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import (
    File,
    Files,
    InclusionLevel,
    file_sort_key,
    get_files,
    set_exclusions,
)
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from generator.integrations.mkdocs_adapter import tags
from generator.integrations.mkdocs_adapter.events import (
    fire_build_error,
    fire_post_build,
    fire_pre_build,
)


@dataclass
class Built:
    """What ``build()`` works out before it writes a page, kept for the next refresh."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    gathered: list[str] = field(default_factory=list)  # the pages when the tags were gathered


def build(config: MkDocsConfig, generated: Callable[[], None]) -> Built:
    """The whole site into ``config.site_dir``: ``build()`` of mkdocs/commands/build.py with
    ``serve_url`` None, so drafts are left out as ``mkdocs build`` leaves them, and a failure
    fires ``on_build_error``. ``generated`` is told once ``on_pre_build`` (the hook's
    generation) is done, before MkDocs reads a page. Not here: stopping at ``strict``'s
    warnings (``warnings_counted``: the preview tells) and the clean of ``site_dir`` (the
    caller gives a fresh folder)."""
    try:
        config = config.plugins.on_config(config)
        fire_pre_build(config)  # the hook generates the Markdown
        generated()
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            populate(file, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        built = Built(config, files, nav, env, [f.src_uri for f in files.documentation_pages()])
        files.copy_static_files()
        theme_templates(built)
        extra_templates(built)
        render(files.documentation_pages(), built)
        fire_post_build(config)  # the hook indexes the pages for the search
    except Exception as error:
        fire_build_error(config, error)
        raise
    return built


def populate(file: File, config: MkDocsConfig, files: Files) -> None:
    """Read and convert a page's Markdown: ``build()``'s loop over the pages, calling the
    private ``_populate_page`` (on_pre_page, on_page_markdown, on_page_content)."""
    steps._populate_page(file.page, config, files)


def render(pages: list[File], built: Built) -> None:
    """Write ``pages`` into the site, then check their anchors: ``build()``'s "Building
    markdown pages" loop (the private ``_build_page``) and the ``validate_anchor_links`` after."""
    config, every = built.config, built.files.documentation_pages()
    for file in pages:
        steps._build_page(file.page, config, every, built.nav, built.env)
    anchors = config.validation.links.anchors
    for file in pages:
        file.page.validate_anchor_links(files=built.files, log_level=anchors)


def theme_templates(built: Built) -> None:
    """The theme's templates (404.html, sitemap.xml, which lists every page): ``build()``'s
    loop over ``theme.static_templates``, calling the private ``_build_theme_template``."""
    for name in built.config.theme.static_templates:
        steps._build_theme_template(name, built.env, built.files, built.config, built.nav)


def extra_templates(built: Built) -> None:
    """mkdocs.yml's ``extra_templates``, files of ``docs_dir`` rendered with Jinja over the
    site (written over the copy ``copy_static_files`` made): ``build()``'s loop over them,
    calling the private ``_build_extra_template``."""
    for name in built.config.extra_templates:
        steps._build_extra_template(name, built.files, built.config, built.nav)


# A refresh: the steps of ``build()`` for what changed, and for the pages that gather others


def excluded(file: File, config: MkDocsConfig) -> bool:
    """Whether ``mkdocs build`` leaves ``file`` out (``exclude_docs``, ``draft_docs``), its
    inclusion worked out as ``get_files`` does."""
    if file.inclusion is InclusionLevel.UNDEFINED:
        set_exclusions([file], config)
    return file.inclusion.is_excluded()


def added(file: File, built: Built) -> None:
    """``file``, new in ``docs_dir``, where ``get_files`` puts it (``file_sort_key``: its order
    is the sitemap's and the tags'), before the theme's files; a new page that neither the nav
    nor ``not_in_nav`` names is warned of as ``get_navigation`` warns of it."""
    docs = [f for f in built.files if not f.generated_by and _in(f, built.config.docs_dir)]
    later = [f for f in built.files if f not in docs or file_sort_key(f) > file_sort_key(file)]
    for moved in later:
        built.files.remove(moved)
    built.files.append(file)
    for moved in later:
        built.files.append(moved)
    if file.is_documentation_page() and file.inclusion.is_in_nav():
        level = built.config.validation.nav.omitted_files
        logging.getLogger("mkdocs.structure.nav").log(
            level,
            'The following pages exist in the docs directory, but are not included in the "nav" '
            f"configuration:\n  - {file.src_path}",
        )


def _in(file: File, folder: str) -> bool:
    return file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(folder)


def read_again(files: list[File], built: Built) -> tags.Before:
    """Read and convert ``files`` again (``populate``); returns what the tags plugins knew of
    them before, for ``regather``."""
    before = tags.Before(built.config, files)
    for file in files:
        populate(file, built.config, built.files)
    return before


def regather(built: Built, changed: list[File], before: tags.Before) -> list[File]:
    """What ``build()`` does between reading the pages and writing them, again after a refresh
    read the ``changed`` ones again (``read_again``): ``on_files``, ``on_nav`` and ``on_env``,
    and the pages that gather others made anew. Those are Material's tags listings (the topics
    pages; ``tags.json``, which its ``on_env`` writes when its export is on). While the pages
    are the same ones, only the listings of the tags whose pages changed are made again
    (``tags.refill``). Else the plugin starts afresh (its ``on_config``, as each build starts
    it), is given every page's tags in the files' order, and its listing pages are read again.
    Returns those pages, to render."""
    config = built.config
    built.files = config.plugins.on_files(built.files, config=config)
    set_exclusions(built.files, config)
    built.nav = config.plugins.on_nav(built.nav, config=config, files=built.files)
    pages = built.files.documentation_pages()
    if not tags.whole(config, built.gathered, pages, changed, before):
        again = tags.refill(config, built.env, changed, before, partial(_read, built))
        built.env = _on_env_but_tags(built)
        return again
    gathering: set[str] = set()
    for plugin in tags.plugins(config):
        gathering.update(each.page.file.src_uri for each in plugin.listings or [])
        plugin.on_config(config)
        for file in pages:
            if file.page is not None and file.page.markdown is not None and plugin.filter(file):
                plugin.mappings.add(file.page, file.page.markdown)
    listing = [file for file in pages if file.src_uri in gathering]  # in the files' order
    for file in listing:
        populate(file, config, built.files)
    built.env = config.plugins.on_env(built.env, config=config, files=built.files)
    built.gathered = [file.src_uri for file in pages]
    return listing


def _read(built: Built, file: File) -> None:
    populate(file, built.config, built.files)


def _on_env_but_tags(built: Built) -> jinja2.Environment:
    """``on_env`` as MkDocs' ``run_event`` fires it, but for the tags plugins' (``refill``
    did their part)."""
    env = built.env
    for method in built.config.plugins.events["env"]:
        if not isinstance(getattr(method, "__self__", None), TagsPlugin):
            result = method(env, config=built.config, files=built.files)
            env = env if result is None else result
    return env
