from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli, snapshot

from generator.input import loading, schemas
from generator.input.loading import load_article, parse_yaml
from generator.problems import BriefingError, InputError, Location


def test_every_value_and_key_keeps_its_line_and_column() -> None:
    document = parse_yaml("claims:\n  - id: a\n    date: 2019-05-01\n", "x.yaml")
    assert document.locate(("claims", 0, "date")) == Location("x.yaml", 3, 11)
    assert document.locate(("claims", 0, "date"), key=True) == Location("x.yaml", 3, 5)
    assert document.locate(("claims", 0, "missing", 2)) == Location("x.yaml", 2, 5)


def test_dates_stay_text_so_their_precision_is_kept() -> None:
    document = parse_yaml("a: 2019-05-01\nb: 2019\n", "x.yaml")
    assert document.data == {"a": "2019-05-01", "b": 2019}


def test_duplicate_keys_are_reported_at_the_second_key() -> None:
    with pytest.raises(BriefingError) as caught:
        parse_yaml("id: a\nname: b\nid: c\n", "x.yaml")
    [problem] = caught.value.problems
    assert problem.location == Location("x.yaml", 3, 1)
    assert problem.message == "duplicate key 'id' (first given on line 1)"


def test_front_matter_lines_are_counted_from_the_top_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("---\nlabel: x\nkind: report\n---\nBody\xa0 text\n\nend".encode())
    article = load_article(path, tmp_path)
    assert article.id == "a"
    assert article.text == "Body\xa0 text\n\nend"
    assert article.meta.locate(("kind",)) == Location("a.txt", 3, 7)


def test_oversized_input_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("claims: []\n" * 20, encoding="utf-8")
    monkeypatch.setattr(loading, "MAX_BYTES", 100)
    with pytest.raises(BriefingError) as caught:
        loading.load_yaml(path, tmp_path)
    [problem] = caught.value.problems
    assert (str(problem.location), problem.message) == ("big.yaml", "file is larger than 100 bytes")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # YAML 1.1 words for true, false and null are text in YAML 1.2
        *[(word, word) for word in ("NO", "No", "no", "yes", "Yes", "on", "off", "y", "n", "N")],
        ("1:30", "1:30"),  # not sexagesimal 90
        ("010", 10),  # decimal: YAML 1.2 writes octal as 0o10
        ("0o10", 8),
        ("0x1F", 31),
        ("-12", -12),
        ("+7", 7),
        ("1_000", "1_000"),
        ("0b1", "0b1"),
        ("0O10", "0O10"),
        ("0X1F", "0X1F"),
        ("-0x1F", "-0x1F"),
        ("1.5e3", 1500.0),
        ("1.", 1.0),
        (".5", 0.5),
        ("-2E-2", -0.02),
        ("1e3", 1000.0),
        ("1,5", "1,5"),
        ("inf", "inf"),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("nULL", "nULL"),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("tRUE", "tRUE"),
        ("2019", 2019),
        ("2019-05", "2019-05"),
        ("2019-05-01", "2019-05-01"),
        ("2019-05-01 10:00:00", "2019-05-01 10:00:00"),
        ("<<", "<<"),  # no merge keys in YAML 1.2
        ("=", "="),
    ],
)
def test_plain_values_mean_what_yaml_1_2_says(text: str, expected: object) -> None:
    value = parse_yaml(f"a: {text}\n", "x.yaml").data["a"]
    assert (type(value), value) == (type(expected), expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (".nan", "'.nan' is not a finite number"),
        (".NaN", "'.NaN' is not a finite number"),
        (".inf", "'.inf' is not a finite number"),
        ("-.INF", "'-.INF' is not a finite number"),
        ("1e400", "'1e400' is not a finite number"),
        ("!!int abc", "'abc' is not a YAML int"),
        ("!!bool maybe", "'maybe' is not a YAML bool"),
        ("!!bool yes", "'yes' is not a YAML bool"),
        ("!!binary aGVsbG8=", "unsupported YAML tag tag:yaml.org,2002:binary"),
        ("!!timestamp 2001-12-14", "unsupported YAML tag tag:yaml.org,2002:timestamp"),
        ("!!python/name:os.system", "unsupported YAML tag tag:yaml.org,2002:python/name:os.system"),
        ("!!set {b, c}", "unsupported YAML tag tag:yaml.org,2002:set"),
        ("&x [*x]", "values nested more than 40 levels deep"),
    ],
)
def test_values_no_page_can_show_are_located_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_yaml(f"a: {text}\n", "x.yaml")
    assert f"x.yaml:1:4: {message}" in error.value.report()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"010"', "010"),
        ("'true'", "true"),
        ("!!str 10", "10"),
        ("!!str true", "true"),
        ("!!int 010", 10),  # an explicit tag says what YAML 1.2's core schema already says
        ("! 010", "010"),  # the non-specific tag: text
        ("! true", "true"),
        ("!!bool true", True),
        ("!!float 1", 1.0),
    ],
)
def test_quoted_and_tagged_values_are_read_as_yaml_1_2_reads_them(
    text: str, expected: object
) -> None:
    value = parse_yaml(f"a: {text}\n", "x.yaml").data["a"]
    assert (type(value), value) == (type(expected), expected)


