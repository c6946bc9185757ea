"""Inputs that tried to hang, exhaust or fool seloste: each ends quickly in a positioned message or a correct
document. Time bounds here are generous "finishes, does not hang" bounds; the figures are in the report of
`python -m benchmarks.hostile`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pdfplumber
import pytest
from PIL import Image

from seloste.checker import facts
from seloste.checker.rules import accept_comment, legitimate_interest, vague_retention
from seloste.loader import loads
from seloste.validate import validate_document, validate_file
from tests.conftest import ROOT
from tests.test_validate import MINIMAL


def seloste(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
            timeout: float = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "seloste", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done, time.monotonic() - started


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def with_controller_line(line: str) -> str:
    return MINIMAL.replace("  email: info@example.fi\n", f"  email: info@example.fi\n{line}\n")


# --- regular expressions: linear on adversarial input ---------------------------------------------------------

def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}

    def walk(value: object, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")
        elif isinstance(value, str) and any(c in value for c in "\\()[]|+*?"):
            found[path] = facts.pattern(value)

    walk(facts.facts(), "facts")
    found["legitimate_interest._BARE"] = legitimate_interest._BARE
    found["vague_retention._CLAUSES"] = vague_retention._CLAUSES
    found["accept_comment.ACCEPT"] = accept_comment.ACCEPT
    return found


FILLERS = [" ", "a", "1", "ä", "x ", "a1", "\n", "-", ".", "/", "#", "tai ", "1/", "1 ", "a ", "\t", "—", "- "]


@pytest.mark.parametrize("name", sorted(_patterns()))
def test_every_rule_pattern_is_linear_on_100_kb(name: str) -> None:
    regex = _patterns()[name]
    words = re.findall(r"[a-zäöå]{3,}", re.sub(r"\\[a-zA-Z]", "", regex.pattern))[:4]
    size = 100_000
    inputs = [filler * (size // len(filler)) for filler in FILLERS]
    for word in words:
        inputs += [word + " " * size, word + "a" * size, word + "1" * size, (word + " ") * (size // (len(word) + 1))]
    for text in inputs:
        started = time.perf_counter()
        regex.search(text)
        regex.split(text)
        assert time.perf_counter() - started < 1, (name, text[:20])


def test_accept_comment_with_100_kb_of_spaces_is_checked_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "c.yaml", MINIMAL + "# seloste: accept" + " " * 100_000 + "x\n")
    done, seconds = seloste("check", str(path))
    assert done.returncode in (0, 1)
    assert seconds < 30
    started = time.perf_counter()
    line = "# seloste: accept" + " " * 100_000 + "a, b -- syy"
    assert [a.rules for a in accept_comment.accepts(line)] == [("a", "b")]
    assert time.perf_counter() - started < 1


def test_accept_comment_parsing_keeps_its_meaning() -> None:
    found = list(accept_comment.accepts("x: 1  # seloste: accept vague-retention, document-age — lawyer said so\n"
                                        "# seloste: accept obsolete-terms\n# seloste: accept a # other comment\n"))
    assert [(a.line, a.rules, a.reason) for a in found] == [
        (1, ("vague-retention", "document-age"), "lawyer said so"), (2, ("obsolete-terms",), "")]


def test_rules_on_100_kb_texts_finish(tmp_path: Path) -> None:
    text = MINIMAL.replace("period: {years: 2}, trigger: viimeisestä käynnistä",
                           "criterion: \"" + "1" * 100_000 + "\"")
    done, seconds = seloste("check", str(write(tmp_path, "c.yaml", text)))
    assert done.returncode in (0, 1) and seconds < 30


# --- shared files, Markdown --------------------------------------------------------------------------------------

def test_extends_fan_out_is_read_once_per_file(tmp_path: Path) -> None:
    names = [f"s{i}.yaml" for i in range(14)]
    for i, name in enumerate(names):
        extends = f"extends: [{', '.join(names[:i])}]\n" if i else ""
        write(tmp_path, name, extends + f"extra_sections:\n  - title: T{i}\n    body: {'x' * 400}\n")
    path = write(tmp_path, "c.yaml", f"extends: [{', '.join(names)}]\n" + MINIMAL)
    started = time.perf_counter()
    result = validate_file(path)
    assert time.perf_counter() - started < 5
    assert result.document is not None
    assert len(result.document.sources) == len(names) + 1


@pytest.mark.parametrize(("text", "rule_text"), [
    ("[" * 5_000, "'[' (links)"),
    ("x" * 20_000, "characters long"),
    ("x\n\n" * 600, "lines"),
    ("> " * 40 + "x", "nests quotes or lists"),
    ("1. " * 3000, "nests quotes or lists"),
])
def test_markdown_past_its_bounds_is_refused_where_it_passes_them(tmp_path: Path, text: str,
                                                                  rule_text: str) -> None:
    doc = loads(with_controller_line(f"  notes: {json.dumps(text)}"), "c.yaml")
    found = [f for f in validate_document(doc) if f.rule == "markdown-limit"]
    assert len(found) == 1 and rule_text in found[0].message
    assert found[0].line == 9 and found[0].path == "$.controller.notes"
    path = write(tmp_path, "c.yaml", with_controller_line(f"  notes: {json.dumps(text)}"))
    for command in ("validate", "check"):  # CI refuses what would hang a build
        done, seconds = seloste(command, str(path))
        assert done.returncode == 1 and "markdown-limit" in done.stdout and seconds < 30


def test_markdown_bound_points_at_the_link_that_passes_it() -> None:
    text = "  notes: |\n" + "".join(f"    [linkki {i}](https://example.fi/{i})\n" for i in range(60))
    doc = loads(with_controller_line(text.rstrip("\n")), "c.yaml")
    (found,) = [f for f in validate_document(doc) if f.rule == "markdown-limit"]
    assert (found.line, found.column) == (10 + 50, 5)  # the 51st "["


# --- logos -------------------------------------------------------------------------------------------------------

def _nested_use_svg(levels: int = 20) -> str:
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
             'height="10"><defs><rect id="a0" width="1" height="1"/>']
    for i in range(1, levels):
        parts.append(f'<g id="a{i}">' + f'<use xlink:href="#a{i - 1}"/>' * 10 + "</g>")
    parts.append(f'</defs><use xlink:href="#a{levels - 1}"/></svg>')
    return "".join(parts)


@pytest.fixture
def logos(tmp_path: Path) -> Path:
    write(tmp_path, "use.svg", _nested_use_svg())
    write(tmp_path, "many.svg", '<svg xmlns="http://www.w3.org/2000/svg">' + "<rect/>" * 5000 + "</svg>")
    write(tmp_path, "external.svg", '<svg xmlns="http://www.w3.org/2000/svg"><image href="other.svg"/></svg>')
    write(tmp_path, "dtd.svg", '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')
    write(tmp_path, "ok.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><defs><rect id="r" '
          'width="2" height="2"/></defs><use href="#r"/><use href="#r" x="2"/></svg>')
    Image.new("1", (20_000, 20_000)).save(tmp_path / "huge.png", optimize=True)
    Image.new("RGB", (5000, 4000)).save(tmp_path / "big.png")
    os.mkfifo(tmp_path / "fifo.png")
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    return tmp_path


@pytest.mark.parametrize(("logo", "said"), [
    ("use.svg", "nests <use> elements"), ("many.svg", "more than 2000 elements"),
    ("external.svg", "refers to another file"), ("dtd.svg", "without a DTD"),
    ("huge.png", "pixels"), ("big.png", "pixels"), ("fifo.png", "not a regular file"),
    ("zero.png", "outside the folder"),
])
def test_a_logo_that_would_cost_too_much_is_left_out(logos: Path, logo: str, said: str) -> None:
    path = write(logos, "c.yaml", f"branding: {{logo: {logo}}}\n" + MINIMAL)
    out = logos / "out"
    done, seconds = seloste("build", str(path), "-o", str(out), "--format", "html", "-j", "1", timeout=120)
    assert done.returncode == 0, done.stderr
    assert "branding-logo" in done.stdout and said in done.stdout, done.stdout
    assert "data:image" not in (out / "c" / "notice.fi.html").read_text(encoding="utf-8")
    assert seconds < 30


def test_a_small_svg_logo_with_use_is_kept(logos: Path) -> None:
    path = write(logos, "c.yaml", "branding: {logo: ok.svg}\n" + MINIMAL)
    done, _ = seloste("build", str(path), "-o", str(logos / "out"), "--format", "html", "-j", "1")
    assert done.returncode == 0 and "branding-logo" not in done.stdout
    assert "data:image/svg+xml" in (logos / "out" / "c" / "notice.fi.html").read_text(encoding="utf-8")


def test_a_fifo_controller_file_is_refused_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "c.yaml")
    done, seconds = seloste("validate", str(tmp_path / "c.yaml"))
    assert done.returncode in (1, 2) and "not a regular file" in done.stdout and seconds < 30


# --- long strings and budgets ------------------------------------------------------------------------------------

def _chars_off_page(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return sum(1 for page in document.pages for char in page.chars if char["x1"] > page.width + 0.5)


def test_a_313_character_url_in_a_table_wraps_and_a_long_word_breaks(tmp_path: Path) -> None:
    url = "https://example.fi/" + "a" * 294
    text = MINIMAL.replace("service: ajanvaraus}", f"service: ajanvaraus, privacy_policy: '{url}'}}")
    text = text.replace("  email: info@example.fi\n", f"  email: info@example.fi\n  notes: {'x' * 3000}\n")
    path = write(tmp_path, "c.yaml", text)
    done, _ = seloste("build", str(path), "-o", str(tmp_path / "out"), "--only", "notice", "--format", "pdf", "-j",
                      "1", timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    pdf = tmp_path / "out" / "c" / "notice.fi.pdf"
    assert _chars_off_page(pdf) == 0
    with pdfplumber.open(pdf) as document:
        text = "".join(page.extract_text() or "" for page in document.pages)
    # all of it printed, on the page (the URL may wrap right after its slash; two columns interleave the lines)
    assert "https://example.fi/" in text and text.count("a") >= 294


def test_a_pdf_past_its_budget_fails_its_controller_and_the_batch_goes_on(tmp_path: Path) -> None:
    sections = "".join(f"  - {{title: Osa {i}, body: {'Pitkä teksti ilman loppua. ' * 300}}}\n" for i in range(20))
    write(tmp_path, "heavy.yaml", MINIMAL + "extra_sections:\n" + sections)  # some 70 pages
    write(tmp_path, "light.yaml", MINIMAL)
    out = tmp_path / "out"
    done, _ = seloste("build", str(tmp_path), "-o", str(out), "--only", "notice", "--format", "pdf", "-j", "1",
                      env={"SELOSTE_PDF_SECONDS": "1"}, timeout=180)
    assert done.returncode == 1
    assert "pdf-budget" in done.stdout and "processor time" in done.stdout
    assert (out / "light" / "notice.fi.pdf").is_file()
    assert not (out / "heavy").exists()


# --- characters, symbolic links, escaping ------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "column"), [
    ('"a\\e[31mb"', 11), ('"a\\x07b"', 11), ('"\\u202eolleh"', 9), ("olleh\u202e", 14), ('"a\\rb"', 11),
    ("a\u2066b", 10),
])
def test_control_characters_and_bidi_overrides_are_refused_with_their_place(value: str, column: int) -> None:
    doc = loads(MINIMAL.replace("  name: Kauneushoitola Esimerkki", f"  name: {value}"), "c.yaml")
    (found,) = [f for f in validate_document(doc) if f.rule == "control-character"]
    assert (found.line, found.path) == (5, "$.controller.name")
    assert found.column in (column, 9)  # the character itself when it stands in the file, else its text


def test_a_control_character_in_a_key_is_refused() -> None:
    doc = loads(MINIMAL + '"a\\eb": 1\n', "c.yaml")
    assert [f.line for f in validate_document(doc) if f.rule == "control-character"] == [22]


def test_a_symlinked_controller_file_out_of_the_folder_is_refused_unread(tmp_path: Path) -> None:
    folder = tmp_path / "clients"
    folder.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text("root:x:0:0:SALAISUUS\n", encoding="utf-8")
    (folder / "a.yaml").symlink_to(secret)
    (folder / "passwd.yaml").symlink_to("/etc/passwd")
    (folder / "inside.yaml").symlink_to(write(folder, "_real.yaml", MINIMAL))
    for command in ("validate", "check"):
        done, _ = seloste(command, str(folder))
        assert "SALAISUUS" not in done.stdout + done.stderr and "root:" not in done.stdout + done.stderr
        assert done.stdout.count("symlink-outside") == 2
        assert "inside.yaml" not in done.stdout or "symlink" not in done.stdout.split("inside.yaml")[1][:80]
    done, _ = seloste("build", str(folder), "-o", str(tmp_path / "out"), "--format", "html", "-j", "1")
    assert "SALAISUUS" not in done.stdout + done.stderr and done.stdout.count("symlink-outside") == 2
    assert (tmp_path / "out" / "inside" / "notice.fi.html").is_file()


ESC_NAME = "bad\x1b]0;owned\x07\x1b[31m\u202e.yaml"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_every_output_format_escapes_what_it_prints(tmp_path: Path, fmt: str) -> None:
    write(tmp_path, ESC_NAME, MINIMAL.replace("business_id: 2077474-0", 'business_id: "12\\e[2J34567-8"'))
    done, _ = seloste("check", "--format", fmt, str(tmp_path))
    shown = done.stdout + done.stderr
    assert done.returncode == 1
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown), repr(shown[:400])
    assert "\\x1b" in shown
    if fmt in ("json", "sarif"):
        json.loads(done.stdout)
    if fmt == "junit":
        ET.fromstring(done.stdout.encode("utf-8"))
    done, _ = seloste("validate", str(tmp_path))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", done.stdout + done.stderr)
