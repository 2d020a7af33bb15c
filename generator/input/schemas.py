"""Check documents against the JSON Schemas in ``generator/schemas/``.

The same files give editors completion (``# yaml-language-server: $schema=...``), so the
format has one definition. jsonschema's messages are rewritten here into the project's
``path:line:col: message`` with a hint, pointing at the offending key where there is one.

Most documents are valid, so each is first checked by jsonschema-rs, a compiled validator of the
same draft (at 10,000 records, 35 ms where jsonschema took seconds); only a document it rejects
goes through jsonschema, whose errors carry what the messages need.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from generator.input.loading import Document
from generator.problems import Problem, counted, did_you_mean
from generator.schemas import composed

if TYPE_CHECKING:  # imported when a document fails its schema: most runs need neither
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"  # beside the packages: seeds name it
ANNOTATIONS, ARTICLE, BRIEFING = "annotations", "article", "briefing"
_BASE = "file:///briefing-schemas/"  # where jsonschema-rs resolves references between the files


@cache
def _schemas() -> dict[str, dict[str, Any]]:
    """Each schema file's contents, by its name; the annotation schema composed afresh from
    its base and the kinds' fragments (``generator.schemas``), so a new kind's is checked."""
    found = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in _schema_files()}
    return found | {f"{ANNOTATIONS}.schema.json": composed()}


def schema(name: str) -> dict[str, Any]:
    return _schemas()[f"{name}.schema.json"]


@cache
def validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = [(n, Resource.from_contents(contents)) for n, contents in _schemas().items()]
    return Draft202012Validator(schema(name), registry=Registry().with_resources(resources))


@cache
def fast_validator(name: str) -> jsonschema_rs.Validator:
    resources = [(_BASE + n, contents) for n, contents in _schemas().items()]
    registry = jsonschema_rs.Registry(resources)
    return jsonschema_rs.validator_for(
        schema(name), registry=registry, base_uri=f"{_BASE}{name}.schema.json", offline=True
    )


def _schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


def check(document: Document, schema: str) -> dict[tuple, list[Problem]]:
    """Problems by the path of the value they concern (the file itself is ``()``)."""
    found: dict[tuple, list[Problem]] = {}
    if fast_validator(schema).is_valid(document.data):
        return found
    for error in validator(schema).iter_errors(document.data):
        found.setdefault(tuple(error.absolute_path), []).extend(_explain(error, document))
    return found


def dotted(at: tuple) -> str:
    """A JSON path as an author reads it: ``claims[3].evidence[0].quote``."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".") or "the file"


def _explain(error: ValidationError, document: Document) -> list[Problem]:
    at = tuple(error.absolute_path)
    where = document.locate(at)
    value: Any = error.instance
    name = dotted(at)
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(value) - set(allowed))
        return [
            Problem(
                document.locate((*at, key), key=True),
                f"unknown field '{key}' in {name}",
                did_you_mean(key, allowed) or "allowed fields: " + ", ".join(allowed),
            )
            for key in unknown
        ]
    if error.validator == "required":
        missing = error.message.split("'")[1]
        described = error.schema.get("properties", {}).get(missing, {}).get("description", "")
        hint = f"add {missing}: {described[:1].lower()}{described[1:]}" if described else ""
        hint = hint or error.schema.get("description", "")
        return [Problem(where, f"{name} is missing the required field '{missing}'", hint)]
    if error.validator == "enum":
        choices = [str(choice) for choice in error.validator_value]
        hint = did_you_mean(str(value), choices) or "choose one of: " + ", ".join(choices)
        return [Problem(where, f"{name}: '{value}' is not allowed here", hint)]
    if error.validator == "pattern":
        return [Problem(where, f"{name}: {value!r} is not in the expected form", _pattern_hint(at))]
    if error.validator == "type":
        expected = error.validator_value
        return [Problem(where, f"{name} must be {_article(expected)}, not {_describe(value)}")]
    if error.validator == "not" and error.validator_value.get("required"):
        present = error.validator_value["required"][0]
        return [Problem(where, f"{name} has '{present}'", error.schema.get("description", ""))]
    if error.validator == "dependentRequired":
        missing = error.message.split("'")[1]
        having = next(k for k, needed in error.validator_value.items() if missing in needed)
        return [
            Problem(
                where,
                f"{name} has '{having}' but not '{missing}'",
                f"add {missing}, or remove {having}",
            )
        ]
    if error.validator == "minItems" and not value:
        return [Problem(where, f"{name} must not be empty")]
    if error.validator in ("minItems", "maxItems"):
        held = f"{name} holds {counted(len(value), 'item')}"
        wanted = _bounds(error.schema.get("minItems"), error.schema.get("maxItems"))
        described = error.schema.get("description", "")
        hint = described[:1].lower() + described[1:]
        return [Problem(where, f"{held}, and takes {wanted}", hint)]
    return [Problem(where, f"{name}: {error.message}")]


def _bounds(low: int | None, high: int | None) -> str:
    """How many items a list takes: 'exactly 7', 'from 1 to 2', 'at least 1'."""
    if low == high:
        return f"exactly {low}"
    if low and high:
        return f"from {low} to {high}"
    return f"at least {low}" if low else f"at most {high}"


# Fields (or the lists holding them) whose values are text that must hold more than blanks
_TEXTS = {"quote", "summary", "name", "label", "title", "counts", "unit", "topic"}
_TEXTS |= {"likelihood_words", "confidence_words"}


def _pattern_hint(at: tuple) -> str:
    field = next((part for part in reversed(at) if isinstance(part, str)), "")
    if field in {"published", "date", "announced", "effective", "from", "to"}:
        return "write a date as YYYY, YYYY-MM or YYYY-MM-DD, in quotes"
    if field == "url":
        return "give the full address, starting with http:// or https://"
    if field == "sha256":
        return "64 lowercase hexadecimal digits"
    if field in _TEXTS:
        return "write some text"
    if field == "language":
        return "write the language's code: zh for Chinese, fr for French, en-GB for British English"
    if field == "translated_by":
        return "give the translator's actor id, or analyst when the translation is yours"
    return "ids use lowercase letters, digits and single hyphens, e.g. 'liu-yuejin'"


def _article(expected: str | list[str]) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "text", "number": "a number"}
    if isinstance(expected, list):
        return " or ".join(names.get(item, item) for item in expected)
    return names.get(expected, expected)


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return "a number"
    return "text"
