"""The format reference page, generated from the JSON Schemas so it cannot drift from them."""

from __future__ import annotations

from typing import Any

from generator.input.schemas import ANNOTATIONS, ARTICLE, BRIEFING, schema
from generator.model.kinds import KINDS


def reference() -> dict[str, Any]:
    """The template's context: one table of fields per kind of record and per file."""
    annotations = schema(ANNOTATIONS)
    definitions = annotations["$defs"]
    # The kinds others name most first, then the rest in the registry's order.
    kinds = sorted(KINDS.values(), key=lambda kind: not kind.reference_first)
    tables = {kind.name: fields(definitions[kind.name], definitions) for kind in kinds}
    tables["evidence"] = fields(definitions["evidence"], definitions)
    tables["more evidence"] = fields(definitions["moreEvidence"], definitions)
    tables["article front matter"] = fields(schema(ARTICLE), definitions)
    tables["briefing.yaml"] = fields(schema(BRIEFING), definitions)
    return {"tables": tables}


def fields(node: dict[str, Any], definitions: dict[str, Any]) -> list[dict[str, str]]:
    required = set(node.get("required", []))
    rows = []
    for name, spec in node["properties"].items():
        target = _resolve(spec, definitions)
        rows.append(
            {
                "name": name,
                "required": "yes" if name in required else "",
                "value": describe(target, definitions),
                "meaning": spec.get("description") or target.get("description", ""),
            }
        )
    return rows


def _resolve(spec: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in spec:
        spec = definitions[spec["$ref"].rsplit("/", 1)[-1]]
    return spec


def describe(spec: dict[str, Any], definitions: dict[str, Any]) -> str:
    """A value's form in a few words: 'one of: a, b', 'list of ids', 'date', ..."""
    spec = _resolve(spec, definitions)
    if "oneOf" in spec:
        return " or ".join(describe(option, definitions) for option in spec["oneOf"])
    if "enum" in spec:
        return "one of: " + ", ".join(f"`{value}`" for value in spec["enum"])
    kind = spec.get("type")
    if kind == "array":
        return "list of " + describe(spec["items"], definitions)
    if kind == "object":
        if "properties" in spec:
            return "mapping: " + ", ".join(f"`{name}`" for name in spec["properties"])
        if spec.get("additionalProperties", {}).get("pattern") == "^[0-9a-f]{64}$":
            return "mapping of file paths to SHA-256 digests"  # the example's list of its files
        return "mapping of field names to reasons"
    pattern = spec.get("pattern", "")
    if pattern.startswith("^[a-z0-9]+(-"):
        return "id"
    if pattern.startswith(("^[0-9]{4}", "^(?!0000)[0-9]{4}")):
        return "date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)"
    if pattern.startswith("^https?"):
        return "web address"
    return {"number": "number", "string": "text"}.get(kind, kind or "any")
