"""new-source imports a web page, a PDF or an address: the stored text is the article alone
(headline, byline, body paragraphs, one a line), the page's metadata fills the front matter with
the field each value came from, and the received file's SHA-256 is kept beside the text's.

The pages in tests/fixtures/pages/ are realistic news pages, each with the paragraphs of its
article and phrases of its furniture listed beside it (``<page>.json``); the PDFs are the same
pages printed by Chromium (print_to_pdf.py). Commands run in this process, so the draft's
language pipeline, when installed, loads once.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, snapshot

from generator.authoring.importing.dehyphenation import join_lines
from generator.cli import main

PAGES = FIXTURES / "pages"
FILES = sorted(p.name for p in PAGES.iterdir() if p.suffix in (".html", ".pdf"))


def run(capsys, root: Path, *arguments: str) -> tuple[int, str, str]:
    code = main([*arguments, "--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored(root: Path, source_id: str) -> tuple[dict, list[str]]:
    """The article's front matter and its text's lines."""
    content = (root / "seeds" / "articles" / f"{source_id}.txt").read_text(encoding="utf-8")
    _, front, text = content.split("---\n", 2)
    return yaml.safe_load(front), text.splitlines()


@pytest.mark.parametrize("name", FILES)
def test_a_page_becomes_its_article_alone_with_its_metadata(minimal: Path, capsys, name) -> None:
    page = PAGES / name
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    code, out, err = run(capsys, minimal, "new-source", "imported", str(page))
    assert code == 0, err
    meta, lines = stored(minimal, "imported")

    assert lines[0] == expected["headline"]
    body = [line for line in lines if line in expected["paragraphs"]]
    assert body == expected["paragraphs"]  # every paragraph, whole, in order
    text = "\n".join(lines).lower()
    assert [phrase for phrase in expected["boilerplate"] if phrase.lower() in text] == []

    assert meta["label"] == expected["headline"]
    assert meta["url"] == expected["metadata"]["url"]
    assert meta["received"]["file"] == name
    assert meta["received"]["file_sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    text_sha = hashlib.sha256(("\n".join(lines) + "\n").encode()).hexdigest()
    assert meta["received"]["sha256"] == text_sha
    actors = yaml.safe_load((minimal / "seeds/annotations/imported.actors.yaml").read_text("utf-8"))
    publisher = next(a for a in actors["actors"] if a["id"] == meta["publisher"])
    assert publisher["name"] == expected["metadata"]["site_name"]
    if page.suffix == ".html":
        assert meta["published"] == expected["metadata"]["published"]
        assert meta["provenance"]["publisher"] == "from the page's metadata (og:site_name)"
        assert meta["provenance"]["url"] == "from the page's metadata (canonical link)"
        assert meta["provenance"]["published"].startswith("from the page's metadata (")
    else:  # a printout's date is the day it was printed: no publication date
        assert "published" not in meta
        assert meta["provenance"]["url"] == "from the address printed in the page's footer"
        assert meta["provenance"]["publisher"] == "from the PDF's title, after the headline"
    assert "wrote seeds/articles/imported.txt" in out
    assert main(["check", "--root", str(minimal)]) == 0, capsys.readouterr().err


def test_a_single_author_becomes_an_actor_and_several_are_left_out(minimal: Path, capsys) -> None:
    code, _, err = run(capsys, minimal, "new-source", "one", str(PAGES / "harbour-gazette.html"))
    assert code == 0, err
    meta, _ = stored(minimal, "one")
    assert meta["author"] == "jane-smith"
    assert meta["provenance"]["author"] == "from the page's metadata (meta author)"
    code, _, err = run(capsys, minimal, "new-source", "two", str(PAGES / "northern-ledger.html"))
    assert code == 0, err
    meta, _ = stored(minimal, "two")
    assert "author" not in meta
    assert "the page names 2 authors (Lars Eng, Mei Tan)" in err


def test_the_command_line_wins_over_the_page(minimal: Path, capsys) -> None:
    page = str(PAGES / "harbour-gazette.html")
    code, _, err = run(
        capsys, minimal, "new-source", "mine", page, "--label", "Gazette: the vote", "--published",
        "2024-03-05", "--provenance", "published=the print edition's date",
    )  # fmt: skip
    assert code == 0, err
    meta, _ = stored(minimal, "mine")
    assert meta["label"] == "Gazette: the vote"
    assert meta["published"] == "2024-03-05"
    assert meta["provenance"]["published"] == "the print edition's date"
    assert meta["provenance"]["url"] == "from the page's metadata (canonical link)"


def test_a_web_page_named_txt_is_not_stored_tags_and_all(minimal: Path, capsys, tmp_path) -> None:
    saved = tmp_path / "saved.txt"
    shutil.copy(PAGES / "coastal-times.html", saved)
    code, _, err = run(capsys, minimal, "new-source", "saved", str(saved))
    assert code == 0, err
    assert "is a web page, not plain text: its article was taken out of it" in err
    _, lines = stored(minimal, "saved")
    assert lines[0] == "Court halts ferry contract over flawed tender"
    assert not any("<" in line for line in lines)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """The pages served on 127.0.0.1, with one page that has no canonical link."""
    folder = tmp_path / "served"
    shutil.copytree(PAGES, folder)
    page = (PAGES / "harbour-gazette.html").read_text(encoding="utf-8")
    bare = page.replace(  # no canonical link, og:url or JSON-LD address
        "https://www.harbourgazette.example/news/2024/03/council-votes-to-dredge-harbour", ""
    )
    (folder / "bare.html").write_text(bare, encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *arguments) -> None:
        pass


def test_an_address_is_fetched_and_imported(minimal: Path, capsys, served: str) -> None:
    address = f"{served}/northern-ledger.pdf"
    code, _, err = run(capsys, minimal, "new-source", "fetched", address)
    assert code == 0, err
    meta, lines = stored(minimal, "fetched")
    assert meta["received"]["file"] == address
    assert lines[0].startswith("Ministry to list three synthetic opioids")

    address = f"{served}/bare.html"
    code, _, err = run(capsys, minimal, "new-source", "bare", address)
    assert code == 0, err
    meta, _ = stored(minimal, "bare")
    assert meta["url"] == address
    assert meta["provenance"]["url"] == "from the address it was fetched from"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("closed", "cannot fetch the page: the connection was refused"),
        ("missing", "cannot fetch the page: the server answered 404 File not found"),
        ("spaced", "cannot fetch the page: "),
        ("unclosed", "cannot fetch the page: "),
    ],
)
def test_an_address_that_cannot_be_fetched_is_one_line(
    minimal: Path, capsys, served: str, where: str, expected: str
) -> None:
    address = {
        "closed": f"http://127.0.0.1:{closed_port()}/story",
        "missing": f"{served}/no-such-page.html",
        "spaced": "https://exa mple.org/story",  # mistyped: no request is sent
        "unclosed": "http://[::1/story",
    }[where]
    before = snapshot(minimal / "seeds")
    code, out, err = run(capsys, minimal, "new-source", "gone", address, "--label", "Gone")
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith(f"{address}: {expected}")
    assert "Traceback" not in err
    assert snapshot(minimal / "seeds") == before


# A PDF whose one page holds a drawing and no text, as a scanner's pages hold pictures
NO_TEXT = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
4 0 obj << /Length 21 >> stream
10 10 180 180 re f
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
"""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (NO_TEXT, "scan.pdf: no text layer: the PDF holds pictures of its pages only"),
        (b"Plain words, not a PDF.", "scan.pdf: is not a PDF: it does not start with %PDF-"),
    ],
)
def test_a_pdf_without_text_is_refused(minimal: Path, capsys, tmp_path, content, expected) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(content)
    before = snapshot(minimal / "seeds")
    code, _, err = run(capsys, minimal, "new-source", "scan", str(scan), "--label", "A scan")
    assert code == 1
    assert err.startswith(f"{tmp_path}/{expected}")
    assert snapshot(minimal / "seeds") == before


