"""The wheel ships the .po catalogues (never compiled .mo files), and a fresh install renders Swedish and
English documents from them."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from .util import EXAMPLES


@pytest.fixture
def wheel(installed_wheel: tuple[Path, Path]) -> Path:
    return installed_wheel[1]


def test_wheel_carries_the_catalogues(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for lang in ("fi", "sv", "en"):
        assert f"seloste/locale/{lang}/LC_MESSAGES/seloste.po" in names
    assert not [n for n in names if n.endswith(".mo")]
    assert "seloste/data/labels.yaml" not in names


def test_a_fresh_install_renders_every_language(installed_wheel: tuple[Path, Path], tmp_path: Path) -> None:
    python = installed_wheel[0] / "bin" / "python"
    script = (
        "import sys, seloste\n"
        "from pathlib import Path\n"
        "from seloste.validate import validate_file\n"
        "from seloste.render import render_html\n"
        "assert seloste.__file__.startswith(sys.prefix), seloste.__file__\n"
        f"doc = validate_file(Path({str(EXAMPLES / 'ihoklinikka-aurora.yaml')!r})).document\n"
        "for lang in ('fi', 'sv', 'en'):\n"
        "    page = render_html(doc, 'notice', lang)\n"
        "    print(page.split('<title>')[1].split(' – ')[0])\n"
    )
    done = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"]
