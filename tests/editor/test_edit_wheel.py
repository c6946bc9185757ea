"""The editor ships whole in the wheel: its page, script and style come from the package, not the network."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path


def test_the_wheel_carries_the_editor_and_serves_it(installed_wheel: tuple[Path, Path], tmp_path: Path) -> None:
    env, wheel = installed_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("static/editor.js", "static/editor.css", "templates/editor.html.j2", "templates/form.html.j2",
                 "templates/start.html.j2"):
        assert f"seloste/editor/{name}" in names
    script = (
        "import sys, urllib.request, pathlib\n"
        "from seloste.editor.server import EditorServer\n"
        "s = EditorServer(pathlib.Path(sys.argv[1]), 0); s.start()\n"
        "base = f'http://127.0.0.1:{s.port}'\n"
        "page = urllib.request.urlopen(s.url).read().decode()\n"
        "js = urllib.request.urlopen(base + '/static/editor.js').read().decode()\n"
        "assert 'seloste-token' in page and 'http' not in js.replace('http://127.0.0.1', '')\n"
        "assert '<script src=\"/static/editor.js\"' in page and 'https://' not in page\n"
        "print('ok')\n"
    )
    done = subprocess.run([str(env / "bin" / "python"), "-c", script, str(tmp_path / "new.yaml")], cwd=tmp_path,
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
