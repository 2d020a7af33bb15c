"""Start a new source: store the article's text and draft its annotation (``drafting``); with
``replace``, in place of an article no record quotes yet (``removal``)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from generator.authoring import metadata, removal, staging
from generator.authoring.drafting import draft_annotation
from generator.authoring.drafting.writing import q
from generator.input import loading
from generator.input.validation import load_briefing
from generator.model.records import Briefing, Record
from generator.problems import InputError, Location, Problem

METADATA = ("label", "kind", "language", "author", "publisher", "published", "url")


def new_source(
    root: Path, source_id: str, text: str, meta: dict, briefing: Briefing
) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """Write seeds/articles/<id>.txt and a draft seeds/annotations/<id>.yaml (and the new
    publisher or author, if ``meta`` names one with ``publisher_name`` or ``author_name``);
    return the files written, and the files moved to the trash when ``meta["replace"]``.

    ``meta["provenance"]`` is {field: reason}; ``meta["file_sha256"]``, the received file's
    SHA-256 when the stored text was taken out of it (a web page, a PDF).

    Everything is checked first: a bad value gets a problem, and nothing is written."""
    article, draft = removal.article_files(root, source_id)
    problems = metadata.problems(source_id, text, meta, briefing)
    if meta.get("replace"):
        problems += removal.blockers(root, source_id, briefing, "new-source --replace")
    else:
        problems += [
            Problem(
                Location(target.relative_to(root).as_posix()),
                "already exists",
                "choose another id, or give --replace to import the article again",
            )
            for target in (article, draft)
            if os.path.lexists(target)  # a dangling symlink too: writing would follow it
        ]
    actors = None
    if (meta.get("publisher_name") or meta.get("author_name")) and not problems:
        actors = metadata.new_actors(root, source_id, meta, text, problems)
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    lines = ["---", "# yaml-language-server: $schema=../../generator/schemas/article.schema.json"]
    lines += [f"{key}: {q(meta[key])}" for key in METADATA if meta.get(key)]
    reasons = meta.get("provenance") or {}
    known = [key for key in metadata.PROVENANCE_FIELDS if key in reasons and meta.get(key)]
    if known:
        lines += ["provenance:", *(f"  {key}: {q(reasons[key])}" for key in known)]
    lines += ["received:", f"  file: {q(meta.get('file') or 'stdin')}", f"  sha256: {digest}"]
    if meta.get("file_sha256"):
        lines.append(f"  file_sha256: {meta['file_sha256']}")
    files = {article: "\n".join(lines) + "\n---\n" + text}
    size = len(files[article].encode("utf-8"))
    if size > loading.MAX_BYTES:  # check would refuse the file: refused before drafting
        shown = article.relative_to(root).as_posix()
        message = f"the article would be {size:,} bytes, over the limit of {loading.MAX_BYTES:,}"
        raise InputError([Problem(Location(shown), message, "split it into several articles")])
    files[draft] = draft_annotation(
        source_id,
        text,
        _with_new_actors(briefing, meta),  # known to the draft: it must not propose them again
        published=meta.get("published"),
        publisher=meta.get("publisher"),
        language=meta.get("language") or briefing.language,  # how its numbers are written
    )
    if actors:
        files[actors[0]] = actors[1]
    problems = staging.problems(root, article, files, briefing)
    if meta.get("replace") and not problems:
        problems = _replacing_problems(root, files, source_id)
    if problems:
        raise InputError(problems)
    written = [article, draft, *([actors[0]] if actors else [])]
    replaced = [article, draft] if meta.get("replace") else []
    moved = _write_all(root, {path: files[path] for path in written}, replaced)
    return written, moved


def _replacing_problems(root: Path, files: dict[Path, str], source_id: str) -> list[Problem]:
    """What check would find in the whole briefing once the new text replaces the old: records
    made with the old article (its byline's author, its site as publisher) may quote words the
    new text lacks, or no longer be named by it."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        shutil.copytree(root / "seeds", copy / "seeds", symlinks=True)
        for path, content in files.items():
            (copy / path.relative_to(root)).write_text(content, encoding="utf-8")
        try:
            load_briefing(copy)
        except InputError as error:
            message = "the new text would leave the records above broken"
            hint = f"remove-source {source_id}, then new-source {source_id} FILE"
            return [*error.problems, Problem(Location("new-source --replace"), message, hint)]
    return []


def _with_new_actors(briefing: Briefing, meta: dict) -> Briefing:
    """The briefing with the publisher and author this run adds to the actors file."""
    added = [
        Record(
            "actors",
            meta[field],
            (),
            {"id": meta[field], "name": meta[f"{field}_name"], "kind": kind},
        )
        for field, kind in (("publisher", "publication"), ("author", "person"))
        if meta.get(field) and meta.get(f"{field}_name") and meta[field] not in briefing.records
    ]
    if not added:
        return briefing
    actors = sorted((*briefing.in_section("actors"), *added), key=lambda record: record.id)
    return dataclasses.replace(
        briefing,
        records=briefing.records | {record.id: record for record in added},
        sections=briefing.sections | {"actors": tuple(actors)},
    )


def _write_all(root: Path, files: dict[Path, str], replaced: list[Path]) -> list[tuple[Path, Path]]:
    """Each file written beside its place first, then the ``replaced`` moved to the trash and
    all moved in: a full disk or a refused write leaves seeds/ as it was (the publisher must
    not be added without its article)."""
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
    try:
        moved = removal.to_trash(root, replaced)
    except OSError as error:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        where = Location(Path(error.filename or "seeds").name)
        raise InputError([Problem(where, f"cannot move to the trash: {error.strerror}")]) from None
    for temporary, path in zip(staged, files, strict=True):
        os.replace(temporary, path)
    return moved


def _stage(temporary: Path, data: bytes) -> None:
    with temporary.open("xb") as file:  # created here, or refused
        file.write(data)
