"""Each output format from one small report: exact text, versioned JSON, GitHub commands, valid SARIF, JUnit."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

from seloste.checker import Report
from seloste.checker.formats import github, json_report, junit, render, sarif, summary, text, use_color
from seloste.findings import Finding, Severity
from tests.conftest import ROOT

#: Microsoft's SARIF Multitool, installed from npm by `make test` (package.json, package-lock.json).
MULTITOOL = ROOT / "node_modules" / ".bin" / "sarif-multitool"


def multitool_errors(log: str, tmp_path: Path) -> list[str]:
    """What the SARIF Multitool's `validate` reports as errors: the SARIF 2.1.0 schema and the spec's rules.
    (Its warnings are authoring advice — an informationUri, a region even for a whole-file finding.)"""
    assert MULTITOOL.exists(), "the SARIF Multitool is missing: run `make test` (it installs it from npm)"
    source, result = tmp_path / "seloste.sarif", tmp_path / "validation.sarif"
    source.write_text(log, encoding="utf-8")
    subprocess.run([str(MULTITOOL), "validate", str(source), "--output", str(result), "--log", "ForceOverwrite"],
                   check=True, capture_output=True, timeout=300)
    results = json.loads(result.read_text(encoding="utf-8-sig"))["runs"][0].get("results", [])
    return [f"{r.get('level')} {r.get('ruleId')}: {r['message']}" for r in results
            if r.get("level", "warning") == "error"]

REPORT = Report(
    files=["a.yaml", "b.yaml", "c d.yaml"],
    findings=[
        Finding("a.yaml", 3, 5, "purpose-basis", Severity.ERROR, "the purpose 'P' has no legal basis",
                path="$.activities[0].purposes[0]", article="GDPR 6(1), 13(1)(c)", hint="Add 'basis:'."),
        Finding("a.yaml", 9, 1, "document-age", Severity.WARNING, "old, 30% stale\nreally", article="GDPR 12(1)"),
        Finding("c d.yaml", 0, 0, "unreadable", Severity.ERROR, "cannot read the file"),
        Finding("c d.yaml", 2, 1, "processor-agreement", Severity.INFO, "unused: x, y"),
    ],
)


def test_text_one_line_per_finding_with_article_and_hint() -> None:
    assert text(REPORT) == (
        "a.yaml:3:5: error: the purpose 'P' has no legal basis [purpose-basis]\n"
        "    GDPR 6(1), 13(1)(c) — Add 'basis:'.\n"
        "a.yaml:9:1: warning: old, 30% stale\nreally [document-age]\n"
        "    GDPR 12(1)\n"
        "c d.yaml:0:0: error: cannot read the file [unreadable]\n"
        "c d.yaml:2:1: info: unused: x, y [processor-agreement]\n"
    )
    assert summary(REPORT) == "3 files checked: 2 errors, 1 warning, 1 info"


def test_text_colour_only_when_asked() -> None:
    assert "\x1b[" not in text(REPORT)
    assert "\x1b[31m" in text(REPORT, color=True)
    assert use_color(True, {}) and not use_color(False, {})
    assert not use_color(True, {"NO_COLOR": "1"})


def test_json_is_versioned() -> None:
    data = json.loads(json_report(REPORT))
    assert data["version"] == 1
    assert data["summary"] == {"files": 3, "skipped": 0, "errors": 2, "warnings": 1, "info": 1}
    first = data["findings"][0]
    assert {k: first[k] for k in ("file", "line", "column", "rule", "severity", "message", "article", "hint")} == {
        "file": "a.yaml", "line": 3, "column": 5, "rule": "purpose-basis", "severity": "error",
        "message": "the purpose 'P' has no legal basis", "article": "GDPR 6(1), 13(1)(c)", "hint": "Add 'basis:'."}


def test_github_annotations_are_escaped() -> None:
    lines = github(REPORT).splitlines()
    assert lines[0] == ("::error file=a.yaml,line=3,col=5,title=seloste purpose-basis (GDPR 6(1)%2C 13(1)(c))"
                        "::the purpose 'P' has no legal basis%0AAdd 'basis:'.")
    assert lines[1].startswith("::warning file=a.yaml,line=9,col=1,") and lines[1].endswith("old, 30%25 stale%0Areally")
    assert lines[2] == "::error file=c d.yaml,title=seloste unreadable::cannot read the file"
    assert lines[3].startswith("::notice ")


def test_sarif_passes_microsofts_multitool(tmp_path: Path) -> None:
    assert multitool_errors(sarif(REPORT), tmp_path) == []
    log = json.loads(sarif(REPORT))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "purpose-basis" in ids and "unreadable" in ids
    basis = rules[ids.index("purpose-basis")]
    assert basis["defaultConfiguration"]["level"] == "error" and basis["help"]["text"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "error", "note"]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 5}
    assert "region" not in results[2]["locations"][0]["physicalLocation"]
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "c%20d.yaml"
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in results)


def test_junit_parses_one_case_per_file() -> None:
    root = ET.fromstring(junit(REPORT))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a.yaml", "b.yaml", "c d.yaml"]
    assert suite.get("tests") == "3" and suite.get("failures") == "2"
    assert [f.get("type") for f in cases[0].findall("failure")] == ["purpose-basis"]
    assert "document-age" in (cases[0].findtext("system-out") or "")
    assert cases[1].findall("failure") == []
    strict = ET.fromstring(junit(REPORT, strict=True)).find("testsuite")
    assert strict is not None
    assert [f.get("type") for f in strict.findall("testcase")[0].findall("failure")] == ["purpose-basis",
                                                                                         "document-age"]


def test_render_dispatches_every_format(tmp_path: Path) -> None:
    for fmt in ("text", "json", "github", "sarif", "junit"):
        assert render(fmt, REPORT)
    assert render("text", Report()) == ""


def test_multitool_catches_a_broken_log(tmp_path: Path) -> None:
    log = json.loads(sarif(REPORT))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["tool"]["driver"]["name"]
    errors = multitool_errors(json.dumps(log), tmp_path)
    assert any("fatal" in e for e in errors) and any("'name'" in e for e in errors), errors
