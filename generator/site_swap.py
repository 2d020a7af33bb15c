"""``site/`` replaced whole: MkDocs builds into ``.site.new``, which takes ``site/``'s place by
two renames once the build has succeeded, so a reader or a deploy never sees half a site.

Renames cannot replace a symlink's target, a mount point or a file, so these are refused before
the build starts (replacing a symlinked ``site/`` with a folder would cut the link the user
made). Folders ``.site.new`` and ``.site.old`` are what a killed run leaves and are removed;
anything else by those names is not ours, and is left for the user to move.
"""

from __future__ import annotations

import array
import os
import shutil
from pathlib import Path

from generator.problems import InputError, Location, Problem

SITE, FRESH, OLD = "site", ".site.new", ".site.old"
SWAPPED = "docs/ is up to date; site/ was left as it was."


def check(root: Path) -> None:
    """Refuse, before anything is written, what would stop ``site/`` being replaced; remove
    what a killed run left."""
    problems = []
    site = root / SITE
    if site.is_symlink():
        problems.append(
            _problem(
                SITE,
                "site/ is a symlink, which a build would replace with a folder",
                "remove the link (build writes a real site/ folder), "
                "and point your server at site/ itself or copy it after a build",
            )
        )
    elif site.exists() and not site.is_dir():
        problems.append(_problem(SITE, "a file is where site/ goes", "move the file away"))
    elif site.exists() and _immutable(site):
        problems.append(
            _problem(
                SITE,
                "site/ is immutable or append-only (chattr +i, +a), so it cannot be replaced",
                "chattr -i -a site (as its owner or root), or build elsewhere",
            )
        )
    elif os.path.ismount(site):
        problems.append(
            _problem(
                SITE,
                "site/ is a mount point, which cannot be replaced by a rename",
                "mount the folder above it instead, or copy site/ there after a build",
            )
        )
    for name in (FRESH, OLD):
        path = root / name
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            problems.append(
                _problem(
                    name,
                    f"{name} is in the way: the build writes a folder of its own by that name",
                    "move it away or delete it",
                )
            )
        elif path.exists():
            try:
                shutil.rmtree(path)  # a killed run's
            except OSError as error:
                problems.append(
                    _problem(
                        name,
                        f"cannot remove what a killed build left here ({error.strerror or error})",
                        "delete it by hand",
                    )
                )
    if problems:
        raise InputError(problems, "docs/ and site/ were left as they were.")


FS_IOC_GETFLAGS = 0x80086601  # Linux: a file's attributes, as lsattr shows them
IMMUTABLE, APPEND_ONLY = 0x10, 0x20


def _immutable(path: Path) -> bool:
    """Whether the file system refuses to rename ``path`` whatever the permissions say; False
    where it cannot tell (another system, a file system without the attributes)."""
    try:
        import fcntl
    except ImportError:
        return False
    flags = array.array("i", [0])
    try:
        handle = os.open(path, os.O_RDONLY)
        try:
            fcntl.ioctl(handle, FS_IOC_GETFLAGS, flags)
        finally:
            os.close(handle)
    except OSError:
        return False
    return bool(flags[0] & (IMMUTABLE | APPEND_ONLY))


def fresh(root: Path) -> Path:
    return root / FRESH


def replace(root: Path) -> None:
    """Put the built ``.site.new`` in ``site/``'s place; a rename the system refuses (a busy
    mount, an immutable folder) leaves ``site/`` as it was and says where."""
    site, new, old = root / SITE, root / FRESH, root / OLD
    had = site.exists()
    try:
        if had:
            os.rename(site, old)
    except OSError as error:
        shutil.rmtree(new, ignore_errors=True)
        raise _failed(SITE, error) from None
    try:
        os.rename(new, site)
    except OSError as error:
        if had:
            os.rename(old, site)
        shutil.rmtree(new, ignore_errors=True)
        raise _failed(SITE, error) from None
    shutil.rmtree(old, ignore_errors=True)


# GitHub Pages refuses a site over 1 GB; the build warns with room to spare
WARN_FROM_BYTES = 800 * 10**6


def size(site: Path) -> int:
    """The bytes of every file under ``site`` (symlinks not followed into folders)."""
    walked = os.walk(site)
    return sum(
        os.path.getsize(os.path.join(folder, name)) for folder, _, names in walked for name in names
    )


def size_warning(root: Path) -> str | None:
    """What to say when the built ``site/`` is too large to publish on GitHub Pages soon."""
    total = size(root / SITE)
    if total <= WARN_FROM_BYTES:
        return None
    return (
        f"site/ is {total / 10**6:,.0f} MB, and GitHub Pages refuses a site over 1 GB: split "
        "the briefing into topics of their own (a project each), or publish site/ on a host "
        "without that limit"
    )


def _failed(name: str, error: OSError) -> InputError:
    message = f"cannot replace site/ with the new build: {error.strerror or error}"
    hint = "if site/ is a mount point or immutable, build elsewhere and copy the result there"
    return InputError([_problem(name, message, hint)], SWAPPED)


def _problem(name: str, message: str, hint: str) -> Problem:
    return Problem(Location(f"{name}/" if name == SITE else name), message, hint)
