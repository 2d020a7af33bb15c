"""Read the whole corpus, check it, and build the model; report every problem at once.

Order matters only for what can be checked: a record that fails its schema is left out of the
later checks (its fields cannot be trusted), but its id still counts, so one typo does not
cascade into a screen of unknown-id errors.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import groupby
from pathlib import Path

from generator.input import grades, history, likelihood, schemas, site_config
from generator.input.checks import (
    backwards_period,
    check_article,
    check_ids,
    check_record,
    impossible_dates,
    miscounted_articles,
    unevidenced_actors,
    unregistered,
)
from generator.input.growing import alias_problems, grown
from generator.input.loading import Document, Parse, load_article, load_yaml, read_text
from generator.input.quotes import Quotes, needless_translations
from generator.input.raw import ADDED, Raw, as_dict, as_list
from generator.input.seeds import Input
from generator.input.steps import ValidationSteps
from generator.model.articles import Article
from generator.model.kinds import KINDS, SOURCES
from generator.model.language import Language
from generator.model.records import (
    SECTIONS,
    Briefing,
    Record,
    build_briefing,
    references,
)
from generator.problems import InputError, Location, Problem, relative

# a top-level 'draft: true' as YAML writes true ('True', 'yes', quoted or not), before a comment
_DRAFT_LINE = re.compile(r"^draft:\s*(?:true|True|TRUE|yes|Yes|YES|on|On|ON)\s*(?:#.*)?$")


def load_briefing(root: Path, steps: ValidationSteps | None = None) -> Briefing:
    """Everything under ``seeds/`` as a checked model, or InputError with every problem.

    ``steps``: how the costly steps are done (see ``ValidationSteps``), the plain way by default."""
    steps = steps or ValidationSteps()
    problems: list[Problem] = KINDS.shortcomings(root / "templates")  # the registry's, at start-up
    if problems:  # kinds that are not whole would misread the input, or fail on it
        raise InputError(problems)
    source = Input(root)
    articles, documents, overview = _read(source, steps.parse, problems)
    drafts = tuple(d.path for d in documents if as_dict(d.data).get("draft") is True)
    drafted = _drafted([d for d in documents if d.path in drafts])
    documents = [d for d in documents if d.path not in drafts]
    raw, unmet = _check_schemas(articles, documents, overview, steps, problems)
    if overview and overview.path not in unmet:
        problems.extend(site_config.unsafe_for_the_theme(overview))
        problems.extend(site_config.mismatches(root, overview.data))
        problems.extend(miscounted_articles(overview, len(source.articles)))
    language, told = likelihood.language_of(overview)
    problems.extend(told)
    sections = check_ids(raw, problems)
    for kind in KINDS.values():
        mine = [r for r in raw if r.section == kind.plural]
        problems.extend(kind.check_together(mine, language))
    unreadable = {path.stem for path in source.articles} - {a.id for a in articles}
    problems.extend(_citing_unreadable(raw, unreadable, sections))
    additions = [
        Raw(ADDED, data, document, (ADDED, index))
        for document in documents
        for index, data in enumerate(as_list(as_dict(document.data).get(ADDED)))
        if isinstance(data, dict) and isinstance(data.get("record"), str)
    ]
    problems.extend(unevidenced_actors(raw, {a.data["record"] for a in additions}))
    problems.extend(alias_problems(raw, additions))
    for addition in additions:
        problems.extend(impossible_dates(addition))
    quotes = steps.quotes(articles)
    records: list[Record] = []
    for _, found in groupby(raw, key=lambda record: record.document.path):  # a file's, in turn
        held = list(found)
        check = partial(_checked, held, sections, quotes, language, problems, drafted)
        records += steps.check_records(held[0].document, check, sections, articles, language)
    records = grown(records, additions, sections, quotes, problems, drafted)
    if problems:
        raise InputError(problems)
    own = overview.data
    return build_briefing(
        own["title"],
        own["topic"],
        records,
        articles,
        drafts,
        description=own.get("description", ""),
        about=own.get("about", ""),
        added=history.added_dates(root),
        site_url=history.site_url(root) or "",
        language=own.get("language", "en"),
        scale=language.likelihood,
        scale_words=_scale_words(language),
    )


def _scale_words(language: Language) -> str:
    """Whose words the likelihood scale's are: ICD 203's own, our translation, the analyst's."""
    if language.own:
        return "own"
    return "ICD 203" if language.code == "en" else "translated"


