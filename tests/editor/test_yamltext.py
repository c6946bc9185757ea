"""The editor's YAML writing without a browser: edits carried onto the text, the fast path, TARKISTA marks."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from seloste.editor import yamltext
from seloste.editor.session import Conflict, Session
from seloste.loader import loads, walk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def removed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line.startswith("-") and not line.startswith("---")]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_scalar_edit_changes_one_line_and_agrees_with_a_full_dump(example: Path, tmp_path: Path) -> None:
    target = tmp_path / example.name
    target.write_bytes(example.read_bytes())
    session = Session(target)
    original = session.text
    doc = loads(original)
    lines = original.splitlines()
    scalars = [(path, value) for path, value in walk(doc.data)  # values written on one line
               if isinstance(value, str | int) and not isinstance(value, bool)
               and str(value) in lines[doc.values[path][0] - 1]]
    wanted = {}
    for path, value in scalars[::12]:
        new = value + 1 if isinstance(value, int) else f"{value} – {'a: #b' if len(path) % 2 else 'ä'}"
        session.change([{"path": list(path), "value": str(new)}])
        wanted[path] = new
    data = loads(session.text).data
    assert {path: yamltext.get(data, path) for path in wanted} == wanted
    assert len(removed_lines(original, session.text)) == len(wanted)
    assert session.carrier.carry(yamltext.dump(session.data)) == session.text


def test_a_structural_edit_keeps_lines_ruamel_would_rewrite(tmp_path: Path) -> None:
    target = tmp_path / "aurora.yaml"
    target.write_bytes((ROOT / "examples" / "ihoklinikka-aurora.yaml").read_bytes())
    session = Session(target)
    original = session.text
    assert yamltext.dump(yamltext.parse(original)) != original  # ruamel alone would touch untouched lines
    session.operate("add", ("controller", "trade_names"))
    session.change([{"path": ["controller", "trade_names", 0], "value": "Aurora Spa"}])
    session.change([{"path": ["controller", "website"], "value": ""}])  # emptied: the key goes
    assert removed_lines(original, session.text) == [line for line in removed_lines(original, session.text)
                                                      if "website" in line]
    assert "  trade_names:\n    - Aurora Spa\n" in session.text


def test_language_versions_turn_a_plain_text_into_a_map(tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    target.write_text("schema_version: 1\ncontroller:\n  name: Kielo  # oma nimi\n", encoding="utf-8")
    session = Session(target)
    session.change([{"path": ["controller", "name"], "lang": "sv", "value": "Liljekonvalj"}])
    assert loads(session.text).data["controller"]["name"] == {"fi": "Kielo", "sv": "Liljekonvalj"}
    assert "# oma nimi" in session.text
    session.change([{"path": ["controller", "name"], "lang": "fi", "value": "Kielo Oy"}])
    assert loads(session.text).data["controller"]["name"] == {"fi": "Kielo Oy", "sv": "Liljekonvalj"}


def test_confirming_a_mark_removes_only_the_mark() -> None:
    text = "a: 1  # TARKISTA: onko tämä oikein\n# TARKISTA: koko rivi\nb: 2\nc: '# TARKISTA: ei kommentti'\n"
    assert yamltext.marks(text) == [(1, "onko tämä oikein"), (2, "koko rivi")]
    assert yamltext.confirm_line(text, 1) == "a: 1\n# TARKISTA: koko rivi\nb: 2\nc: '# TARKISTA: ei kommentti'\n"
    assert yamltext.confirm_line(text, 2) == "a: 1  # TARKISTA: onko tämä oikein\nb: 2\nc: '# TARKISTA: ei kommentti'\n"
    assert yamltext.confirm_line(text, 4) == text


def test_saving_is_atomic_and_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    target.write_text("schema_version: 1\ncontroller:\n  name: Kielo\n", encoding="utf-8")
    session = Session(target)
    session.change([{"path": ["controller", "name"], "value": "Kielo Oy"}])
    target.write_text("schema_version: 1\ncontroller:\n  name: Muualla muutettu\n", encoding="utf-8")
    with pytest.raises(Conflict):
        session.save()
    assert "Muualla muutettu" in target.read_text(encoding="utf-8")
    session.save(force=True)
    assert target.read_text(encoding="utf-8") == "schema_version: 1\ncontroller:\n  name: Kielo Oy\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"]  # no temporary file left behind


def test_an_activity_from_a_preset_comes_with_its_marks_and_an_id_of_its_own(tmp_path: Path) -> None:
    target = tmp_path / "aurora.yaml"
    target.write_bytes((ROOT / "examples" / "ihoklinikka-aurora.yaml").read_bytes())
    session = Session(target)
    original = session.text
    session.operate("add-preset", ("activities",), "laakariklinikka:asiakkaat")
    ids = [a["id"] for a in loads(session.text).data["activities"]]
    assert ids == ["asiakkaat", "markkinointi", "verkkosivusto", "henkilosto", "asiakkaat-2"]
    assert len(yamltext.marks(session.text)) > len(yamltext.marks(original))
    assert removed_lines(original, session.text) == []
