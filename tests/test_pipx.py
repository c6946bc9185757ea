"""The install for people who are not developers: `pipx install` of the built wheel (no checkout, no make) gives a
`seloste` command that validates, checks and builds a PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES


def test_pipx_install_of_the_built_wheel(installed_wheel: tuple[Path, Path], tmp_path: Path) -> None:
    wheel = installed_wheel[1]
    env = {**os.environ, "PIPX_HOME": str(tmp_path / "pipx"), "PIPX_BIN_DIR": str(tmp_path / "bin"),
           "PIPX_MAN_DIR": str(tmp_path / "man"), "PIPX_DEFAULT_PYTHON": sys.executable}
    done = subprocess.run([sys.executable, "-m", "pipx", "install", str(wheel)], env=env, capture_output=True,
                          text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    seloste = tmp_path / "bin" / "seloste"
    assert seloste.exists()
    work = tmp_path / "work"
    work.mkdir()
    clean = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(seloste), *args], cwd=work, env=clean, capture_output=True, text=True,
                              timeout=600, check=False)

    version = run("--version")
    assert version.returncode == 0 and "seloste" in version.stdout
    where = subprocess.run([str(tmp_path / "pipx" / "venvs" / "seloste" / "bin" / "python"), "-c",
                            "import seloste; print(seloste.__file__)"], capture_output=True, text=True, check=True,
                           cwd=work, env=clean)
    assert where.stdout.startswith(str(tmp_path / "pipx")), where.stdout  # the wheel, not the checkout
    example = str(EXAMPLES / "ihoklinikka-aurora.yaml")
    assert run("validate", example).returncode == 0
    built = run("build", example, "-o", "out", "--lang", "fi", "--only", "notice", "-j", "1")
    assert built.returncode == 0, built.stderr
    pdf = work / "out" / "ihoklinikka-aurora" / "notice.fi.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