def test_keys_are_read_the_same_way() -> None:
    assert parse_yaml("NO: 1\n010: 2\ntrue: 3\n", "x.yaml").data == {
        "NO": 1,
        "10": 2,
        "True": 3,
    }


def test_values_read_by_yaml_1_2_keep_their_line_and_column() -> None:
    document = parse_yaml("a: NO\nb:\n  - 010\n  - 1.5\n  - ~\n", "x.yaml")
    assert document.data == {"a": "NO", "b": [10, 1.5, None]}
    assert document.locate(("a",)) == Location("x.yaml", 1, 4)
    assert document.locate(("b", 0)) == Location("x.yaml", 3, 5)
    assert document.locate(("b", 2)) == Location("x.yaml", 5, 5)


ANNOTATIONS = """\
actors:
  - id: ann-lee
    name: Ann Lee
    kind: NO
    evidence:
      - source: bridge-closure
        quote: said Mayor Ann Lee
claims:
  - id: bridge-unsafe
    speaker: ann-lee
    summary: yes
    evidence:
      - source: bridge-closure
        quote: Safety comes first
"""


def test_a_word_yaml_1_1_took_for_a_boolean_reaches_the_schema_as_written() -> None:
    document = parse_yaml(ANNOTATIONS, "a.yaml")
    assert document.data["claims"][0]["summary"] == "yes"
    assert document.data["actors"][0]["kind"] == "NO"
    found = schemas.check(document, schemas.ANNOTATIONS)
    assert list(found) == [("actors", 0, "kind")]  # the summary 'yes' is text, as it should be
    [problem] = found[("actors", 0, "kind")]
    assert problem.location == Location("a.yaml", 4, 11)
    assert problem.message == "actors[0].kind: 'NO' is not allowed here"


def test_front_matter_is_read_by_yaml_1_2_too(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nlabel: off\nkind: report\nreceived: 2019-05-01\n---\nBody", "utf-8")
    assert load_article(path, tmp_path).meta.data == {
        "label": "off",
        "kind": "report",
        "received": "2019-05-01",
    }


def test_an_integer_too_long_to_read_is_reported_where_it_stands() -> None:
    with pytest.raises(BriefingError) as caught:
        parse_yaml("a: 1\nb: -" + "9" * 5000 + "\n", "x.yaml")
    [problem] = caught.value.problems
    assert problem.location == Location("x.yaml", 2, 4)
    assert problem.message == "a number of 5,000 digits is too long to read"


def test_too_many_plain_values_are_counted_without_blaming_aliases(monkeypatch) -> None:
    monkeypatch.setattr(loading, "MAX_NODES", 50)
    text = "claims:\n" + "".join(f"  - {{id: c{i}, summary: s}}\n" for i in range(20))
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "x.yaml")
    [problem] = caught.value.problems
    assert problem.message == (
        "the file holds more than 50 values (each text, number, list and mapping counts one)"
    )
    assert problem.hint == "split it into several files"


