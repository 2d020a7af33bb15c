"""What ``check`` would say of files ``new-source`` is about to write, before it writes them.

The options are checked one by one in ``metadata`` with messages that name them; this is the
second line: the article, the draft and the actors file as they would be written are read and
checked by the very code ``check`` uses (the loader, the schemas, the article checks), so a
rule added there holds here too, and a run that is refused leaves ``seeds/`` as it was.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.input import schemas
from generator.input.checks import check_article, miscounted_articles
from generator.input.loading import load_article, load_yaml, parse_yaml
from generator.problems import InputError, Problem


def problems(root: Path, article: str, files: dict[Path, str], articles: int) -> list[Problem]:
    """Problems ``check`` would find in ``files`` (path under ``root``: content), of which
    ``article`` is the new article's path; ``articles``: how many the briefing would hold."""
    found: list[Problem] = []
    for path, content in files.items():
        shown = path.relative_to(root).as_posix()
        try:
            if shown == article:
                found += _article(shown, content)
            else:
                document = parse_yaml(content, shown)
                if "draft: true" not in content.splitlines():  # drafts are read, not checked
                    found += _schema(document, schemas.ANNOTATIONS)
        except InputError as error:
            found += error.problems
    overview = root / "seeds" / "briefing.yaml"
    if overview.is_file():  # a count of the articles in the briefing's own words
        try:
            found += miscounted_articles(load_yaml(overview, root), articles)
        except InputError as error:
            found += error.problems
    return found


def _article(shown: str, content: str) -> list[Problem]:
    """The article's problems, read from a scratch copy as ``check`` reads it from seeds/."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / shown
        path.parent.mkdir(parents=True)
        path.write_bytes(content.encode("utf-8"))
        loaded = load_article(path, Path(scratch))
    return _schema(loaded.meta, schemas.ARTICLE) + check_article(loaded)


def _schema(document, schema: str) -> list[Problem]:
    return [p for listed in schemas.check(document, schema).values() for p in listed]
