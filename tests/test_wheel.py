"""The built wheel, installed into a fresh virtual environment, carries its schema and templates and runs."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


@pytest.fixture
def installed(installed_wheel: tuple[Path, Path]) -> Path:
    return installed_wheel[0]


def test_wheel_contains_schema_and_templates(installed_wheel: tuple[Path, Path]) -> None:
    names = zipfile.ZipFile(installed_wheel[1]).namelist()
    assert "seloste/schemas/controller.schema.json" in names
    assert any(name.startswith("seloste/templates/") for name in names)


def test_installed_wheel_is_imported_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run([str(installed / "bin" / "python"), "-c",
                          "import seloste, seloste.resources as r; print(seloste.__file__); "
                          "print(r.data_dir('schemas')); print(r.templates_dir())"],
                         check=True, capture_output=True, text=True, cwd=tmp_path).stdout.split("\n")
    for line in out[:3]:
        assert line.startswith(str(installed)), out


def test_installed_wheel_validates_every_example(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(installed / "bin" / "seloste"), "validate", str(EXAMPLES)],
                            capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    schema = subprocess.run([str(installed / "bin" / "seloste"), "schema"], capture_output=True, text=True,
                            cwd=tmp_path, check=True).stdout
    assert schema == (ROOT / "schemas" / "controller.schema.json").read_text(encoding="utf-8")


def test_installed_wheel_builds_and_checks(installed: Path, tmp_path: Path) -> None:
    seloste = str(installed / "bin" / "seloste")
    example = str(EXAMPLES / "ihoklinikka-aurora.yaml")
    done = subprocess.run([seloste, "build", example, "-o", str(tmp_path / "out"), "--lang", "fi", "-j", "1"],
                          capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    names = sorted(p.name for p in (tmp_path / "out" / "ihoklinikka-aurora").iterdir())
    assert names == ["notice.fi.fragment.css", "notice.fi.fragment.html", "notice.fi.html", "notice.fi.pdf",
                     "record.fi.html", "record.fi.pdf"]
    assert subprocess.run([seloste, "check", example], capture_output=True, cwd=tmp_path,
                          check=False).returncode == 0
