"""Lighthouse's accessibility score of a built site: the home page, the longest claim page and
the longest source page, on a phone and a desktop, in the light and the dark scheme. It
measures and prints; it asserts nothing. Lighthouse is a Node program the project does not
depend on: install it once with ``npm i -E --prefix /tmp/lighthouse lighthouse@12.2.3`` (12.x
runs on Node 20), then

    .venv/bin/python benchmarks/lighthouse.py \
        --lighthouse /tmp/lighthouse/node_modules/.bin/lighthouse

The site is ``site/`` (``make site`` builds it), served on 127.0.0.1 while it runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from serving import served

ROOT = Path(__file__).resolve().parent.parent
SCHEMES = {"light": "1", "dark": "0"}  # Blink's preferredColorScheme: 0 is dark


def largest_page(site: Path, section: str) -> str:
    """The address of the longest record page of ``section`` (a source's: one with its
    article), the one with the most for Lighthouse to find fault with."""
    found = [p for p in (site / section).glob("*/index.html") if p.parent.name != "by_source"]
    if not found:
        sys.exit(f"no {section} page in {site}: build the site first (make site)")
    largest = max(sorted(found), key=lambda p: p.stat().st_size)
    return f"{section}/{largest.parent.name}/"


def score(lighthouse: str, url: str, form: str, scheme: str, chromium: str) -> tuple[int, list]:
    flags = f"--headless=new --no-sandbox --disable-gpu --blink-settings=preferredColorScheme={SCHEMES[scheme]}"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [lighthouse, url, "--only-categories=accessibility", f"--chrome-flags={flags}"]
        command += ["--output=json", f"--output-path={report}", "--quiet"]
        command += ["--preset=desktop"] if form == "desktop" else []
        subprocess.run(command, check=True, env={"CHROME_PATH": chromium, "PATH": "/usr/bin:/bin"})
        data = json.loads(report.read_text())
    failed = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    ]
    return round(data["categories"]["accessibility"]["score"] * 100), failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", required=True, help="the lighthouse executable")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8769)
    args = parser.parse_args()
    pages = {"home": "", "claim": largest_page(args.site, "claims")}
    pages["source"] = largest_page(args.site, "sources")
    with served(args.site, args.port) as base:
        print(f"{'page':8} {'form':8} {'scheme':7} score  failed audits")
        for name, path in pages.items():
            for form in ("mobile", "desktop"):
                for scheme in SCHEMES:
                    found, failed = score(args.lighthouse, base + path, form, scheme, args.chromium)
                    print(f"{name:8} {form:8} {scheme:7} {found:5}  {', '.join(failed) or '-'}")
        print(f"pages: {', '.join(f'/{p}' for p in pages.values())}")


if __name__ == "__main__":
    main()
