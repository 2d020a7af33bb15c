"""What ``check`` would say of files ``new-source`` is about to write, before it writes them.

The options are checked one by one in ``metadata`` with messages that name them; this is the
second line: the article, the draft and the actors file as they would be written are read and
checked by the very code ``check`` uses (the loader, the schemas, the article checks, the ids,
references and evidence of the new records), so a rule added there holds here too, and a run
that is refused leaves ``seeds/`` as it was.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.input import schemas
from generator.input.checks import (
    check_article,
    check_ids,
    check_record,
    impossible_dates,
    miscounted_articles,
)
from generator.input.loading import Document, load_article, load_yaml, parse_yaml
from generator.input.quotes import Quotes
from generator.input.raw import Raw, as_dict, as_list
from generator.model.articles import Article
from generator.model.records import Briefing
from generator.problems import InputError, Problem


def problems(
    root: Path, article: Path, files: dict[Path, str], briefing: Briefing
) -> list[Problem]:
    """Problems ``check`` would find once ``files`` (path: content) are written into the
    briefing; ``article`` is the new article's path, and an actors file the one ``files`` adds
    a publisher (and an author) to, as its last actors."""
    found: list[Problem] = []
    loaded, new = None, []
    for path, content in files.items():
        shown = path.relative_to(root).as_posix()
        try:
            if path == article:
                loaded = _article(shown, content)
                found += _schema(loaded.meta, schemas.ARTICLE) + check_article(loaded)
                new.append(
                    Raw("sources", {**as_dict(loaded.meta.data), "id": loaded.id}, loaded.meta, ())
                )
                continue
            document = parse_yaml(content, shown)
            if "draft: true" in content.splitlines():
                continue  # a draft is read, not checked
            found += _schema(document, schemas.ANNOTATIONS)
            actors = as_list(as_dict(document.data).get("actors"))
            for index, actor in enumerate(actors):  # those new-source adds: its last ones
                if as_dict(actor).get("id") not in briefing.records:
                    new.append(Raw("actors", actor, document, ("actors", index)))
        except InputError as error:
            found += error.problems
    if loaded and not found:  # the new records among the others, as check sees them
        sections = {record_id: record.section for record_id, record in briefing.records.items()}
        sections |= check_ids(new, found)
        quotes = Quotes([loaded])
        for raw in new:
            found += impossible_dates(raw)
            check_record(raw, sections, quotes, found)
    overview = root / "seeds" / "briefing.yaml"
    if overview.is_file():  # a count of the articles in the briefing's own words
        try:
            found += miscounted_articles(load_yaml(overview, root), len(briefing.articles) + 1)
        except InputError as error:
            found += error.problems
    return found


def _article(shown: str, content: str) -> Article:
    """The article as ``check`` reads it from seeds/, from a scratch copy."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / shown
        path.parent.mkdir(parents=True)
        path.write_bytes(content.encode("utf-8"))
        return load_article(path, Path(scratch))


def _schema(document: Document, schema: str) -> list[Problem]:
    return [p for listed in schemas.check(document, schema).values() for p in listed]