def test_printed_lines_are_joined_into_a_paragraph() -> None:
    lines = [
        "The council's dredg-",
        "ing starts in May, a two-",
        "year job. Harbor-",
        "Craft called 555-",
        "0142 about the two-year plan.",
    ]
    assert join_lines(lines) == (
        "The council's dredging starts in May, a two-year job. Harbor-Craft called 555-0142 "
        "about the two-year plan."
    )


def test_provenance_is_given_per_field(minimal: Path, capsys, tmp_path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("BALTIMORE (WJZ) — The port reopened on Monday.\n", encoding="utf-8")
    code, _, err = run(
        capsys, minimal, "new-source", "port", str(text), "--label", "WJZ: the port reopens",
        "--publisher", "wjz", "--publisher-name", "WJZ", "--url", "https://wjz.example/port",
        "--provenance", "url=copied from the browser's address bar",
    )  # fmt: skip
    assert code == 0, err
    meta, _ = stored(minimal, "port")
    assert meta["provenance"] == {"url": "copied from the browser's address bar"}  # not publisher
    assert "received" in meta and "file_sha256" not in meta["received"]  # the text as received

    code, _, err = run(
        capsys, minimal, "new-source", "port-2", str(text), "--label", "Again",
        "--provenance", "republished by the city",
    )  # fmt: skip
    assert code == 1
    assert "new-source --provenance: 'republished by the city' names no field" in err
    assert 'hint: give a reason per field: --provenance publisher="REASON"' in err


QUOTING = """claims:
  - id: port-reopened
    speaker: {actor}
    summary: The port reopened.
    form: reported
    evidence:
      - source: port
        quote: The port reopened on Monday.
"""


def test_replace_and_remove_only_what_no_record_quotes(minimal: Path, capsys, tmp_path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("The port reopened on Monday.\n", encoding="utf-8")
    assert run(capsys, minimal, "new-source", "port", str(text), "--label", "Port")[0] == 0
    actors = yaml.safe_load((minimal / "seeds/annotations/records.yaml").read_text("utf-8"))
    annotation = minimal / "seeds" / "annotations" / "port.yaml"
    draft = annotation.read_text(encoding="utf-8")
    annotation.write_text(QUOTING.format(actor=actors["actors"][0]["id"]), encoding="utf-8")
    assert main(["check", "--root", str(minimal)]) == 0, capsys.readouterr().err
    capsys.readouterr()

    before = snapshot(minimal)
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("The port reopened on Tuesday.\n", encoding="utf-8")
    code, _, err = run(capsys, minimal, "new-source", "--replace", "port", str(fixed))
    assert code == 1
    quoted = "seeds/annotations/port.yaml:2:5: claim 'port-reopened' quotes or names the article"
    assert quoted in err
    code, _, err = run(capsys, minimal, "remove-source", "port")
    assert code == 1 and quoted in err
    assert snapshot(minimal) == before

    annotation.write_text(draft, encoding="utf-8")  # a draft again: nothing quotes it
    code, out, err = run(capsys, minimal, "new-source", "--replace", "port", str(fixed))
    assert code == 0, err
    _, lines = stored(minimal, "port")
    assert lines == ["The port reopened on Tuesday."]
    [trash] = (minimal / ".briefing-trash").iterdir()
    old = trash / "seeds" / "articles" / "port.txt"
    assert old.read_text(encoding="utf-8").endswith("The port reopened on Monday.\n")
    assert (trash / "seeds" / "annotations" / "port.yaml").read_text(encoding="utf-8") == draft
    assert f"moved seeds/articles/port.txt to {trash.relative_to(minimal)}/" in out

    code, out, err = run(capsys, minimal, "remove-source", "port")
    assert code == 0, err
    assert not (minimal / "seeds" / "articles" / "port.txt").exists()
    assert not annotation.exists()
    assert out.count("moved seeds/") == 2
    assert main(["check", "--root", str(minimal)]) == 0


def test_replace_needs_an_article_to_replace(minimal: Path, capsys, tmp_path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("The port reopened on Monday.\n", encoding="utf-8")
    code, _, err = run(
        capsys, minimal, "new-source", "--replace", "nothing", str(text), "--label", "X"
    )
    assert code == 1
    assert "new-source --replace ID: no article has the id 'nothing'" in err


def test_a_received_file_is_held_to_50_mb(minimal: Path, capsys, tmp_path) -> None:
    """Its size is known before it is read: a sparse file of 50 MB and a byte is not read."""
    big = tmp_path / "big.pdf"
    with big.open("wb") as file:
        file.truncate(50_000_001)
    before = snapshot(minimal / "seeds")
    code, _, err = run(capsys, minimal, "new-source", "big", str(big), "--label", "Big")
    assert code == 1
    assert err.startswith(f"{big}: file is larger than 50,000,000 bytes")
    assert snapshot(minimal / "seeds") == before


def test_the_source_page_says_its_text_was_extracted_from_the_received_file(
    minimal: Path, capsys, tmp_path
) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("A plain report.\nIt says little.\n", encoding="utf-8")
    for source_id, given in [("from-page", PAGES / "alpine-courier.html"), ("plain", plain)]:
        code, _, err = run(capsys, minimal, "new-source", source_id, str(given), "--label", "A")
        assert code == 0, err
    assert main(["generate", "--root", str(minimal)]) == 0, capsys.readouterr().err
    page = (minimal / "docs" / "sources" / "from-page.md").read_text(encoding="utf-8")
    assert "extracted from the received file alpine-courier.html, whose SHA-256" in page
    assert "exactly as received" not in page
    plain_page = (minimal / "docs" / "sources" / "plain.md").read_text(encoding="utf-8")
    assert "below, exactly as received" in plain_page


def test_the_site_is_the_last_part_of_a_title_and_the_label_the_headline() -> None:
    from generator.authoring.importing import pdf_page, web_page

    printed = pdf_page._titled(
        "Whales beach | Eleanor Roy | Environment | The Guardian", "Whales beach"
    )
    assert (printed.title.value, printed.site_name.value) == ("Whales beach", "The Guardian")
    page = b'<html><head><meta property="og:title" content="Whales beach | Eleanor Roy"></head>'
    page += b"<body><h1>Whales beach</h1><p>" + b"Whales beached on the coast again. " * 9 + b"</p>"
    assert web_page.extract(page + b"</body></html>").metadata.title.value == "Whales beach"


PATTERNS = PAGES / "patterns"  # small pages, each of one way pages give their metadata


@pytest.mark.parametrize(
    ("name", "authors", "author_field", "day", "day_field"),
    [
        ("byl-pdate.html", ["Priya Raman", "Tomás Ortiz"], "meta byl", "2024-06-11", "pdate"),
        ("parsely.html", ["Marta Lindqvist"], "meta parsely-author", "2024-06-11",
         "parsely-pub-date"),
        ("microdata.html", ["Ana Brill", "Joel Mertens"], "itemprop author", "2024-06-11",
         "<time itemprop=datePublished>"),
        ("json-ld-cdata.html", ["Sam Okoro"], "JSON-LD author", "2024-06-11",
         "JSON-LD datePublished"),
        ("byline-agency.html", ["Hannah Kowalski"], "the page's byline", "2024-06-11",
         "dc.date.issued"),
        ("byline-two.html", ["Jane Roe", "John Doe"], "the page's byline", "2024-06-11",
         "parsely-pub-date"),
    ],
)  # fmt: skip
def test_authors_and_dates_are_read_from_each_field_pages_use(
    name, authors, author_field, day, day_field
) -> None:
    """A profile's address in article:author, an Organization among JSON-LD authors, a meta
    author that is the site's own name and another story's microdata author name nobody."""
    from generator.authoring.importing import web_page

    metadata = web_page.extract((PATTERNS / name).read_bytes()).metadata
    assert [(known.value, known.field) for known in metadata.authors] == [
        (author, author_field) for author in authors
    ]
    assert (metadata.published.value, metadata.published.field) == (day, day_field)


def test_a_site_name_loses_the_slogan_after_it() -> None:
    from generator.authoring.importing import web_page

    page = (PATTERNS / "json-ld-cdata.html").read_bytes()
    site = web_page.extract(page).metadata.site_name  # its JSON-LD publisher is the first part
    assert (site.value, site.field) == ("Ridge County News", "og:site_name")


def test_a_byline_names_its_people_not_its_agency_nor_their_roles() -> None:
    from generator.authoring.importing.bylines import names

    assert names("By Jane Roe and John Doe") == ["Jane Roe", "John Doe"]
    assert names("By Jane Roe, Reuters") == ["Jane Roe"]
    assert names("Jane Roe, Local Government Reporter") == ["Jane Roe"]
    assert names("Jane Roe & Lars Eng; Mei Tan") == ["Jane Roe", "Lars Eng", "Mei Tan"]
    assert names("By JANE ROE June 11, 2024 @janeroe") == ["Jane Roe"]
    assert names("Ann Lee (with Bo Kim and Eva Ruiz)") == ["Ann Lee", "Bo Kim", "Eva Ruiz"]
    assert names("Author: Julia Hitz (eg)") == ["Julia Hitz"]
    assert names("Our Foreign Staff") == []
    assert names("The Associated Press") == []
    assert names("Valley Record", {"The Valley Record"}) == []
    assert names("https://news.example/profile/jane-roe") == []


def test_a_byline_with_an_agency_gives_one_author_and_with_two_names_none(
    minimal: Path, capsys
) -> None:
    code, _, err = run(capsys, minimal, "new-source", "one", str(PATTERNS / "byline-agency.html"))
    assert code == 0, err
    meta, lines = stored(minimal, "one")
    assert meta["author"] == "hannah-kowalski"
    assert meta["provenance"]["author"] == "from the page's byline"
    assert meta["publisher"] == "harbourside-courier"
    # the byline is stored as the page shows it; a menu item classed "stories-by-region" is none
    assert lines[1] == "By Hannah Kowalski, Reuters"
    code, _, err = run(capsys, minimal, "new-source", "two", str(PATTERNS / "byline-two.html"))
    assert code == 0, err
    meta, _ = stored(minimal, "two")
    assert "author" not in meta
    assert "the page names 2 authors (Jane Roe, John Doe)" in err
    assert main(["check", "--root", str(minimal)]) == 0, capsys.readouterr().err


def test_embedded_posts_and_captions_are_not_the_articles_paragraphs() -> None:
    """Posts embedded from social networks (classed by their embedding code, or a quotation
    ending in a post's address), frames and pictures' captions (a figure, an element classed
    caption, a paragraph repeating a picture's description) are left out; a quotation of the
    article's own is kept."""
    from generator.authoring.importing import web_page

    lines = web_page.extract((PATTERNS / "embeds.html").read_bytes()).text.splitlines()
    assert lines == [
        "Flooded village waits for the river to fall",
        "Residents of Eastmere spent a third night in the village hall on Sunday as the river "
        "stayed more than two metres above its usual level.",
        "The Environment Agency said the water would not start to fall before Tuesday, after "
        "more rain in the hills upstream.",
        "Parish clerk Owen Tait said about 40 homes had water inside them and that the hall "
        "could hold everyone for a week.",
        "We will not leave anyone behind, however long it takes.",
        "The letter from the council's leader, read out in the hall, promised that no family "
        "would be charged for the clean-up.",
    ]


def test_a_printouts_byline_gives_its_author(minimal: Path, capsys) -> None:
    code, _, err = run(capsys, minimal, "new-source", "one", str(PAGES / "harbour-gazette.pdf"))
    assert code == 0, err
    meta, _ = stored(minimal, "one")  # "By Jane Smith, Local Government Reporter"
    assert meta["author"] == "jane-smith"
    assert meta["provenance"]["author"] == "from the printout's byline"
    code, _, err = run(capsys, minimal, "new-source", "two", str(PAGES / "northern-ledger.pdf"))
    assert code == 0, err
    assert "author" not in stored(minimal, "two")[0]
    assert "the page names 2 authors (Lars Eng, Mei Tan)" in err


def test_the_actors_an_import_made_go_with_its_article(minimal: Path, capsys) -> None:
    """A page's byline and site name become actors, quoted from the article alone, in a file of
    the article's own (not the shared actors.yaml): they do not stop --replace or
    remove-source, which moves that file to the trash with the article, so the briefing is as
    before the import."""
    actors = minimal / "seeds" / "annotations" / "alpine.actors.yaml"
    shared = minimal / "seeds" / "annotations" / "actors.yaml"
    before = shared.read_bytes() if shared.exists() else None
    page = str(PAGES / "alpine-courier.html")
    assert run(capsys, minimal, "new-source", "alpine", page)[0] == 0
    meta, _ = stored(minimal, "alpine")
    made = [actor["id"] for actor in yaml.safe_load(actors.read_text("utf-8"))["actors"]]
    assert made == [meta["publisher"], meta["author"]]

    code, _, err = run(capsys, minimal, "new-source", "--replace", "alpine", page)
    assert code == 0, err
    code, out, err = run(capsys, minimal, "remove-source", "alpine")
    assert code == 0, err
    assert "moved seeds/annotations/alpine.actors.yaml to .briefing-trash/" in out
    assert not actors.exists()
    assert (shared.read_bytes() if shared.exists() else None) == before  # never touched
    [saved] = (minimal / ".briefing-trash").glob("*/seeds/annotations/alpine.actors.yaml")
    assert meta["author"] in saved.read_text(encoding="utf-8")
    assert main(["check", "--root", str(minimal)]) == 0


def test_the_draft_does_not_propose_again_the_actors_the_import_made(minimal: Path, capsys) -> None:
    assert run(capsys, minimal, "new-source", "alpine", str(PAGES / "alpine-courier.html"))[0] == 0
    meta, _ = stored(minimal, "alpine")
    draft = yaml.safe_load((minimal / "seeds/annotations/alpine.yaml").read_text("utf-8"))
    proposed = [actor["id"] for actor in draft.get("actors") or []]
    names = [actor.get("name") for actor in draft.get("actors") or []]
    assert meta["author"] not in proposed and meta["publisher"] not in proposed
    assert "Lena Müller" not in names


def test_remove_source_works_out_everything_before_it_moves_anything(
    minimal: Path, capsys, tmp_path
) -> None:
    """An actor made with the article in its own published annotation goes with that file; an
    actors file that cannot be edited safely (a flow-style list) stops the run before anything
    moves, naming the entries to take out by hand."""
    text = tmp_path / "story.txt"
    text.write_text("Jane Roe said the port reopened.\n", encoding="utf-8")
    assert run(capsys, minimal, "new-source", "port", str(text), "--label", "Port")[0] == 0
    annotation = minimal / "seeds" / "annotations" / "port.yaml"
    own = "actors:\n  - {id: jane-roe, name: Jane Roe, kind: person, "
    own += "evidence: [{source: port, quote: Jane Roe}]}\n"
    annotation.write_text(own, encoding="utf-8")
    flow = minimal / "seeds" / "annotations" / "flow.yaml"
    flow.write_text(
        "actors: [{id: port-radio, name: Port Radio, kind: publication, "
        "evidence: [{source: port, quote: the port}]}, {id: dock-union, name: Dock Union, "
        "kind: organisation, evidence: [{source: bridge-closure, quote: closure}]}]\n",
        encoding="utf-8",
    )
    assert main(["check", "--root", str(minimal)]) == 0, capsys.readouterr().err
    capsys.readouterr()

    before = snapshot(minimal)
    code, _, err = run(capsys, minimal, "remove-source", "port")
    assert code == 1
    assert "seeds/annotations/flow.yaml: cannot take port-radio out of this file safely" in err
    assert snapshot(minimal) == before

    flow.unlink()
    code, out, err = run(capsys, minimal, "remove-source", "port")
    assert code == 0, err
    assert out.count("moved seeds/") == 2 and "took" not in out
    assert main(["check", "--root", str(minimal)]) == 0


def test_a_text_that_mentions_html_tags_stays_a_text(minimal: Path, capsys, tmp_path) -> None:
    text = tmp_path / "story.txt"
    text.write_text("Browsers read the <html> element, then the <body>.\n", encoding="utf-8")
    code, _, err = run(capsys, minimal, "new-source", "tags", str(text), "--label", "Tags")
    assert code == 0, err
    assert stored(minimal, "tags")[1] == ["Browsers read the <html> element, then the <body>."]


HOSTILE_META = """<!doctype html><html><head>
<title>Port \u202ereopens</title>
<meta property="og:site_name" content="Harbour\x07 Radio">
<meta name="author" content="{author}">
<link rel="canonical" href="https://example.org/a&quot;b">
</head><body><article><h1>The port reopens</h1>
<p>The port reopened on Monday after a week of repairs, the harbour master said.</p>
<p>Ships queued outside the breakwater for most of the morning.</p>
</article></body></html>
"""


def test_a_pages_unusable_metadata_is_left_out_with_a_note(minimal: Path, capsys, tmp_path) -> None:
    """A title with a bidi control, a site name with a control character, an author of 3,000
    characters, an address with a quote: each is the page's mistake, left out with a note, not
    an error blamed on options the user never gave."""
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_META.format(author="A" * 3000), encoding="utf-8")
    code, _, err = run(capsys, minimal, "new-source", "port", str(page), "--label", "Port")
    assert code == 0, err
    meta, lines = stored(minimal, "port")
    assert lines[0] == "The port reopens"
    assert not {"publisher", "author", "url"} & set(meta)
    assert "the page's site name (og:site_name) was left out: control character U+0007" in err
    assert "the page's author (meta author) was left out: 3,000 characters long" in err
    assert "the page's address (canonical link) was left out: not an http(s) address" in err


def test_replace_refuses_what_would_leave_the_briefing_broken(minimal: Path, capsys) -> None:
    """Replacing a page by another site's page would leave the actors made with the first
    (its publisher, its byline's author) quoting words the new text lacks: refused, with the
    way round, and seeds/ as it was."""
    assert run(capsys, minimal, "new-source", "port", str(PAGES / "alpine-courier.html"))[0] == 0
    before = snapshot(minimal / "seeds")
    other = str(PAGES / "coastal-times.html")
    code, _, err = run(capsys, minimal, "new-source", "--replace", "port", other)
    assert code == 1
    assert "hint: remove-source port, then new-source port FILE" in err
    assert snapshot(minimal / "seeds") == before
    assert run(capsys, minimal, "remove-source", "port")[0] == 0
    assert run(capsys, minimal, "new-source", "port", other)[0] == 0
    assert main(["check", "--root", str(minimal)]) == 0


def test_replace_keeps_what_the_replaced_article_said_of_itself(
    minimal: Path, capsys, tmp_path
) -> None:
    text = tmp_path / "story.txt"
    text.write_text("The port reopened on Monday.\n", encoding="utf-8")
    given = ["--label", "Port", "--published", "2020-05", "--url", "https://example.org/p"]
    given += ["--provenance", "url=given by the editor"]
    assert run(capsys, minimal, "new-source", "port", str(text), *given)[0] == 0
    fixed = tmp_path / "fixed.txt"
    fixed.write_text("The port reopened on Tuesday.\n", encoding="utf-8")
    code, _, err = run(capsys, minimal, "new-source", "--replace", "port", str(fixed))
    assert code == 0, err
    meta, _ = stored(minimal, "port")
    assert (meta["label"], meta["published"], meta["url"]) == (
        "Port",
        "2020-05",
        "https://example.org/p",
    )
    assert meta["provenance"] == {"url": "given by the editor"}
    assert "kept from the replaced article: label, published, url" in err


@pytest.mark.parametrize(
    ("received", "said"),
    [
        (
            {"file": "https://example.org/story", "sha256": "0"},
            "the page at https://example.org/story",
        ),
        ({"file": "page.pdf", "sha256": "0", "file_sha256": "1"}, "the received file page.pdf"),
        ({"file": "stdin", "sha256": "0"}, ""),
        ({"file": "story.txt", "sha256": "0"}, ""),
    ],
)
def test_a_source_page_says_what_its_text_was_taken_out_of(received: dict, said: str) -> None:
    from generator.render.contexts import extracted_from

    assert extracted_from({"received": received}) == said
