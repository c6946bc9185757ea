"""`preview` and `edit` on a taken port suggest a free one; their pages and messages speak the user's language."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from seloste.preview import HOST, render_page
from tests.test_validate import MINIMAL

#: The option that keeps each command from opening a browser, and the taken-port line in each language.
NO_BROWSER = {"preview": "--no-open", "edit": "--no-browser"}
TAKEN = {"fi": "Portti {port} on jo käytössä", "sv": "Porten {port} används redan", "en": "The port {port} is taken"}


@pytest.mark.parametrize(("command", "lang"), [("preview", "fi"), ("preview", "en"), ("edit", "sv")])
def test_a_taken_port_suggests_a_free_one(tmp_path: Path, command: str, lang: str) -> None:
    path = tmp_path / "seloste.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind((HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "seloste", "--ui-lang", lang, command, NO_BROWSER[command],
                               "--port", str(port), str(path)], capture_output=True, text=True, timeout=60,
                              check=False)
        assert done.returncode == 2, done.stderr
        assert TAKEN[lang].format(port=port) in done.stderr and "Traceback" not in done.stderr
        assert "--port 0" in done.stderr
        suggested = re.search(rf"seloste {command} --port (\d+) ", done.stderr)
        assert suggested, done.stderr
        free = int(suggested.group(1))
        assert free != port
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((HOST, free))  # the suggestion really is free


def test_the_findings_page_speaks_the_documents_language(tmp_path: Path) -> None:
    path = tmp_path / "seloste.yaml"
    path.write_text(MINIMAL.replace("2077474-0", "2077474-1"), encoding="utf-8")
    pages = {lang: render_page(path, "notice", lang) for lang in ("fi", "sv", "en")}
    assert '<html lang="fi">' in pages["fi"] and "on virheitä" in pages["fi"]
    assert '<html lang="sv">' in pages["sv"] and "innehåller fel" in pages["sv"]
    assert '<html lang="en">' in pages["en"] and "has mistakes" in pages["en"]
