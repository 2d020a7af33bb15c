"""The GitHub workflow is valid, builds with --strict, tests, and deploys with the Pages actions."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def assert_valid(path: Path, schema: str) -> None:
    """``path`` meets check-jsonschema's built-in ``schema`` (GitHub's own, offline)."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_matches_github_schema() -> None:
    assert_valid(WORKFLOW, "vendor.github-workflows")


def test_workflow_tests_builds_and_deploys_main_to_pages() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = [step.get("run", "") for step in build["steps"]]
    assert "make test" in commands and "make site" in commands
    uses = [step.get("uses", "") for step in build["steps"] + deploy["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"]


def steps(job: str) -> list[dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"][job]["steps"]


def test_zizmor_finds_nothing_in_the_workflow() -> None:
    """Its default persona, offline: actions pinned to commits, no credentials left to later
    steps, no expression expanded into a shell."""
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))  # the test extra's
    assert zizmor, "zizmor is not installed: pip install -e '.[test]'"
    result = subprocess.run(
        [zizmor, "--offline", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_named_by_its_release() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)(?: # (v\S+))?", text)
    assert uses
    assert [(action, len(commit), bool(release)) for action, commit, release in uses] == [
        (action, 40, True) for action, _, _ in uses
    ]


def test_every_job_has_a_time_limit_and_checkout_keeps_no_credentials() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert all(job.get("timeout-minutes") for job in workflow["jobs"].values())
    [checkout] = [s for s in steps("build") if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False


def test_the_workflow_installs_a_browser_on_ubuntu_before_the_tests() -> None:
    """apt's chromium on Ubuntu is a snap stub: `make browser` installs Playwright's."""
    commands = [step.get("run", "") for step in steps("build")]
    assert "make browser" in commands
    assert commands.index("make browser") < commands.index("make test")
    assert "GITHUB_ACTIONS" in (REPO / ".ci" / "browser").read_text(encoding="utf-8")
    assert "playwright install --with-deps chromium" in (REPO / ".ci" / "browser").read_text(
        encoding="utf-8"
    )


def test_the_site_takes_its_address_from_configure_pages() -> None:
    build = steps("build")
    [pages] = [s for s in build if s.get("uses", "").startswith("actions/configure-pages@")]
    [site] = [s for s in build if s.get("run") == "make site"]
    assert site["env"]["SITE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"


def committed(root: Path, paths: dict[str, str]) -> None:
    for path, text in paths.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-qm", "a change"], check=True, capture_output=True)


def test_a_change_to_seeds_alone_is_told_apart_from_a_change_to_the_code(tmp_path: Path) -> None:
    root = tmp_path / "clone"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".ci").mkdir()
    shutil.copy(REPO / ".ci" / "changed", root / ".ci" / "changed")
    committed(root, {"README.md": "a briefing\n"})

    def changed(since: str) -> str:
        command = ["bash", str(root / ".ci" / "changed"), since]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    first = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    committed(root, {"seeds/articles/new.txt": "An article.\n"})
    assert changed(first) == "code=false\n"
    committed(root, {"generator/new.py": "\n"})
    assert changed(first) == "code=true\n"
    assert changed("") == "code=true\n"  # nothing to compare with: the whole suite
    assert changed("0" * 40) == "code=true\n"  # a branch's first push


def test_dependabot_proposes_updates_of_the_packages_and_the_actions() -> None:
    config = REPO / ".github" / "dependabot.yml"
    assert_valid(config, "vendor.dependabot")
    updates = yaml.safe_load(config.read_text(encoding="utf-8"))["updates"]
    assert {update["package-ecosystem"] for update in updates} == {"pip", "github-actions"}


def test_a_pull_request_summary_lists_the_records_it_changes() -> None:
    [summary] = [s for s in steps("build") if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert (
        "generator diff" in summary["run"]
        and summary["if"] == "github.event_name == 'pull_request'"
    )
    assert summary["env"]["BASE"] == "origin/${{ github.base_ref }}"
