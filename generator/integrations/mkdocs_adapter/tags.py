"""Material's tags plugin (material/plugins/tags, 9.x) across a refresh: what it knew of the
pages before they were read again, and its listings brought up to date.

The plugin keeps a mapping of each page's tags and the listings the pages hold; its ``on_env``
fills every listing from every mapping. At 10,000 records, with a listing a topic, that took a
second of each refresh. An edit that leaves the pages as they were, only changing what some of
them show (a title, a tag), needs only the listings of those tags made again (``refill``);
``whole`` says when it needs the rest (a page added or removed, a listing's own page edited).
"""

from __future__ import annotations

import os

from material.plugins.tags.plugin import TagsPlugin
from material.plugins.tags.renderer import Renderer
from material.plugins.tags.structure.mapping import Mapping
from material.plugins.tags.structure.mapping.storage import MappingStorage
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

Shown = tuple[str | None, str, frozenset]  # what a listing shows of a page: title, address, tags


def plugins(config: MkDocsConfig) -> list[TagsPlugin]:
    return [plugin for plugin in config.plugins.values() if isinstance(plugin, TagsPlugin)]


class Before:
    """What the tags plugins knew of the pages before a refresh read ``files`` again."""

    def __init__(self, config: MkDocsConfig, files: list[File]):
        self.listing = _listing_pages(config)
        self.mappings = {
            (index, file.src_uri): plugin.mappings.get(file.page)
            for index, plugin in enumerate(plugins(config))
            if plugin.listings is not None
            for file in files
            if file.page is not None
        }
        self.shown = {key: _shown(mapping) for key, mapping in self.mappings.items()}


def whole(
    config: MkDocsConfig, gathered: list[str], pages: list[File], files: list[File], before: Before
) -> bool:
    """Whether every listing must be filled again: a plugin that has not gathered yet, a page
    added or removed since the pages ``gathered`` (the mappings' order is the files'), or a
    listing's page among ``files``."""
    if any(plugin.listings is None for plugin in plugins(config)):
        return True
    if [file.src_uri for file in pages] != gathered:
        return True
    listing = before.listing | _listing_pages(config)
    return any(file.src_uri in listing for file in files)


def refill(config: MkDocsConfig, env, files: list[File], before: Before, populate) -> list[File]:
    """After ``files`` were read again: the listings that show a tag one of them had or has
    now, where its title, address or tags changed, made again (their pages read again with
    ``populate``, then each of their listings filled from every mapping); the tags exported
    again where any changed. Returns the listings' pages, to render."""
    every = plugins(config)
    stale: dict[str, Page] = {}
    for index, plugin in enumerate(every):
        changed = _changed(index, plugin, files, before)
        for listing in plugin.listings if changed else ():
            if any(any(listing & mapping) for mapping in changed):
                stale[listing.page.file.src_uri] = listing.page
        if changed and plugin.config.export:
            path = os.path.normpath(os.path.join(config.site_dir, plugin.config.export_file))
            MappingStorage(plugin.config).save(path, plugin.mappings)
    renderer = Renderer(env, config)
    stale = dict(sorted(stale.items()))
    for page in stale.values():
        for plugin in every:  # the page read again holds every plugin's listings unfilled
            plugin.listings.data -= {listing for listing in plugin.listings if listing.page is page}
        populate(page.file)
        for plugin in every:
            for listing in [listing for listing in plugin.listings if listing.page is page]:
                plugin.listings.populate(listing, plugin.mappings, renderer)
    return [page.file for page in stale.values()]


def _changed(index: int, plugin: TagsPlugin, files: list[File], before: Before) -> list[Mapping]:
    """The mappings, as they were and as they are, of the pages whose title, address or tags
    changed."""
    found: list[Mapping] = []
    for file in files:
        old, new = before.mappings.get((index, file.src_uri)), plugin.mappings.get(file.page)
        if new is not None and new is old:  # read again without tags: the plugin kept the old
            del plugin.mappings.data[file.page.url]
            new = None
        if before.shown.get((index, file.src_uri)) != _shown(new):
            found += [mapping for mapping in (old, new) if mapping is not None]
    return found


def _shown(mapping: Mapping | None) -> Shown | None:
    if mapping is None:
        return None
    page = mapping.item
    return page.title, page.url, frozenset(mapping.tags)


def _listing_pages(config: MkDocsConfig) -> set[str]:
    return {
        listing.page.file.src_uri
        for plugin in plugins(config)
        for listing in (plugin.listings or ())
    }
