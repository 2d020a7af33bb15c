"""Start a new source: store the article verbatim and draft its annotation (``drafting``)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from generator.authoring import metadata, staging
from generator.authoring.drafting import draft_annotation
from generator.input import loading
from generator.model.records import Briefing
from generator.problems import InputError, Location, Problem

METADATA = ("label", "kind", "author", "publisher", "published", "url")
KNOWN_FROM_PROVENANCE = ("publisher", "published", "url")


def new_source(
    root: Path, source_id: str, text: str, meta: dict[str, str], briefing: Briefing
) -> list[Path]:
    """Write seeds/articles/<id>.txt and a draft seeds/annotations/<id>.yaml (and the new
    publisher, if ``meta`` names one with ``publisher_name``); return the files written.

    Everything is checked first: a bad value gets a problem, and nothing is written."""
    article = root / "seeds" / "articles" / f"{source_id}.txt"
    draft = root / "seeds" / "annotations" / f"{source_id}.yaml"
    problems = metadata.problems(source_id, text, meta, briefing)
    problems += [
        Problem(
            Location(target.relative_to(root).as_posix()), "already exists", "choose another id"
        )
        for target in (article, draft)
        if os.path.lexists(target)  # a dangling symlink too: writing would follow it
    ]
    publisher = None
    if meta.get("publisher_name") and not problems:
        publisher = metadata.new_publisher(root, source_id, meta, text, problems)
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = ["---", "# yaml-language-server: $schema=../../generator/schemas/article.schema.json"]
    lines += [f"{key}: {_quoted(meta[key])}" for key in METADATA if meta.get(key)]
    if meta.get("provenance"):
        known = [key for key in KNOWN_FROM_PROVENANCE if meta.get(key)]
        lines += ["provenance:", *(f"  {key}: {_quoted(meta['provenance'])}" for key in known)]
    lines += ["received:", f"  file: {_quoted(meta.get('file') or 'stdin')}", f"  sha256: {digest}"]
    files = {article: "\n".join(lines) + "\n---\n" + text}
    size = len(files[article].encode("utf-8"))
    if size > loading.MAX_BYTES:  # check would refuse the file: refused before drafting
        shown = article.relative_to(root).as_posix()
        message = f"the article would be {size:,} bytes, over the limit of {loading.MAX_BYTES:,}"
        raise InputError([Problem(Location(shown), message, "split it into several articles")])
    files[draft] = draft_annotation(source_id, text, briefing)
    if publisher:
        files[publisher[0]] = publisher[1]
    problems = staging.problems(root, article, files, briefing)
    if problems:
        raise InputError(problems)
    written = [article, draft, *([publisher[0]] if publisher else [])]
    _write_all(root, {path: files[path] for path in written})
    return written


def _write_all(root: Path, files: dict[Path, str]) -> None:
    """Each file written beside its place first, then all moved in: a full disk or a refused
    write leaves seeds/ as it was (the publisher must not be added without its article)."""
    staged: list[Path] = []
    try:
        for path, content in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.new")  # hidden: check reads none of it
            if os.path.lexists(temporary):  # left by a killed run; a link is removed, not followed
                temporary.unlink()
            staged.append(temporary)
            _stage(temporary, content.encode("utf-8"))
    except OSError as error:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        where = Location(path.relative_to(root).as_posix())
        raise InputError([Problem(where, f"cannot write: {error.strerror}")]) from None
    for temporary, path in zip(staged, files, strict=True):
        os.replace(temporary, path)


def _stage(temporary: Path, data: bytes) -> None:
    with temporary.open("xb") as file:  # created here, or refused
        file.write(data)


def _quoted(value: str) -> str:
    """A YAML scalar for any text: JSON strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)
