"""`# TARKISTA:` marks left by init are findings of their own (rule `unconfirmed`), so a file nobody has reviewed
is never reported clean; `--strict` fails on them in CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from seloste.checker import Config, check_document
from seloste.checker.rules.unconfirmed import marks
from seloste.loader import loads
from tests.test_validate import MINIMAL

MARKED = MINIMAL.replace("period: {years: 2}, trigger: viimeisestä käynnistä}",
                         "period: {years: 2}, trigger: viimeisestä käynnistä}  # TARKISTA: säilytysaika")


def unconfirmed(text: str) -> list[tuple[int, str, str]]:
    doc = loads(text, "c.yaml")
    return [(f.line, f.path, f.message) for f in check_document(doc, Config.default()) if f.rule == "unconfirmed"]


def test_a_mark_is_a_warning_on_its_line() -> None:
    line = MARKED.splitlines().index(next(x for x in MARKED.splitlines() if "TARKISTA" in x)) + 1
    assert unconfirmed(MARKED) == [(line, "$.activities[0].retention[0]",
                                    "a default is not yet confirmed: säilytysaika")]
    assert unconfirmed(MINIMAL) == []


def test_only_comments_count() -> None:
    assert list(marks('notes: "katso # TARKISTA: ei kommentti"\nx: 1 #TARKISTA\ny: 2 # TARKISTAMATON\n')) == [
        (2, 6, "")]


def test_accept_with_reason_confirms_nothing_but_silences_it() -> None:
    accepted = MARKED.replace("    retention:\n", "    retention:\n      # seloste: accept unconfirmed -- "
                                                   "sovittu asiakkaan kanssa 2025-03\n")
    assert unconfirmed(accepted) == []


def test_marks_in_a_shared_file_are_reported_there(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "defaults.yaml").write_text(
        "security:\n  technical: [salasanat]  # TARKISTA: mitä suojauksia todella käytätte\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: "
                                                     "_shared/defaults.yaml\n"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "seloste", "check", "a.yaml"], capture_output=True, text=True,
                          cwd=tmp_path, check=False)
    assert ("_shared/defaults.yaml:2:27: warning: a default is not yet confirmed: mitä suojauksia todella "
            "käytätte") in done.stdout, done.stdout


def test_strict_check_fails_on_unconfirmed_defaults(tmp_path: Path) -> None:
    path = tmp_path / "seloste.yaml"
    path.write_text(MARKED, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "seloste", "check", str(path)], capture_output=True, text=True,
                           check=False)
    strict = subprocess.run([sys.executable, "-m", "seloste", "check", "--strict", str(path)], capture_output=True,
                            text=True, check=False)
    assert "[unconfirmed]" in plain.stdout and "[unconfirmed]" in strict.stdout
    assert strict.returncode == 1
