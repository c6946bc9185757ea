"""Shared defaults through `extends:`: merge rules, and findings that point into the shared file."""

from __future__ import annotations

from pathlib import Path

import pytest

from seloste import validate_file
from seloste.validate import find_files
from tests.test_validate import MINIMAL

SHARED = """\
privacy_contact:
  name: Konsultti Esimerkki
  email: tietosuoja@konsultti.example.fi
security:
  technical: [salasanat, salattu yhteys]
  organisational: [vaitiolovelvollisuus]
processors:
  - {id: varaus, name: Varaus Oy, country: FI, service: ajanvaraus, storage: EU}
  - {id: uutis, name: Uutiskirje Oy, country: FI, service: uutiskirjeet}
"""

CLIENT = MINIMAL.replace("schema_version: 1\n", "schema_version: 1\nextends: _shared/defaults.yaml\n").replace(
    "processors:\n  - {id: timma, name: Timma Oy, country: FI, service: ajanvaraus}\n",
    "processors:\n  - {id: varaus, service: verkkoajanvaraus}\n  - {id: kassa, name: Kassa Oy, country: FI}\n"
    "security:\n  technical: [kaksivaiheinen tunnistautuminen]\n")


def write(tmp_path: Path, client: str = CLIENT, shared: str = SHARED) -> Path:
    (tmp_path / "_shared").mkdir(parents=True)
    (tmp_path / "_shared" / "defaults.yaml").write_text(shared, encoding="utf-8")
    path = tmp_path / "client.yaml"
    path.write_text(client, encoding="utf-8")
    return path


def test_merge_rules(tmp_path: Path) -> None:
    result = validate_file(write(tmp_path))
    assert result.findings == []
    assert result.document is not None
    data = result.document.data
    assert "extends" not in data
    assert data["privacy_contact"]["name"] == "Konsultti Esimerkki"  # inherited mapping
    # mappings merge; plain lists replace
    assert data["security"] == {"technical": ["kaksivaiheinen tunnistautuminen"],
                                "organisational": ["vaitiolovelvollisuus"]}
    # lists of items with an id merge by id, new ones appended
    # (the activity's reference to the catalogue's timma adds it after the listed ones)
    assert data["processors"][:3] == [
        {"id": "varaus", "name": "Varaus Oy", "country": "FI", "service": "verkkoajanvaraus", "storage": "EU"},
        {"id": "uutis", "name": "Uutiskirje Oy", "country": "FI", "service": "uutiskirjeet"},
        {"id": "kassa", "name": "Kassa Oy", "country": "FI"},
    ]


def test_finding_points_into_the_shared_file(tmp_path: Path) -> None:
    path = write(tmp_path, shared=SHARED.replace("tietosuoja@konsultti.example.fi", "tietosuoja@"))
    (finding,) = validate_file(path).findings
    assert finding.file.endswith("_shared/defaults.yaml")
    assert (finding.line, finding.column, finding.rule) == (3, 10, "email")


def test_own_values_point_at_the_controller_file(tmp_path: Path) -> None:
    path = write(tmp_path, client=CLIENT.replace("{id: kassa, name: Kassa Oy, country: FI}",
                                                 "{id: ajas, name: Ajas Oy, country: FI, business_id: 1-2}"))
    (finding,) = validate_file(path).findings
    assert finding.file == str(path)
    assert finding.line == 13


def test_missing_shared_file(tmp_path: Path) -> None:
    path = tmp_path / "client.yaml"
    path.write_text(CLIENT, encoding="utf-8")
    (finding,) = validate_file(path).findings
    assert (finding.line, finding.rule) == (2, "extends")
    assert "does not exist" in finding.message


def test_cycle_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, shared="extends: ../client.yaml\n" + SHARED)
    (finding,) = validate_file(path).findings
    assert finding.rule == "extends"
    assert "cycle" in finding.message


def test_absolute_or_non_yaml_paths_are_refused(tmp_path: Path) -> None:
    for target in ("/etc/passwd", "notes.txt"):
        path = write(tmp_path / target.replace("/", "_"), client=CLIENT.replace("_shared/defaults.yaml", target))
        (finding,) = validate_file(path).findings
        assert finding.rule in ("extends", "schema"), finding


def test_shared_folders_are_not_controllers(tmp_path: Path) -> None:
    write(tmp_path)
    assert [p.name for p in find_files([tmp_path])] == ["client.yaml"]


def test_shared_file_outside_the_project_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "elsewhere.yaml").write_text(SHARED, encoding="utf-8")
    path = project / "client.yaml"
    path.write_text(CLIENT.replace("_shared/defaults.yaml", "../elsewhere.yaml"), encoding="utf-8")
    monkeypatch.chdir(project)
    (finding,) = validate_file(path).findings
    assert finding.rule == "extends"
    assert "outside" in finding.message