def _checked(
    raw: list[Raw],
    sections: dict[str, str],
    quotes: Quotes,
    language: Language,
    problems: list[Problem],
    drafted: dict[str, str],
) -> list[Record]:
    """The records of one file, checked: each alone (in the briefing's ``language``), then
    against the rest (its references, its quotes). A file whose records the store holds as
    checked is not checked again."""
    for record in raw:
        problems.extend(impossible_dates(record))
        problems.extend(backwards_period(record))
        problems.extend(grades.check(record))
        problems.extend(KINDS[record.section].check(record, language))
        problems.extend(needless_translations(record, quotes, language.code))
    return [check_record(r, sections, quotes, problems, drafted) for r in raw]


def _drafted(drafts: list[Document]) -> dict[str, str]:
    """The file of each id a draft defines, for the messages that name one (first file first)."""
    found: dict[str, str] = {}
    for document in drafts:
        for section in SECTIONS:
            for data in as_list(as_dict(document.data).get(section)):
                if isinstance(as_dict(data).get("id"), str):
                    found.setdefault(data["id"], document.path)
    return found


def _citing_unreadable(raw: list[Raw], unreadable: set[str], sections: dict[str, str]):
    """One line per article that could not be read (its own problem is told already), saying
    how many records cite it; the id then counts as known, so the references to it are not
    each reported as unknown."""
    for article in sorted(unreadable):
        sections.setdefault(article, "")  # '' as for a duplicate: known, of no section
        citing = [r for r in raw if any(t == article for _, t, _ in references(r.section, r.data))]
        if citing:
            yield Problem(
                Location(f"seeds/articles/{article}.txt"),
                f"the article could not be read (see below); {len(citing)} "
                f"record{'s' if len(citing) != 1 else ''} cite it, and their references to it "
                "were not checked",
                "fix the article first",
            )


def _read(
    source: Input, parse: Parse, problems: list[Problem]
) -> tuple[list[Article], list[Document], Document | None]:
    def attempt(load, path: Path):
        try:
            return load(path, source.root, parse)
        except InputError as error:
            problems.extend(error.problems)
            return None

    problems.extend(source.strays())
    overview = None
    if source.overview.exists():
        overview = attempt(load_yaml, source.overview)
    allowed = as_dict(overview.data if overview else None).get("allow_outside", False)
    refused, links = source.outside(allowed if isinstance(allowed, bool | list) else False)
    problems.extend(links)
    overview = None if source.overview in refused else overview
    paths = [path for path in source.articles if path not in refused]
    articles = [a for a in (attempt(load_article, p) for p in paths) if a]
    annotations = [path for path in source.annotations if path not in refused]
    documents = [
        d for d in (_annotation(p, source.root, parse, problems) for p in annotations) if d
    ]
    if not source.overview.exists():
        problems.append(
            Problem(
                Location("seeds/briefing.yaml"),
                "file is missing",
                "create it with the briefing's title and topic",
            )
        )
    return articles, documents, overview


def _annotation(path: Path, root: Path, parse: Parse, problems: list[Problem]) -> Document | None:
    """An annotation file, or None with its problems told; a draft that is not valid YAML (a
    review under way) is not checked, as no draft is: it stands for a draft, its records unread."""
    try:
        return load_yaml(path, root, parse)
    except InputError as error:
        shown = relative(path, root)
        try:
            text = read_text(path, shown)
        except InputError:
            text = ""
        if any(_DRAFT_LINE.match(line) for line in text.splitlines()):
            return Document(shown, {"draft": True}, text)
        problems.extend(error.problems)
        return None


def _check_schemas(
    articles: list[Article],
    documents: list[Document],
    overview: Document | None,
    steps: ValidationSteps,
    problems: list[Problem],
) -> tuple[list[Raw], set[str]]:
    """Schema problems of every file, and the records found in them (even malformed ones), with
    the paths of the files that do not meet their schema."""
    checks = [(a.meta, schemas.ARTICLE) for a in articles]
    checks += [(d, schemas.ANNOTATIONS) for d in documents]
    checks += [(overview, schemas.BRIEFING)] if overview else []
    unmet = set()
    for document, schema in checks:
        found = steps.schema_problems(document, schema)
        problems.extend(p for listed in found.values() for p in listed)
        if found:
            unmet.add(document.path)
    raw = []
    for article in articles:
        problems.extend(check_article(article))
        data = {**as_dict(article.meta.data), "id": article.id}
        raw.append(Raw(SOURCES, data, article.meta, ()))  # a Document: see Raw.document
    for document in documents:
        problems.extend(unregistered(document))
        for section in SECTIONS:
            items = as_dict(document.data).get(section)
            for index, data in enumerate(items if isinstance(items, list) else []):
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    raw.append(Raw(section, data, document, (section, index)))
    return raw, unmet
