"""The site's address (issue 31, item 1): the workflow gives configure-pages' base URL as
$SITE_URL, which the build takes where mkdocs.yml sets no site_url; the sitemap and the pages'
canonical links then name it. Without one, a local build needs none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from projects import built_at

ADDRESS = "https://example.github.io/harbour"


def test_the_address_from_the_environment_reaches_the_sitemap_and_canonical_links(
    harbour_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = built_at(harbour_project, ADDRESS, monkeypatch)
    assert result.code == 0, result.err
    site = harbour_project / "site"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}/claims/" in sitemap
    page = next((site / "claims").glob("*/index.html")).read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    assert canonical and canonical.group(1).startswith(f"{ADDRESS}/claims/")


def test_no_address_leaves_the_sitemap_empty_and_the_pages_without_canonical_links(
    harbour_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = built_at(harbour_project, None, monkeypatch)
    assert result.code == 0, result.err
    assert "<loc>" not in (harbour_project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    page = (harbour_project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in page


def test_an_address_that_is_not_one_is_refused_in_one_line(
    harbour_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = built_at(harbour_project, "example.github.io/harbour", monkeypatch)
    assert result.code != 0
    assert "SITE_URL='example.github.io/harbour' is not a web address" in result.err
    assert "Traceback" not in result.err
