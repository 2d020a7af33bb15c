"""Record pages rendered in forked processes, for the long runs (``Renderer.render`` decides
when): each child renders its share of the pages and sends them back."""

from __future__ import annotations

from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


class Shares:
    """Record pages rendered by forked processes, a share each, by ``render_page``. A child
    inherits the renderer and the model instead of receiving a copy, and sends back its pages
    through a pipe; only start them from a process without threads (not inside MkDocs)."""

    def __init__(self, render_page: Callable[[str], Any], shares: list[list[str]]):
        import multiprocessing  # here: most runs render too few pages to share them out

        fork = multiprocessing.get_context("fork")
        self.children = []
        for paths in shares:
            receiving, sending = fork.Pipe(duplex=False)
            child = fork.Process(target=_render_share, args=(render_page, paths, sending))
            child.start()
            sending.close()  # the child's end: reading sees the end of it if the child dies
            self.children.append((child, receiving))

    def stop(self) -> None:
        for child, receiving in self.children:
            child.terminate()
            child.join()
            receiving.close()

    def collect(self) -> dict[str, Any]:
        """Every share's pages; the first failure in a child is raised here."""
        pages: dict[str, Any] = {}
        failure: BaseException | None = None
        for child, receiving in self.children:
            try:
                done, value = receiving.recv()
            except EOFError:
                done, value = False, RuntimeError(f"a rendering process ended ({child.exitcode})")
            receiving.close()
            child.join()
            if done:
                pages |= value
            else:
                failure = failure or value
        if failure is not None:
            raise failure
        return pages


def _render_share(render_page: Callable[[str], Any], paths: list[str], sending: Connection) -> None:
    """In a forked child: render ``paths`` and send them, or the exception that stopped it."""
    try:
        pages = {path: render_page(path) for path in paths}
        sending.send((True, pages))
    except BaseException as error:  # sent to the parent, which raises it
        sending.send((False, error))
    finally:
        sending.close()
