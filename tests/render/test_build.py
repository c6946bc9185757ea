"""`seloste build`: what is written for which flags, invalid input, template overrides, determinism."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from seloste.build import BuildResult, build_paths, slug
from seloste.cli import cli
from seloste.render import RenderError, render_html
from seloste.validate import validate_file

from .util import EXAMPLES, ROOT

AURORA = EXAMPLES / "ihoklinikka-aurora.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def files(folder: Path) -> list[str]:
    """The documents written (the manifest and index.html at the top are left out)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and len(p.relative_to(folder).parts) > 1)


def in_languages(*names: str) -> list[str]:
    """`names` (with LANG for the language) in each of the examples' languages fi, sv and en, sorted."""
    return sorted(name.replace("LANG", lang) for name in names for lang in ("fi", "sv", "en"))


def test_only_and_format_narrow_the_output(tmp_path: Path) -> None:
    code, output = run(str(AURORA), "-o", str(tmp_path / "a"), "--format", "html")
    assert code == 0, output
    assert files(tmp_path / "a") == in_languages("ihoklinikka-aurora/notice.LANG.fragment.css",
                                                 "ihoklinikka-aurora/notice.LANG.fragment.html",
                                                 "ihoklinikka-aurora/notice.LANG.html",
                                                 "ihoklinikka-aurora/record.LANG.html")
    code, output = run(str(AURORA), "-o", str(tmp_path / "b"), "--only", "record", "--format", "html")
    assert code == 0, output
    assert files(tmp_path / "b") == in_languages("ihoklinikka-aurora/record.LANG.html")
    code, output = run(str(AURORA), "-o", str(tmp_path / "c"), "--only", "notice", "--format", "pdf", "--lang", "fi")
    assert code == 0, output
    assert files(tmp_path / "c") == ["ihoklinikka-aurora/notice.fi.pdf"]


def test_invalid_input_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(AURORA, source / "good.yaml")
    (source / "bad.yaml").write_text(AURORA.read_text("utf-8").replace("id: ihoklinikka-aurora", "id: bad")
                                     .replace("business_id: 1618033-3", "business_id: 1618033-4"), "utf-8")
    code, output = run(str(source), "-o", str(tmp_path / "out"), "--format", "html")
    assert code == 1
    assert "bad.yaml:" in output and "[business-id]" in output
    assert "bad.yaml: not built" in output
    assert files(tmp_path / "out") == in_languages("ihoklinikka-aurora/notice.LANG.fragment.css",
                                                 "ihoklinikka-aurora/notice.LANG.fragment.html",
                                                   "ihoklinikka-aurora/notice.LANG.html",
                                                   "ihoklinikka-aurora/record.LANG.html")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(AURORA))[0] == 2
    assert run(str(tmp_path / "missing.yaml"), "-o", str(tmp_path))[0] == 2
    assert run(str(AURORA), "-o", str(tmp_path), "--only", "both")[0] == 2
    assert run(str(AURORA), "-o", str(tmp_path), "--templates", str(tmp_path / "nope"))[0] == 2


def test_template_override_replaces_a_block(tmp_path: Path) -> None:
    (tmp_path / "notice.html.j2").write_text(
        '{% extends "seloste/notice.html.j2" %}\n'
        '{% block summary %}<p class="oma">Oma tiivistelmä: {{ controller.name }}</p>{% endblock %}\n', "utf-8")
    doc = validate_file(AURORA).document
    assert doc is not None
    html = render_html(doc, "notice", templates=tmp_path)
    assert '<p class="oma">Oma tiivistelmä: Ihoklinikka Aurora Oy</p>' in html
    assert 'id="s-lyhyesti"' not in html
    assert "Oikeutesi" in html  # the rest of the notice is untouched
    assert 'id="s-lyhyesti"' in render_html(doc, "notice")  # the cached default environment is unaffected
    code, output = run(str(AURORA), "-o", str(tmp_path / "out"), "--templates", str(tmp_path), "--format", "html")
    assert code == 0, output
    assert "Oma tiivistelmä" in (tmp_path / "out/ihoklinikka-aurora/notice.fi.html").read_text("utf-8")


def test_broken_override_is_reported(tmp_path: Path) -> None:
    (tmp_path / "record.html.j2").write_text("{% extends 'seloste/record.html.j2' %}{% block x %}{{ nope.x }}"
                                            "{% endblock %}{% block changes %}{{ missing_variable }}{% endblock %}")
    doc = validate_file(AURORA).document
    assert doc is not None
    try:
        render_html(doc, "record", templates=tmp_path)
    except RenderError as exc:
        assert "missing_variable" in str(exc)
    else:
        raise AssertionError("StrictUndefined should refuse an undefined variable")
    code, output = run(str(AURORA), "-o", str(tmp_path / "out"), "--templates", str(tmp_path), "--format", "html")
    assert code == 1
    assert "[template]" in output
    assert files(tmp_path / "out") == []


def test_atomic_writes_leave_no_temporary_files(built: tuple[Path, BuildResult]) -> None:
    out, result = built
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert len(result.written) == 6 * len(result.controllers)  # 5 documents and the fragment's CSS


def test_two_builds_give_the_same_bytes(built: tuple[Path, BuildResult], tmp_path: Path) -> None:
    out, _ = built
    again = build_paths([AURORA], tmp_path)
    assert again.ok
    for name in ("notice.fi.pdf", "record.fi.pdf", "notice.fi.html", "notice.fi.fragment.html", "record.fi.html"):
        first = (out / "ihoklinikka-aurora" / name).read_bytes()
        assert first == (tmp_path / "ihoklinikka-aurora" / name).read_bytes(), name


def test_a_separate_process_gives_the_same_pdf(built: tuple[Path, BuildResult], tmp_path: Path) -> None:
    out, _ = built
    done = subprocess.run([sys.executable, "-m", "seloste", "build", str(AURORA), "-o", str(tmp_path),
                           "--only", "notice", "--format", "pdf"], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "1 built" in done.stderr
    assert (tmp_path / "ihoklinikka-aurora/notice.fi.pdf").read_bytes() == \
        (out / "ihoklinikka-aurora/notice.fi.pdf").read_bytes()


def test_output_folder_is_a_safe_slug(tmp_path: Path) -> None:
    assert slug("Ihoklinikka Äänekoski") == "ihoklinikka-aanekoski"
    assert slug("../../etc") == "etc"
    assert slug("...") == "controller"
    text = AURORA.read_text("utf-8").replace("id: ihoklinikka-aurora\n", "")
    (tmp_path / "Hieroja Ähtäri.yaml").write_text(text, "utf-8")
    result = build_paths([tmp_path / "Hieroja Ähtäri.yaml"], tmp_path / "out", fmt="html", only="record")
    assert result.ok
    assert files(tmp_path / "out") == in_languages("hieroja-ahtari/record.LANG.html")


def test_two_files_with_one_id_do_not_overwrite(tmp_path: Path) -> None:
    shutil.copy(AURORA, tmp_path / "a.yaml")
    shutil.copy(AURORA, tmp_path / "b.yaml")
    result = build_paths([tmp_path / "a.yaml", tmp_path / "b.yaml"], tmp_path / "out", fmt="html", only="record")
    assert [c.ok for c in result.controllers] == [True, False]
    assert result.controllers[1].findings[-1].rule == "duplicate-output"
