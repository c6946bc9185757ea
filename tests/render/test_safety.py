"""Text from the YAML can't inject HTML, scripts, javascript: links or CSS; the PDF engine reads nothing it
should not."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from seloste.findings import Finding, Severity
from seloste.loader import Document, loads
from seloste.pdf import write_pdf
from seloste.render import render_html
from seloste.resources import templates_dir
from seloste.validate import validate_document

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
PAYLOAD = f"{SCRIPT} {LINK} <img src=x onerror=alert(2)>"

YAML = f"""
schema_version: 1
id: payload
document:
  drafted: 2024-01-01
  changes:
    - date: 2024-01-01
      summary: '{PAYLOAD}'
controller:
  name: 'Firma <b>Oy</b> "</title><script>alert(3)</script>'
  business_id: 2077474-0
  email: info@example.fi
privacy_contact:
  name: '{SCRIPT}'
  role: '{PAYLOAD}'
processors:
  - id: p1
    name: '{SCRIPT}'
    service: '{PAYLOAD}'
    privacy_policy: https://example.fi/tietosuoja
activities:
  - id: a1
    name: '{PAYLOAD}'
    description: '{PAYLOAD} [ok](https://example.fi/) [mail](mailto:a@example.fi)'
    purposes:
      - purpose: '{PAYLOAD}'
        basis: legitimate_interests
        legitimate_interest: '{PAYLOAD}'
    data_subjects: ['{PAYLOAD}']
    data_categories:
      - id: c1
        name: '{PAYLOAD}'
        items: ['{PAYLOAD}']
    sources:
      - type: third_party
        description: '{PAYLOAD}'
    recipients:
      - name: '{PAYLOAD}'
        description: '{PAYLOAD}'
    processors: [p1]
    transfers:
      - country: US
        recipient: p1
        safeguard: standard_contractual_clauses
        safeguard_note: '{PAYLOAD}'
    retention:
      - criterion: '{PAYLOAD}'
rights:
  how_to_request: '{PAYLOAD}'
cookies:
  used: true
  items:
    - name: '{SCRIPT}'
      category: statistics
      purpose: '{PAYLOAD}'
extra_sections:
  - title: '{PAYLOAD}'
    body: '{PAYLOAD}'
    in: [notice, record]
branding:
  font: 'x"; }} body {{ background: url(http://evil.example/) }} .y {{ font-family: "a'
"""


@pytest.fixture(scope="module")
def payload_doc() -> Document:
    doc = loads(YAML, "payload.yaml")
    assert [f.format() for f in validate_document(doc)] == []
    return doc


@pytest.mark.parametrize("kind", ["notice", "record"])
@pytest.mark.parametrize("fragment", [False, True])
def test_payloads_come_out_escaped(payload_doc: Document, kind: str, fragment: bool) -> None:
    html = render_html(payload_doc, kind, fragment=fragment)  # type: ignore[arg-type]
    lowered = html.lower()
    assert "<script" not in lowered
    hrefs = re.findall(r'href="([^"]*)"', lowered)
    assert hrefs and not [h for h in hrefs if not h.startswith(("https:", "http:", "mailto:", "tel:", "#"))]
    assert "<a>x</a>" in lowered or "<a rel=\"noopener noreferrer\">x</a>" in lowered  # markdown fields: no href
    assert not re.search(r"<[a-z]+[^>]* onerror", lowered)
    assert "<img src=x" not in lowered
    assert "<b>oy</b>" not in lowered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "evil.example/) }" not in html  # the font name stays inside one quoted CSS string
    if kind == "notice" and not fragment:
        assert '<a href="https://example.fi/" rel="noopener noreferrer">ok</a>' in html
        assert 'href="mailto:a@example.fi"' in html


def test_markdown_keeps_only_safe_markup() -> None:
    from seloste.render.markup import to_html

    text = "**b** <i>x</i>\n\n- [a](http://e.fi) [t](tel:+358401234567)\n- [j](JaVaScRiPt:alert(1))\n\n# H"
    html = str(to_html(text))
    assert "<strong>b</strong>" in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html
    assert 'href="http://e.fi"' in html and 'href="tel:+358401234567"' in html
    assert "javascript" not in html.lower()
    assert "<h1" not in html


def _pdf_findings(html: str, folder: Path) -> list[Finding]:
    findings: list[Finding] = []
    write_pdf(html, folder, [folder, templates_dir()], findings=findings, source="x.yaml")
    return findings


def test_pdf_engine_refuses_network_and_outside_files(tmp_path: Path) -> None:
    (tmp_path / "inside.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    outside = tmp_path.parent / f"{tmp_path.name}-outside.svg"
    shutil.copy(tmp_path / "inside.svg", outside)
    html = f"""<!doctype html><html lang="fi"><head><title>t</title>
    <link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>
    <img src="file:///etc/passwd" alt="a"><img src="https://example.invalid/x.png" alt="b">
    <img src="../{outside.name}" alt="c"><img src="inside.svg" alt="d"></body></html>"""
    findings = _pdf_findings(html, tmp_path)
    refused = " ".join(f.message for f in findings if f.rule == "pdf-resource")
    assert "file:///etc/passwd" in refused
    assert "http://127.0.0.1:9/x.css" in refused
    assert "https://example.invalid/x.png" in refused
    assert outside.name in refused
    assert "inside.svg" not in refused
    assert all(f.severity is Severity.WARNING for f in findings)


def test_pdf_engine_refuses_a_symlink_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "link.svg").symlink_to("/etc/passwd")
    findings = _pdf_findings('<html lang="fi"><body><img src="link.svg" alt="x"></body></html>', tmp_path)
    assert any(f.rule == "pdf-resource" and "link.svg" in f.message for f in findings)


def test_logo_outside_the_yaml_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    doc = loads(YAML.replace("branding:\n  font:", "branding:\n  logo: ../secret.png\n  font:"),
                str(folder / "payload.yaml"))
    findings: list[Finding] = []
    html = render_html(doc, "notice", findings=findings)
    assert [f.rule for f in findings] == ["branding-logo"]
    assert findings[0].severity is Severity.WARNING
    assert "<img" not in html


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\x2b\x5c\x8a" * 2 + b"\x00" + b"\x2b\x5c\x8a" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_logo_next_to_the_yaml_is_embedded(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(tiny_png())
    doc = loads(YAML.replace("branding:\n  font:", "branding:\n  logo: logo.png\n  accent_color: '#ffd000'\n  font:"),
                str(tmp_path / "payload.yaml"))
    findings: list[Finding] = []
    html = render_html(doc, "notice", findings=findings)
    assert [f.rule for f in findings] == ["branding-contrast"]  # a yellow accent is darkened for reading
    assert '<img class="seloste-logo" src="data:image/png;base64,' in html
    assert 'alt="Firma &lt;b&gt;Oy&lt;/b&gt;' in html
    pdf_findings: list[Finding] = []
    pdf = write_pdf(html, tmp_path, [tmp_path, templates_dir()], findings=pdf_findings)
    assert pdf_findings == []
    assert b"/Subtype /Image" in pdf or b"/Subtype/Image" in pdf
