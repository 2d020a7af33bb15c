"""The input of a project: which files under ``seeds/`` are read, the files there that none
reads, and the symlinks that lead out of the project."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.input import files
from generator.problems import Location, Problem


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts  # the order of Path's own comparison, without its cost per comparison


@dataclass(frozen=True)
class Input:
    """Where a project keeps its input, relative to its root."""

    root: Path

    @cached_property  # each folder is listed once a run
    def articles(self) -> list[Path]:
        return sorted((self.root / "seeds" / "articles").glob("*.txt"), key=_parts)

    @cached_property
    def annotations(self) -> list[Path]:
        found = files.walk(self.root / "seeds" / "annotations")
        return sorted((path for path in found if path.name.endswith(".yaml")), key=_parts)

    @property
    def overview(self) -> Path:
        return self.root / "seeds" / "briefing.yaml"

    def strays(self) -> list[Problem]:
        """Files under seeds/ that no stage reads (dotfiles aside, as editors and git leave
        them): reported, so that no article or annotation is left out without a word."""
        seeds = self.root / "seeds"
        found = []
        for folder, wanted, rule in (
            ("articles", ".txt", "an article is <id>.txt, directly in seeds/articles/"),
            ("annotations", ".yaml", "an annotation file ends in .yaml"),
        ):
            read = set(self.articles if folder == "articles" else self.annotations)
            unread = [path for path in files.walk(seeds / folder) if path not in read]
            for path in sorted(unread, key=_parts):  # a file read that is not a regular one
                if any(part.startswith(".") for part in path.relative_to(seeds).parts):
                    continue  # is told by its reading
                shown = path.relative_to(self.root).as_posix()
                try:
                    kind = files.special(os.stat(path).st_mode)
                except OSError:
                    hint = "remove it, or make it point at a file that exists"
                    found.append(Problem(Location(shown), "this symlink leads nowhere", hint))
                    continue
                if kind and kind != "a folder":  # a FIFO, a device, a socket
                    found.append(files.not_a_file(shown, kind))
                elif not kind:
                    rename = f" to {path.stem}{wanted}" if path.suffix != wanted else ""
                    hint = f"{rule}: rename it{rename}, or move it out of seeds/"
                    found.append(Problem(Location(shown), "this file is not read", hint))
        return found

    def outside(self, allowed: bool | list[str]) -> tuple[set[Path], list[Problem]]:
        """The files read that a symlink takes out of the project, unless ``allowed`` (the
        overview's ``allow_outside``), and one problem for each such link."""
        if allowed is True:
            return set(), []
        seeds, allowed = self.root / "seeds", [a for a in allowed or () if isinstance(a, str)]
        listed = dict.fromkeys(
            [*self.articles, *self.annotations, self.overview, *files.walk(seeds)]
        )
        refused, links, known = set(), {}, {}
        for path in listed:
            link = files.leaves_project(path, self.root, known)
            shown = link and link.relative_to(self.root).as_posix()
            if link and not any(shown == a or shown.startswith(a + "/") for a in allowed):
                refused.add(path)
                links[shown] = Problem(
                    Location(shown),
                    f"this symlink leads outside the project, to {os.path.realpath(link)}",
                    "copy the file into the project, or allow the link: allow_outside: "
                    f"[{shown}] in seeds/briefing.yaml",
                )
        return refused, list(links.values())
