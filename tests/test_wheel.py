"""The built wheel, installed into a fresh virtual environment, carries its schema and templates and runs."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(work / "dist"), str(ROOT)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("seloste-*.whl")
    env = work / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True)
    # The dependencies come from the test environment's site-packages (added at the end of sys.path, after
    # the fresh environment's own, so the wheel's seloste is the one imported, not the checkout).
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return env


def test_wheel_contains_schema_and_templates(installed: Path) -> None:
    (wheel,) = (installed.parent / "dist").glob("seloste-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
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