def test_aliases_are_limited_by_the_text_they_expand_to(monkeypatch) -> None:
    # few values, but each alias repeats a long text: checking them all once took minutes
    monkeypatch.setattr(loading, "MAX_BYTES", 10_000)
    text = f"a: &a {'x' * 1000}\nb: [{', '.join(['*a'] * 20)}]\n"
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "x.yaml")
    [problem] = caught.value.problems
    assert problem.location == Location("x.yaml", 1, 4)  # the value the aliases repeat
    assert problem.message == "aliases expand this YAML to more than 10,000 characters of text"


@pytest.mark.parametrize(
    "char",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_embeddings_overrides_and_isolates_are_refused_in_any_field(char: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_yaml(f"actors:\n  - id: a\n    name: Mallory {char}x\n", "x.yaml")
    [problem] = caught.value.problems
    assert problem.location == Location("x.yaml", 3, 11)
    assert problem.message.startswith(f"bidi control U+{ord(char):04X} (")


def test_the_format_characters_scripts_need_stay_allowed_in_text() -> None:
    # ZWNJ in Persian, ZWJ in an emoji sequence, LRM and RLM, the soft hyphen
    text = 'name: "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f468\u200d\U0001f469 a\u200eb\u200f hy\u00adphen"\n'
    assert parse_yaml(text, "x.yaml").data["name"].count("\u200c") == 1


def test_a_raw_non_character_is_located_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: b\nname: x\uffff\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loading.load_yaml(path, tmp_path)
    [problem] = caught.value.problems
    assert (problem.location, problem.message) == (
        Location("x.yaml", 2, 8),
        "non-character U+FFFF in the text",
    )


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(3_000_000_000)  # sparse: nothing on disk, 3 GB to whoever reads it
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from generator.input import loading\n"
        "from generator.problems import InputError\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, resource.RLIM_INFINITY))\n"
        "try:\n"
        f"    loading.load_yaml(Path({str(path)!r}), Path({str(tmp_path)!r}))\n"
        "except InputError as error:\n"
        "    print(error.problems[0])\n"
    )
    result = subprocess.run(  # with less memory than the file: read whole, it fails
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert (result.stdout, result.stderr) == (
        "huge.yaml: file is larger than 5,000,000 bytes\n    hint: split it up\n",
        "",
    )


def test_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")  # read, it never ends
    with pytest.raises(InputError) as caught:
        loading.load_yaml(tmp_path / "zero.yaml", tmp_path)
    [problem] = caught.value.problems
    assert (str(problem.location), problem.message) == (
        "zero.yaml",
        "this is a character device, not a file",
    )


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    """``check`` with a time limit: reading a FIFO would wait for a writer for ever."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_a_fifo_under_seeds_is_a_located_error_and_never_opened(minimal: Path) -> None:
    os.mkfifo(minimal / "seeds" / "annotations" / "pipe.yaml")
    os.mkfifo(minimal / "seeds" / "articles" / "other.fifo")

    result = _check(minimal)

    hint = "    hint: only regular files are read: remove it, or put the file itself in its place\n"
    assert result.returncode == 1
    assert result.stderr == (
        "seeds/annotations/pipe.yaml: this is a FIFO (named pipe), not a file\n"
        + hint
        + "seeds/articles/other.fifo: this is a FIFO (named pipe), not a file\n"
        + hint
        + "2 problems found; nothing was written.\n"
    )


@pytest.mark.parametrize("stdin", [False, True])
def test_new_source_refuses_an_article_over_the_limit_before_drafting(
    minimal: Path, stdin: bool
) -> None:
    big = minimal.parent / "big.txt"
    big.write_text("A sentence, said Ann Lee.\n" * 200_000, encoding="utf-8")  # 5.2 MB
    before = snapshot(minimal / "seeds")

    if stdin:
        result = run_cli(minimal, "new-source", "big", "-", "--label", "Big", stdin=big.read_text())
    else:
        result = run_cli(minimal, "new-source", "big", str(big), "--label", "Big")

    shown = "standard input" if stdin else str(big)
    assert result.code == 1
    assert result.err == (
        f"{shown}: file is larger than 5,000,000 bytes\n    hint: split it up\n"
        "1 problem found; nothing was written.\n"
    )
    assert snapshot(minimal / "seeds") == before


def test_new_source_refuses_an_article_its_front_matter_takes_over_the_limit(
    minimal: Path,
) -> None:
    text = minimal.parent / "edge.txt"
    text.write_text("a" * 4_999_990, encoding="utf-8")

    result = run_cli(minimal, "new-source", "edge", str(text), "--label", "Edge")

    assert result.code == 1
    assert result.err.startswith("seeds/articles/edge.txt: the article would be 5,000,")
    assert not (minimal / "seeds" / "annotations" / "edge.yaml").exists()


def _moved_out(minimal: Path, folder: Path) -> Path:
    """The minimal project's records moved to ``folder``, and linked back from seeds/."""
    folder.mkdir()
    (minimal / "seeds" / "annotations" / "records.yaml").rename(folder / "records.yaml")
    link = minimal / "seeds" / "annotations" / "linked"
    link.symlink_to(folder, target_is_directory=True)
    return link


def test_a_symlinked_folder_inside_the_project_is_read(minimal: Path) -> None:
    _moved_out(minimal, minimal / "elsewhere")
    result = run_cli(minimal, "check")
    assert (result.code, result.out, result.err) == (0, "ok: 8 records in 1 article\n", "")


def test_a_symlink_out_of_the_project_is_a_located_error(minimal: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (minimal / "seeds" / "annotations" / "linked").symlink_to(outside, target_is_directory=True)
    (minimal / "seeds" / "articles" / "other.txt").symlink_to(REPO / "README.md")

    result = run_cli(minimal, "check")

    assert result.code == 1
    assert result.err == (
        f"seeds/annotations/linked: this symlink leads outside the project, to {outside}\n"
        "    hint: copy the file into the project, or allow the link: allow_outside: "
        "[seeds/annotations/linked] in seeds/briefing.yaml\n"
        f"seeds/articles/other.txt: this symlink leads outside the project, to {REPO}/README.md\n"
        "    hint: copy the file into the project, or allow the link: allow_outside: "
        "[seeds/articles/other.txt] in seeds/briefing.yaml\n"
        "2 problems found; nothing was written.\n"
    )


def test_a_symlink_out_of_the_project_is_read_when_briefing_yaml_allows_it(
    minimal: Path, tmp_path: Path
) -> None:
    _moved_out(minimal, tmp_path / "outside")
    overview = minimal / "seeds" / "briefing.yaml"
    with overview.open("a", encoding="utf-8") as file:
        file.write("allow_outside: [seeds/annotations/linked]\n")

    result = run_cli(minimal, "check")

    assert (result.code, result.out) == (0, "ok: 8 records in 1 article\n")
    # allowed out, a device is still not read
    (minimal / "seeds" / "articles" / "zero.txt").symlink_to("/dev/zero")
    overview.write_text(overview.read_text().replace("[seeds/annotations/linked]", "true"))
    assert run_cli(minimal, "check").err.startswith(
        "seeds/articles/zero.txt: this is a character device, not a file\n"
    )


def test_a_file_read_again_is_read_anew_once_changed_whatever_its_times_say(tmp_path: Path) -> None:
    """The preview reads every input at each save, and a file this process read before is
    taken as it was unless it changed: a change of the same size, its time set back as a
    copy or a checkout may leave it, is still read (its inode's change time moved)."""
    path = tmp_path / "note.txt"
    path.write_text("first\n", encoding="utf-8")
    long_ago = (1_000_000_000, 1_000_000_000)
    os.utime(path, long_ago)  # settled: what is read is kept
    assert loading.read_text(path, "note.txt") == "first\n"
    path.write_text("again\n", encoding="utf-8")
    os.utime(path, long_ago)
    assert loading.read_text(path, "note.txt") == "again\n"
    path.write_text("fresh\n", encoding="utf-8")  # just written: read, and not kept
    assert loading.read_text(path, "note.txt") == "fresh\n"
