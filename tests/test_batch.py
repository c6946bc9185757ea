"""Batch builds: failure isolation, incremental rebuilds, parallel determinism, shards, index and summary."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.generate import generate
from seloste import warm
from seloste.batch import in_shard
from seloste.cli import cli
from tests.conftest import ROOT


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def documents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and len(p.relative_to(folder).parts) > 1}


@pytest.fixture
def clients(tmp_path: Path) -> Path:
    folder = tmp_path / "clients"
    generate(12, folder)
    return folder


def test_one_broken_file_fails_alone(clients: Path, tmp_path: Path) -> None:
    (clients / "asiakas-00003.yaml").write_text("schema_version: 1\ncontroller: [\n", encoding="utf-8")
    out, summary = tmp_path / "out", tmp_path / "summary.json"
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1", "--summary-json", str(summary))
    assert code == 1
    assert "asiakas-00003.yaml:3:1: error: YAML syntax error" in output
    assert "12 controller(s): 11 built, 0 skipped, 1 failed" in output
    assert len({Path(name).parts[0] for name in documents(out)}) == 11
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert (data["run"]["built"], data["run"]["failed"]) == (11, 1)
    assert data["run"]["failures"][0]["file"].endswith("asiakas-00003.yaml")
    statuses = {Path(c["file"]).name: c["status"] for c in data["controllers"]}
    assert statuses["asiakas-00003.yaml"] == "failed" and statuses["asiakas-00004.yaml"] == "built"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr>") == 13  # header + 12 controllers, the failed one included
    assert 'href="asiakas-00004/notice.fi.html"' in index
    assert "ei rakennettu" in index


def test_incremental_rebuilds(clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(str(clients), "-o", str(out), "--format", "html", "-j", "1")[0] == 0
    before = documents(out)
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 0
    assert "0 built, 12 skipped" in output
    # a touch that changes nothing but the time is still skipped; a real change rebuilds that file alone
    os.utime(clients / "asiakas-00001.yaml", ns=(1, 1))
    changed = clients / "asiakas-00002.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Asiakasyritys 2 Oy", "Uusi Nimi Oy"),
                       encoding="utf-8")
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert "1 built, 11 skipped" in output
    after = documents(out)
    assert [k for k in after if after[k] != before[k]] == sorted(  # the examples' languages: fi, sv, en
        f"asiakas-00002/{name}.{lang}{ext}" for lang in ("fi", "sv", "en")  # (the fragment's CSS is the same)
        for name, ext in (("notice", ".fragment.html"), ("notice", ".html"), ("record", ".html")))
    # other options or --force rebuild everything
    assert "12 built" in run(str(clients), "-o", str(out), "--format", "html", "--force", "-j", "1")[1]
    assert "12 built" in run(str(clients), "-o", str(out), "--format", "html", "--only", "notice", "-j", "1")[1]


def test_removed_controller_is_reported(clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    (clients / "asiakas-00005.yaml").unlink()
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 0
    assert "asiakas-00005.yaml: removed from the input" in output
    assert (out / "asiakas-00005" / "notice.fi.html").exists()


def test_a_failed_rebuild_leaves_the_earlier_documents(clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    before = documents(out)
    broken = clients / "asiakas-00000.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 9"),
                      encoding="utf-8")
    code, _ = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 1
    assert documents(out) == before
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="asiakas-00000/notice.fi.html"' in index  # the earlier documents are still linked


def test_shared_file_change_rebuilds_its_dependents(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(3, clients)
    (clients / "_shared").mkdir()
    shared = clients / "_shared" / "defaults.yaml"
    shared.write_text("branding: {accent_color: '#2f6f5e'}\n", encoding="utf-8")
    first = clients / "asiakas-00000.yaml"
    first.write_text("extends: _shared/defaults.yaml\n" + first.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(clients), "-o", str(out), "--format", "html", "-j", "1")[0] == 0
    shared.write_text("branding: {accent_color: '#7a2f5e'}\n", encoding="utf-8")
    assert "1 built, 2 skipped" in run(str(clients), "-o", str(out), "--format", "html", "-j", "1")[1]


def test_jobs_do_not_change_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm, "MEMORY_BUDGET_MIB", -1)  # every worker is replaced after its first controller
    clients = tmp_path / "clients"
    generate(5, clients)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(str(clients), "-o", str(one), "--only", "notice", "-j", "1")[0] == 0
    assert run(str(clients), "-o", str(two), "--only", "notice", "-j", "2")[0] == 0
    assert documents(one) == documents(two)
    assert any(name.endswith(".pdf") for name in documents(one))


def test_shards_partition_the_batch_and_index_merges_them(clients: Path, tmp_path: Path) -> None:
    files = [str(p) for p in sorted(clients.glob("*.yaml"))]
    shares = [[f for f in files if in_shard(f, (k, 3))] for k in (1, 2, 3)]
    assert sorted(f for share in shares for f in share) == files
    out = tmp_path / "out"
    built = 0
    for k in (1, 2, 3):
        code, output = run(str(clients), "-o", str(out), "--format", "html", "--shard", f"{k}/3", "-j", "1")
        assert code in (0, 2), output
        built += len(shares[k - 1])
    assert sorted(p.name for p in out.glob(".seloste-manifest-*")) == [
        ".seloste-manifest-1-of-3.json", ".seloste-manifest-2-of-3.json", ".seloste-manifest-3-of-3.json"]
    merged = tmp_path / "merged.json"
    result = CliRunner().invoke(cli, ["index", str(out), "--summary-json", str(merged)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(merged.read_text(encoding="utf-8"))["controllers"]) == 12 == built
    assert (out / "index.html").read_text(encoding="utf-8").count("<tr>") == 13


@pytest.mark.parametrize("shard", ["0/3", "4/3", "x", "1/0"])
def test_bad_shard_is_a_usage_error(clients: Path, tmp_path: Path, shard: str) -> None:
    assert run(str(clients), "-o", str(tmp_path / "o"), "--shard", shard)[0] == 2


def test_progress_lines_when_not_a_terminal(clients: Path, tmp_path: Path) -> None:
    code, output = run(str(clients), "-o", str(tmp_path / "o"), "--format", "html", "-j", "1")
    assert code == 0
    assert "progress: 12/12 · built 12 · skipped 0 · failed 0" in output
    code, output = run(str(clients), "-o", str(tmp_path / "q"), "--format", "html", "-j", "1", "--quiet")
    assert "progress:" not in output and "built into" not in output
    assert "12 controller(s): 12 built" in output


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_keeps_finished_documents_and_leaves_no_partial_file(tmp_path: Path, signum: int) -> None:
    clients = tmp_path / "clients"
    generate(30, clients)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "1",
                             "--only", "notice", "--format", "pdf"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180  # a loaded machine
    while time.monotonic() < deadline and len(list(out.glob("*/notice.fi.pdf"))) < 2:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    assert "Traceback" not in err
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    pdfs = list(out.glob("*/notice.fi.pdf"))
    assert 2 <= len(pdfs) < 30
    for pdf in pdfs:
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    manifest = json.loads((out / ".seloste-manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["entries"]) == len(pdfs)


def test_index_links_every_language(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = run(str(ROOT / "examples" / "ihoklinikka-aurora.yaml"), "-o", str(out), "--format", "html",
                       "--lang", "fi,sv,en", "-j", "1")
    assert code == 0, output
    index = (out / "index.html").read_text(encoding="utf-8")
    for lang in ("fi", "sv", "en"):
        for kind in ("notice", "record"):
            assert f'href="ihoklinikka-aurora/{kind}.{lang}.html" hreflang="{lang}"' in index
