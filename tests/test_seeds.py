"""The seed articles are the ground truth: their text must be exactly what was received."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import REPO

from generator.loading import load_article

ARTICLES = sorted((REPO / "seeds" / "articles").glob("*.txt"))

# The SHA-256 of each file as received (../shared/seeds/), recorded when it was imported.
RECEIVED = {
    "000_9effdea98d1b9e14.txt": "39c433b69ae3253b7679f113b80bf11750f4760a7680ad986653674599b31a52",
    "004_11786f1181aef48b.txt": "e57b81cfe7ccfe028cb6fa4c4a2b5caa7cf726770ed07ffd1ebfddf6116f9e57",
}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_text_is_byte_identical_to_what_was_received(path: Path) -> None:
    article = load_article(path, REPO)
    received = article.meta.data["received"]
    assert RECEIVED[received["file"]] == received["sha256"]
    body = path.read_bytes().split(b"\n---\n", 1)[1]
    assert hashlib.sha256(body).hexdigest() == received["sha256"]


def test_every_received_article_was_imported() -> None:
    imported = {load_article(p, REPO).meta.data["received"]["file"] for p in ARTICLES}
    assert imported == set(RECEIVED)


def test_no_article_claims_an_address_or_a_date_it_does_not_give_reasons_for() -> None:
    for path in ARTICLES:
        meta = load_article(path, REPO).meta.data
        assert "url" not in meta, "the articles state no address; none may be invented"
        for field in ("published", "publisher", "author"):
            if field in meta:
                assert field in meta.get("inferred", {}), f"{path.name}: {field} needs a reason"
