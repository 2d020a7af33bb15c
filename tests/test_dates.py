"""Any year from 0001 to 9999 builds; the sitemap's date stays within what gzip can hold."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from projects import FIXTURES, REPO, as_read, copy_project, run_cli, with_seeds


@pytest.mark.parametrize("latest", ["0001-01-01", "1969-12-31", "9999-12-31"])
def test_a_briefing_of_any_year_builds(tmp_path: Path, latest: str) -> None:
    root = with_seeds(copy_project(REPO, tmp_path / "project"), FIXTURES / "minimal" / "seeds")
    records = root / "seeds" / "annotations" / "records.yaml"
    data = yaml.safe_load(records.read_text(encoding="utf-8"))
    for claim in data["claims"]:
        claim["date"] = latest
    data["measures"][0]["announced"] = latest
    records.write_text(as_read(data), encoding="utf-8")
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    assert (root / "site" / "sitemap.xml.gz").is_file()
