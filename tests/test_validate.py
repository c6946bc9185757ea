"""Schema and form validation: each bad input gives a positioned, plain-language finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from seloste import validate_file
from seloste.loader import loads
from seloste.validate import find_files, validate_document
from tests.conftest import example_files

MINIMAL = """\
schema_version: 1
document:
  drafted: 2025-01-15
controller:
  name: Kauneushoitola Esimerkki
  business_id: 2077474-0
  address: {street: Kuja 1, postal_code: "00100", city: Helsinki}
  email: info@example.fi
  phone: 040 123 4567
processors:
  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}
activities:
  - id: asiakkaat
    name: Asiakasrekisteri
    purposes:
      - {purpose: Ajanvaraus, basis: contract}
    data_categories:
      - {id: yhteys, name: Yhteystiedot, items: [nimi]}
    processors: [timma]
    retention:
      - {categories: [yhteys], period: {years: 2}, trigger: viimeisestä käynnistä}
"""


def findings_for(text: str) -> list[tuple[int, int, str, str]]:
    doc = loads(text, "c.yaml")
    return [(f.line, f.column, f.rule, f.message) for f in validate_document(doc)]


def test_minimal_is_valid() -> None:
    assert findings_for(MINIMAL) == []


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_examples_are_valid(path: Path) -> None:
    result = validate_file(path)
    assert [f.format() for f in result.findings] == []


CASES = [
    # (replace this, with this) → (line, column, rule, message)
    (("  name: Kauneushoitola Esimerkki\n", "  name: Kauneushoitola Esimerkki\n  nmae: x\n"),
     (6, 3, "schema", "unknown field 'nmae'")),
    (("2077474-0", "2077474-1"), (6, 16, "business-id", "the Y-tunnus 2077474-1 has a wrong check digit")),
    (("2077474-0", "20774740"), (6, 16, "schema", "'business_id' should be text, not the number 20774740")),
    (('"00100"', '"0010"'), (7, 42, "postal-code", "'0010' is not a Finnish postal code")),
    (("info@example.fi", "info@"), (8, 10, "email", "'info@' is not a valid e-mail address")),
    (("040 123 4567", '"12345"'), (9, 10, "phone", "'12345' is not a valid phone number")),
    (("basis: contract", "basis: contrakt"), (16, 38, "schema", "'basis' cannot be the text 'contrakt'")),
    (("drafted: 2025-01-15", "drafted: 2025-02-30"), (3, 12, "schema", "'drafted' should be a date")),
    (("  drafted: 2025-01-15\n", "  drafted: 2025-01-15\n  updated: 2024-01-01\n"),
     (4, 12, "dates", "'updated' (2024-01-01) is earlier than 'drafted' (2025-01-15)")),
    (("processors: [timma]", "processors: [tima]"), (19, 18, "unknown-reference", "'tima' is not a processor")),
    (("categories: [yhteys]", "categories: [yhteydet]"),
     (21, 23, "unknown-reference", "'yhteydet' is not a data category")),
    (("    name: Asiakasrekisteri\n", "    name: 5\n"), (14, 11, "schema", "'name' should be text, or a mapping")),
    (("schema_version: 1", "schema_version: 2"), (1, 17, "schema", "'schema_version' cannot be the number 2")),
    (("period: {years: 2}, trigger: viimeisestä käynnistä", "law: x"),
     (21, 9, "schema", "'retention' needs a 'period' with its 'trigger'")),
    (("  - id: asiakkaat\n", "  - idx: asiakkaat\n"), (13, 5, "schema", "unknown field 'idx'")),
    (("{id: yhteys,", "{id: Yhteys Tiedot,"), (18, 14, "schema", "'id' should be a short identifier")),
]


@pytest.mark.parametrize(("change", "expected"), CASES, ids=[c[1][3][:40] for c in CASES])
def test_bad_input_is_positioned(change: tuple[str, str], expected: tuple[int, int, str, str]) -> None:
    old, new = change
    assert old in MINIMAL
    found = findings_for(MINIMAL.replace(old, new, 1))
    line, column, rule, message = expected
    assert any(f[:3] == (line, column, rule) and f[3].startswith(message) for f in found), found


def test_missing_required_points_at_parent_and_cites_article() -> None:
    # an activity may lack a name (a transcribed register with none), never its id
    doc = loads(MINIMAL.replace("  - id: asiakkaat\n    name: Asiakasrekisteri\n", "  - name: Asiakasrekisteri\n"),
                "c.yaml")
    (finding,) = validate_document(doc)
    assert (finding.line, finding.column) == (13, 5)
    assert finding.message == "'activities' is missing the required field 'id'"
    assert finding.path == "$.activities[0]"


def test_unknown_key_suggests_the_right_one() -> None:
    doc = loads(MINIMAL.replace("    purposes:", "    purpose:"), "c.yaml")
    (finding,) = validate_document(doc)
    assert finding.hint == "Did you mean 'purposes'?"


def test_find_files_recurses_and_skips_config(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yaml").write_text("x")
    (tmp_path / "b.yml").write_text("x")
    (tmp_path / ".seloste.yaml").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.yaml").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])] == ["a/x.yaml", "b.yml"]


def test_catalogue_reference_is_resolved() -> None:
    text = MINIMAL.replace("  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n",
                           "  - timma\n  - {id: oma, name: Oma Oy, country: FI}\n")
    doc = loads(text, "c.yaml")
    assert validate_document(doc) == []
    timma = doc.data["processors"][0]
    assert timma["name"] == "Timma Oy" and timma["business_id"] == "2412479-6"
    assert doc.position(("processors", 0, "name")) == (11, 5)


def test_catalogue_entry_can_be_overridden_and_activity_refs_add_it() -> None:
    text = MINIMAL.replace("  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n",
                           "  - {id: timma, storage: Suomi}\n")
    doc = loads(text, "c.yaml")
    assert validate_document(doc) == []
    assert doc.data["processors"][0]["storage"] == "Suomi"
    assert doc.data["processors"][0]["name"] == "Timma Oy"
    text = MINIMAL.replace("processors:\n  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n", "")
    doc = loads(text, "c.yaml")
    assert validate_document(doc) == []
    assert [p["id"] for p in doc.data["processors"]] == ["timma"]


def test_unknown_catalogue_key() -> None:
    found = findings_for(MINIMAL.replace("  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n",
                                         "  - timmma\n"))
    assert (11, 5, "unknown-processor", "'timmma' is not in the processor catalogue") in found


def test_every_missing_required_field_is_named_the_same_in_every_run(tmp_path: Path) -> None:
    """Each missing field is a finding of its own, in every process (a set's order once chose one at random)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "c.yaml"
    path.write_text("document:\n  title: Seloste\n", encoding="utf-8")
    seen = set()
    for seed in ("0", "1", "2", "3"):
        done = subprocess.run([sys.executable, "-m", "seloste", "--ui-lang", "en", "validate", str(path)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed},
                              check=False)
        seen.add(tuple(line for line in done.stdout.splitlines() if "required field" in line))
    (lines,) = seen
    assert any("'schema_version'" in line for line in lines) and any("'controller'" in line for line in lines)
