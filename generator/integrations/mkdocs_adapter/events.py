"""The plugins' events the preview fires outside ``build()``, as ``mkdocs serve`` fires them
(mkdocs/commands/serve.py), and the warnings ``build()`` counts for ``strict``."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer


def fire_startup(config: MkDocsConfig) -> None:
    """``on_startup``, once a process: the plugins that have it are the same objects in every
    later configuration (MkDocs keeps them in ``Plugins.plugin_cache``)."""
    config.plugins.on_startup(command="serve", dirty=False)


def fire_serve(config: MkDocsConfig, server: LiveReloadServer, builder: Callable) -> str | None:
    """``on_serve``, once, after the docs and mkdocs.yml are watched and before the folders of
    ``watch:``, each plugin given the server the one before gave back (as
    ``PluginCollection.run_event`` does). The name of the first plugin that gives another
    server back, which the preview cannot refresh through; None if none does."""
    for method in config.plugins.events["serve"]:
        given = method(server, config=config, builder=builder)
        if given is not None and given is not server:
            found = (name for name, plugin in config.plugins.items() if _has(plugin, method))
            return next(found, getattr(method, "__module__", "?"))
    return None


def _has(plugin: object, method: Callable) -> bool:
    return getattr(plugin, "on_serve", None) == method


def fire_pre_build(config: MkDocsConfig) -> None:
    """``on_pre_build``, which a refresh fires as every build does (the hook generates)."""
    config.plugins.on_pre_build(config=config)


def fire_build_error(config: MkDocsConfig, error: Exception) -> None:
    """``on_build_error``, as ``build()`` fires it before the error goes on."""
    config.plugins.on_build_error(error=error)


def fire_shutdown(config: MkDocsConfig) -> None:
    """``on_shutdown``, in the ``finally`` of ``mkdocs serve``: also after a failed first build."""
    config.plugins.on_shutdown()


@contextlib.contextmanager
def warnings_counted() -> Iterator[list[logging.LogRecord]]:
    """The warnings MkDocs logs meanwhile, as ``build()`` counts them for ``strict``."""
    counted: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = counted.append
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        yield counted
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


def fire_post_build(config: MkDocsConfig) -> None:
    """``on_post_build``, after the pages are written (a refresh's too)."""
    config.plugins.on_post_build(config=config)
