"""`seloste edit` as a command: its first line, loopback only, the Host check, the token, and Ctrl+C."""

from __future__ import annotations

import http.client
import json
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def request(port: int, method: str, path: str, *, host: str | None = None, headers: dict[str, str] | None = None,
            body: bytes | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True)
        connection.putheader("Host", host or f"127.0.0.1:{port}")
        for key, value in (headers or {}).items():
            connection.putheader(key, value)
        connection.putheader("Content-Length", str(len(body or b"")))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_edit_serves_loopback_only_with_a_token_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    target = tmp_path / "aurora.yaml"
    shutil.copyfile(ROOT / "examples" / "ihoklinikka-aurora.yaml", target)
    process = subprocess.Popen([sys.executable, "-m", "seloste", "--ui-lang", "fi", "edit", str(target),
                                "--port", "0", "--no-browser"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        url = urlsplit(first)
        assert url.scheme == "http" and url.hostname == "127.0.0.1" and url.query.startswith("token=")
        port, token = int(url.port or 0), url.query.removeprefix("token=")
        status, page = request(port, "GET", f"/?token={token}")
        assert status == 200 and b"seloste-editori" in page
        assert request(port, "GET", f"/?token={token}", host="evil.example:80")[0] == 403  # DNS rebinding
        assert request(port, "GET", "/")[0] == 403
        assert request(port, "GET", "/?token=wrong")[0] == 403
        change = json.dumps({"changes": [{"path": ["controller", "name"], "value": "X"}]}).encode()
        assert request(port, "POST", "/api/change", body=change)[0] == 403
        assert request(port, "POST", "/api/change", body=change,
                       headers={"X-Seloste-Token": token, "Origin": "http://evil.example"})[0] == 403
        assert request(port, "POST", "/api/save", headers={"X-Seloste-Token": "wrong"}, body=b"{}")[0] == 403
        status, answer = request(port, "POST", "/api/change", body=change, headers={"X-Seloste-Token": token})
        assert status == 200 and json.loads(answer)["dirty"] is True
        assert "name: X" not in target.read_text(encoding="utf-8")  # nothing written without saving
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=30)
        assert process.returncode == 0
        assert "hylättiin" in err and "Traceback" not in err
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_broken_file_shows_its_finding_and_is_never_written(tmp_path: Path) -> None:
    from seloste.editor.server import EditorServer

    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\ncontroller:\n  name: [Kielo\n", encoding="utf-8")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("controller:\n  name: Kielo Äö\n".encode("latin-1"))
    for path, expected in ((broken, "YAML"), (latin, "UTF-8")):
        before = path.read_bytes()
        server = EditorServer(path, 0, "fi")
        server.start()
        try:
            status, page = request(server.port, "GET", f"/?token={server.token}")
            assert status == 200 and b"Tiedostoa ei voitu lukea lomakkeeksi" in page
            headers = {"X-Seloste-Token": server.token}
            status, answer = request(server.port, "POST", "/api/state", headers=headers, body=b"{}")
            state = json.loads(answer)
            assert status == 200 and state["counts"]["error"] == 1 and expected in state["findings"][0]["message"]
            status, _ = request(server.port, "POST", "/api/save", headers=headers, body=b"{}")
            assert status == 409
            assert path.read_bytes() == before
        finally:
            server.shutdown()
            server.server_close()


def test_a_new_file_starts_from_the_questions_and_is_written_only_on_save(tmp_path: Path) -> None:
    from seloste.checker import check_file
    from seloste.editor.server import EditorServer

    target = tmp_path / "salonki.yaml"
    server = EditorServer(target, 0, "fi")
    server.start()
    try:
        headers = {"X-Seloste-Token": server.token}
        status, page = request(server.port, "GET", f"/?token={server.token}")
        assert status == 200 and b"Uusi tietosuojaseloste" in page
        assert b"Onko yrityksesi toiminimi" in page and b'name="sole_trader"' in page
        answers = {"preset": "kampaamo", "name": "Kampaamo Kiharat", "business_id": "2077474-0",
                   "street": "Kiharakuja 1", "postal_code": "33100", "city": "Tampere",
                   "email": "info@kiharat.example.fi", "booking": "other", "marketing": ["email"]}
        status, answer = request(server.port, "POST", "/api/new", headers=headers,
                                 body=json.dumps({"answers": answers}).encode())
        errors = json.loads(answer)["errors"]
        assert status == 422 and "booking_name" in errors
        assert errors["sole_trader"] == "Vastaa kyllä tai ei."  # the name does not tell: the owner must answer
        answers.update(booking_name="Oma Varaus", sole_trader="k", name="Kampaamo Kiharat Oy")
        status, answer = request(server.port, "POST", "/api/new", headers=headers,
                                 body=json.dumps({"answers": answers}).encode())
        assert status == 422 and "ei ole toiminimi" in json.loads(answer)["errors"]["sole_trader"]
        answers.update(name="Kampaamo Kiharat")
        status, answer = request(server.port, "POST", "/api/new", headers=headers,
                                 body=json.dumps({"answers": answers}).encode())
        assert status == 200, answer
        assert not target.exists()
        status, _ = request(server.port, "POST", "/api/save", headers=headers, body=b"{}")
        assert status == 200
        text = target.read_text(encoding="utf-8")
        assert "Kampaamo Kiharat" in text and "Oma Varaus" in text
        assert "form: sole_trader" in text and "Kirjaan esimerkiksi" in " ".join(text.split())
        findings = check_file(target)
        assert findings is not None and [f.format() for f in findings if f.severity.value == "error"] == []
    finally:
        server.shutdown()
        server.server_close()
