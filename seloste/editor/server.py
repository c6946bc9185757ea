"""The editor's web server: loopback only, one session token, stdlib `http.server`.

Every request must name this server in its `Host` header (127.0.0.1:PORT or localhost:PORT), so a web page
elsewhere cannot reach it through DNS rebinding. Pages need the session token in the address (`?token=`);
every write (a change, an operation, saving, building) needs it in the `X-Seloste-Token` header, which a page of
another site cannot send without a CORS preflight this server never answers.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import mimetypes
import secrets
import shutil
import tempfile
import threading
import time
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from ..catalogue import catalogue
from ..i18n import reset_ui_language, set_ui_language
from ..legalform import form_of_name
from ..loopback import HOST, LoopbackServer, QuietHandler
from ..presets import presets, render
from ..presets.answers import (
    BOOKING_NONE,
    BOOKING_OTHER,
    AnswerError,
    Answers,
    booking_systems,
    parse_booking,
    parse_bool,
    parse_business_id,
    parse_email,
    parse_marketing,
    parse_phone,
    parse_postal_code,
    parse_records,
    parse_sole_trader,
    parse_text,
    parse_website,
)
from ..questionnaire import say
from .form import LANG_NAMES, LANGS, find_field
from .pdfjob import BuildJob
from .session import Conflict, Session

__all__ = ["DEFAULT_PORT", "HOST", "EditorServer", "Handler"]

DEFAULT_PORT = 8766
STATIC = {"editor.js": "text/javascript; charset=utf-8", "editor.css": "text/css; charset=utf-8"}
#: The start page's questions: key, label, parser, required (the questions and parsers of `seloste init`).
QUESTIONS = [(key, say(key, "fi"), parse, required) for key, parse, required in (
    ("name", parse_text, True),
    ("business_id", parse_business_id, True),
    ("street", parse_text, True),
    ("postal_code", parse_postal_code, True),
    ("city", parse_text, True),
    ("phone", parse_phone, False),
    ("email", parse_email, True),
    ("website", parse_website, False),
    ("contact", parse_text, False),
)]


def environment() -> Environment:
    env = Environment(loader=PackageLoader("seloste.editor", "templates"), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(LANGS=LANGS, LANG_NAMES=LANG_NAMES)
    return env


class EditorServer(LoopbackServer):
    """Serves the editor for one file. `url` carries the session token."""

    thread_name = "seloste-edit"

    def __init__(self, path: Path, port: int = DEFAULT_PORT, ui_lang: str = "fi") -> None:
        self.session = Session(path)
        self.token = secrets.token_urlsafe(24)
        self.ui_lang = ui_lang
        self.env = environment()
        self.job: BuildJob | None = None
        self.outdir = Path(tempfile.mkdtemp(prefix="seloste-edit-"))
        super().__init__(port, Handler)
        threading.Thread(target=self.warm, name="seloste-edit-warm", daemon=True).start()

    def warm(self) -> None:
        """Compile the templates and read the presets while the browser starts, so the first page comes fast."""
        from .presetoffer import choices

        for name in ("editor.html.j2", "form.html.j2", "start.html.j2"):
            self.env.get_template(name)
        choices()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/?token={self.token}"

    def server_close(self) -> None:
        super().server_close()
        shutil.rmtree(self.outdir, ignore_errors=True)  # the built documents were offered for download only


class Handler(QuietHandler):
    server: EditorServer
    protocol_version = "HTTP/1.1"

    # --- gatekeeping -----------------------------------------------------------------------------------------
    def _allowed(self) -> bool:
        if not self.server.host_ok(self.headers.get("Host")):
            self._send(b"forbidden host", "text/plain; charset=utf-8", 403)
            return False
        return True

    def _token_ok(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode(), self.server.token.encode())

    def _write_ok(self) -> bool:
        if not self.server.origin_ok(self.headers.get("Origin")):
            self._json({"error": "origin"}, 403)
            return False
        if not self._token_ok(self.headers.get("X-Seloste-Token")):
            self._json({"error": "token"}, 403)
            return False
        return True

    # --- GET ---------------------------------------------------------------------------------------------------
    def do_GET(self) -> None:
        if not self._allowed():
            return
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        if url.path == "/favicon.ico":
            self._send(b"", "image/x-icon", 204)
            return
        if url.path.startswith("/static/"):
            name = url.path.removeprefix("/static/")
            if name in STATIC:
                data = (files("seloste.editor") / "static" / name).read_bytes()
                self._send(data, STATIC[name], cache=True)
            else:
                self._send(b"not found", "text/plain; charset=utf-8", 404)
            return
        if not self._token_ok(query.get("token", [None])[0]):
            self._send("Avaa editori osoitteesta, jonka seloste edit tulosti (siinä on istunnon tunniste).".encode(),
                       "text/plain; charset=utf-8", 403)
            return
        if url.path == "/":
            self._page()
        elif url.path.startswith("/download/"):
            self._download(url.path.removeprefix("/download/"))
        else:
            self._send(b"not found", "text/plain; charset=utf-8", 404)

    def _page(self) -> None:
        session = self.server.session
        token = set_ui_language(self.server.ui_lang)
        try:
            with session.lock:
                if session.new and session.data is None:
                    html = self.server.env.get_template("start.html.j2").render(
                        token=self.server.token, file=session.display, presets=presets(),
                        questions=QUESTIONS, bookings=booking_systems(), errors={}, values={})
                else:
                    html = self.render_editor()
        finally:
            reset_ui_language(token)
        self._send(html.encode("utf-8"), "text/html; charset=utf-8")

    def render_editor(self) -> str:
        session = self.server.session
        return self.server.env.get_template("editor.html.j2").render(
            token=self.server.token, file=session.display, form=self.form_html(), load_error=getattr(
                session, "load_error", ""), processors=self.processor_ids(), catalogue=catalogue(),
            generation=session.generation)

    def form_html(self) -> str:
        session = self.server.session
        if session.data is None:
            return ""
        return self.server.env.get_template("form.html.j2").render(fields=session.form(), catalogue=catalogue())

    def fragment(self, path: tuple[Any, ...]) -> str:
        """The fields of one list item (an activity), rendered when the page opens it."""
        found = find_field(self.server.session.form(), path)
        if found is None:
            raise KeyError(path)
        module = self.server.env.get_template("form.html.j2").module
        return str(module.field(found, catalogue()))  # type: ignore[attr-defined]

    def processor_ids(self) -> list[str]:
        data = self.server.session.data
        ids = list(catalogue())
        if isinstance(data, dict):
            for item in data.get("processors") or []:
                key = item.get("id") if isinstance(item, dict) else item
                if isinstance(key, str) and key not in ids:
                    ids.insert(0, key)
        return ids

    def _download(self, name: str) -> None:
        job = self.server.job
        target = (self.server.outdir / name).resolve()
        if job is None or name not in job.outputs or target.parent != self.server.outdir.resolve():
            self._send(b"not found", "text/plain; charset=utf-8", 404)
            return
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._send(target.read_bytes(), kind, extra={"Content-Disposition": f"attachment; filename*=UTF-8''"
                                                                             f"{quote(name)}"})

    # --- POST --------------------------------------------------------------------------------------------------
    def do_POST(self) -> None:
        if not self._allowed() or not self._write_ok():
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}") if length <= 4 * 1024 * 1024 else None
        except (ValueError, json.JSONDecodeError):
            body = None
        if not isinstance(body, dict):
            self._json({"error": "bad request"}, 400)
            return
        route = urlsplit(self.path).path
        token = set_ui_language(self.server.ui_lang)
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            with self.server.session.lock:
                answer, status = self.route(route, body)
        except (ValueError, KeyError, IndexError, TypeError) as exc:  # a request the page should not have sent
            answer, status = {"error": f"Pyyntöä ei voitu käsitellä ({type(exc).__name__}: {exc})."}, 400
        except OSError as exc:
            answer, status = {"error": f"Tiedostoa ei voitu kirjoittaa: {exc.strerror or exc}"}, 500
        finally:
            reset_ui_language(token)
        self.timing = (f"app;dur={1000 * (time.perf_counter() - started):.1f}, "
                       f"cpu;dur={1000 * (time.thread_time() - cpu):.1f}")
        self._json(answer, status)

    def route(self, route: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        session = self.server.session
        if route == "/api/new":
            return self.create(body)
        if session.data is None and route not in ("/api/reload", "/api/state"):
            return {"error": "Tiedostoa ei voitu lukea lomakkeeksi: korjaa se tekstieditorissa ja lataa se "
                             "uudelleen."}, 409
        if route == "/api/change":
            session.change(list(body.get("changes") or []))
            return self.state(), 200
        if route == "/api/op":
            focus = session.operate(str(body.get("op")), tuple(body.get("path") or ()), body.get("value"))
            return self.state(form=True, focus=focus), 200
        if route == "/api/confirm":
            session.confirm(int(body.get("line", 0)))
            return self.state(form=True), 200
        if route == "/api/preview":
            session.preview_kind = "record" if body.get("kind") == "record" else "notice"
            session.preview_lang = str(body.get("lang")) if body.get("lang") in LANGS else "fi"
            return self.state(), 200
        if route == "/api/state":
            return self.state(), 200
        if route == "/api/fragment":
            return {"html": self.fragment(tuple(body.get("path") or ()))}, 200
        if route == "/api/save":
            try:
                session.save(force=bool(body.get("force")))
            except Conflict:
                return {"conflict": True, "message": "Tiedostoa on muutettu toisaalla sen jälkeen, kun editori luki "
                                                     "sen."}, 409
            return {**self.state(), "saved": True}, 200
        if route == "/api/reload":
            try:
                session.reload()
            except OSError as exc:
                return {"error": f"Tiedostoa ei voi lukea: {exc.strerror or exc}"}, 409
            return self.state(form=True), 200
        if route == "/api/build":
            return self.build(), 200
        if route == "/api/build/status":
            job = self.server.job
            return (job.status() if job else {"state": "idle"}), 200
        return {"error": "not found"}, 404

    def state(self, *, form: bool = False, focus: tuple[Any, ...] | None = None) -> dict[str, Any]:
        session = self.server.session
        analysis = session.analyse()
        answer: dict[str, Any] = {
            "generation": session.generation, "dirty": session.dirty, "findings": analysis.findings,
            "marks": analysis.marks, "counts": analysis.counts, "preview": analysis.preview,
            "preview_note": analysis.preview_note, "disk_changed": session.changed_on_disk(),
            "processors": self.processor_ids(),
        }
        if form:
            answer["form"] = self.form_html()
        if focus is not None:
            from .form import field_id

            answer["focus"] = field_id(focus)
        return answer

    def create(self, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
        session = self.server.session
        if not session.new:
            return {"error": "exists"}, 409
        given = body.get("answers") or {}
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        key = str(given.get("preset", ""))
        if key not in presets():
            errors["preset"] = "Valitse yrityksen toimiala."
        for name, _label, parse, required in QUESTIONS:
            raw = str(given.get(name) or "").strip()
            if not raw:
                if required:
                    errors[name] = "Tämä tieto tarvitaan."
                continue
            try:
                values[name] = parse(raw)
            except AnswerError as exc:
                errors[name] = exc.text("fi")
        try:
            values["booking"] = parse_booking(given.get("booking") or BOOKING_NONE)
            if values["booking"] == BOOKING_OTHER:
                name = str(given.get("booking_name") or "").strip()
                if not name:
                    errors["booking_name"] = "Kirjoita järjestelmän nimi."
                values["booking_name"] = name or None
            values["marketing"] = parse_marketing(",".join(given.get("marketing") or []) or "none")
            values["health_info"] = parse_bool(given.get("health_info") or "e")
            values["records"] = parse_records(given.get("records") or "electronic")
        except AnswerError as exc:
            errors["booking"] = exc.text("fi")
        sole_trader = str(given.get("sole_trader") or "").strip()
        name = values.get("name") or ""
        if sole_trader:
            try:
                values["sole_trader"] = parse_sole_trader(sole_trader, name)
            except AnswerError as exc:
                errors["sole_trader"] = exc.text("fi")
        elif name and form_of_name(name) is None:  # the name does not tell (Tmi, Oy, Ky…): the owner answers
            errors["sole_trader"] = "Vastaa kyllä tai ei."
        if errors:
            return {"errors": errors}, 422
        values.setdefault("contact", values.get("name"))
        answers = Answers(preset=key, **values)
        text = render(key, answers, dt.date.today(), session.display)
        session.start(text, dirty=True)
        return {"created": True}, 200

    def build(self) -> dict[str, Any]:
        job = self.server.job
        if job is not None and job.running:
            return job.status()
        session = self.server.session
        self.server.job = BuildJob(session.text, session.path, self.server.outdir, self.server.ui_lang)
        self.server.job.start()
        return self.server.job.status()

    # --- answers -----------------------------------------------------------------------------------------------
    def _json(self, value: Any, status: int = 200) -> None:
        self._send(json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", status)

    def _send(self, data: bytes, content_type: str, status: int = 200, *, cache: bool = False,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=3600" if cache else "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                         "style-src 'self' 'unsafe-inline'; frame-src 'self' about:; frame-ancestors 'none'")
        if getattr(self, "timing", None):
            self.send_header("Server-Timing", self.timing)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
