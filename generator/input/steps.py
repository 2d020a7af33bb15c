"""The steps of validation that cost the most, each a method of ``ValidationSteps``.

``load_briefing`` does them with the plain ``ValidationSteps`` unless it is given others: a
caller may do these its own way, as long as each gives what the plain step gives for the same
input, since the model, the problems and every page follow from it.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.input import schemas
from generator.input.loading import Document, parse_yaml
from generator.input.quotes import Quotes
from generator.model.articles import Article
from generator.model.language import Language
from generator.model.records import Record
from generator.problems import Problem


class ValidationSteps:
    """Parsing a file, checking it against its schema, finding the quotes in the articles and
    building a file's records: each done here from its input alone."""

    def parse(self, text: str, shown: str, line_offset: int) -> Document:
        """The YAML ``text`` of the file ``shown`` as a document (``line_offset``: the lines
        of the file above it). A ``loading.Parse``."""
        return parse_yaml(text, shown, line_offset)

    def schema_problems(self, document: Document, schema: str) -> dict[tuple, list[Problem]]:
        """What in ``document`` does not meet ``schema``, by where it stands; empty if all does."""
        return schemas.check(document, schema)

    def quotes(self, articles: list[Article]) -> Quotes:
        """What finds the evidence's quotes in ``articles``."""
        return Quotes(articles)

    def check_records(
        self,
        document: Document,
        check: Callable[[], list[Record]],
        sections: dict[str, str],
        articles: list[Article],
        language: Language,
    ) -> list[Record]:
        """The records ``document`` defines, as ``check()`` builds them (adding the problems
        it finds to the run's). What they come out as follows from the document's data,
        ``sections`` (the section of every id), the ``articles`` they quote and the briefing's
        ``language`` (its likelihood words), and from nothing else but the generator's code:
        records once built without a problem come out the same for the same four and the same
        code."""
        return check()
