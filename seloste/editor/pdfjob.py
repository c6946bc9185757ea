"""The editor's "build the PDF" button: the documents built in a background thread, step by step.

The same library path as `seloste build` (validation, then `render_documents` for each document and language);
the files go to the session's own temporary folder, from where the page downloads them.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from ..build import render_documents
from ..extends import resolve
from ..findings import Finding, has_errors
from ..i18n import reset_ui_language, set_ui_language
from ..loader import LoadError, loads
from ..render import RenderError
from ..safeio import write_atomic
from ..text import document_languages
from ..validate import validate_document

KINDS = ("notice", "record")


class BuildJob:
    def __init__(self, text: str, path: Path, outdir: Path, ui_lang: str) -> None:
        self.text, self.path, self.outdir, self.ui_lang = text, path, outdir, ui_lang
        self.done = 0
        self.total = 1
        self.state = "running"
        self.message = "Tarkistetaan tiedostoa…"
        self.outputs: list[str] = []
        self.findings: list[Finding] = []
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self.run, name="seloste-edit-build", daemon=True)

    @property
    def running(self) -> bool:
        return self.state == "running"

    def start(self) -> None:
        self.thread.start()

    def status(self) -> dict[str, Any]:
        return {"state": self.state, "done": self.done, "total": self.total, "message": self.message,
                "outputs": list(self.outputs), "seconds": round(time.monotonic() - self.started, 1),
                "findings": [f.message for f in self.findings[:10]]}

    def run(self) -> None:
        token = set_ui_language(self.ui_lang)
        try:
            self._run()
        except Exception as exc:  # shown on the page; the server keeps running
            self.state, self.message = "failed", f"Rakentaminen epäonnistui: {exc}"
        finally:
            reset_ui_language(token)

    def _run(self) -> None:
        try:
            doc = resolve(loads(self.text, self.path.name), self.path)
        except LoadError as exc:
            self.findings = [exc.finding]
            self.state, self.message = "failed", "Tiedostossa on virheitä: korjaa ne ensin."
            return
        findings = validate_document(doc)
        if has_errors(findings):
            self.findings = findings
            self.state, self.message = "failed", "Tiedostossa on virheitä: korjaa ne ensin."
            return
        languages = document_languages(doc)
        steps = [(kind, lang) for lang in languages for kind in KINDS]
        self.total = len(steps)
        written: list[str] = []
        for kind, lang in steps:
            self.message = f"Tehdään {'selostetta käsittelytoimista' if kind == 'record' else 'tietosuojaselostetta'}"\
                           f" ({lang})…"
            found: list[Finding] = []
            try:
                outputs = render_documents(doc, self.path, only=kind, languages=[lang], findings=found)  # type: ignore[arg-type]
            except RenderError as exc:
                self.state, self.message = "failed", f"Asiakirjaa ei voitu tehdä: {exc}"
                return
            if has_errors(found) or not outputs:
                self.findings = found
                self.state, self.message = "failed", "Asiakirjaa ei voitu tehdä: " + "; ".join(
                    f.message for f in found[:3])
                return
            for name, data in outputs.items():
                write_atomic(self.outdir / name, data)
                written.append(name)
            self.done += 1
        self.outputs = sorted(written, key=lambda n: (not n.endswith(".pdf"), n))
        self.state, self.message = "done", f"Valmis: {len(written)} tiedostoa."
