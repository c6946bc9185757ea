"""Never stale, never stuck: a manifest that cannot lie, one writer per output folder, interrupts that end at
once and keep finished work, workers that die with their parent, faults told as sentences."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.generate import generate
from seloste import manifest
from seloste.batch import BatchOptions, build_one
from seloste.cli import cli
from seloste.outdir import LOCK_NAME, OutputLock
from tests.conftest import ROOT
from tests.test_validate import MINIMAL


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def seloste(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "seloste", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


def stamp(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's (inode, mtime) under a folder: a build that writes anything changes it."""
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped does not count)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def group(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-g", str(pid)], capture_output=True, text=True, check=False).stdout.split()
    return [int(p) for p in found]


def test_the_hash_recorded_is_that_of_the_bytes_rendered(tmp_path: Path) -> None:
    source = tmp_path / "c.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    outcome = build_one(str(source), BatchOptions(fmt="html", only="notice"))
    assert outcome.status == "built"
    source.write_text(MINIMAL.replace("Esimerkki", "Muutettu"), encoding="utf-8")  # saved after the render
    (dep,) = outcome.dependencies
    import hashlib

    assert dep.sha256 == hashlib.sha256(MINIMAL.encode()).hexdigest()
    assert not manifest.unchanged(outcome.dependencies)


def test_an_edit_in_the_same_clock_tick_and_size_is_rebuilt(tmp_path: Path) -> None:
    source = tmp_path / "c.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    assert run(str(source), "-o", str(out), "--format", "html", "-j", "1")[0] == 0
    recorded = os.stat(source).st_mtime_ns
    source.write_text(MINIMAL.replace("Esimerkki", "Esimerkka"), encoding="utf-8")  # same size
    os.utime(source, ns=(recorded, recorded))  # and, as a coarse file-system clock can show it, the same time
    _, output = run(str(source), "-o", str(out), "--format", "html", "-j", "1")
    assert "1 built" in output, output
    assert "Esimerkka" in (out / "c" / "notice.fi.html").read_text(encoding="utf-8")


def test_a_journal_left_by_a_killed_build_is_replayed(tmp_path: Path) -> None:
    entry = manifest.Entry("a.yaml", "a", "built", "key", [manifest.Dependency("a.yaml", 1, 1, "x", 10**19)],
                           ["notice.fi.html"])
    done = manifest.Entry("b.yaml", "b", "built", "key", [], ["notice.fi.html"])
    (tmp_path / ".seloste-manifest.json").write_bytes(manifest.serialise({"a.yaml": entry}))
    journal = manifest.Journal(tmp_path / ".seloste-manifest.json")
    journal.writing("a.yaml", "a")  # killed while writing a's documents
    journal.writing("b.yaml", "b")
    journal.entry(done)  # b's documents were all in place
    journal.close(remove=False)
    with (tmp_path / ".seloste-manifest.json.journal").open("ab") as handle:
        handle.write(b'{"event": "entry", "file": "c.yaml", "ent')  # a torn last line
    entries = manifest.read(tmp_path)
    assert entries["a.yaml"].status == "failed" and entries["a.yaml"].key == ""
    assert entries["a.yaml"].documents == ["notice.fi.html"]  # still listed in the index
    assert entries["b.yaml"].status == "built"
    assert "c.yaml" not in entries


def test_a_build_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(3, clients)
    out = tmp_path / "out"
    assert run(str(clients), "-o", str(out), "--format", "html", "-j", "1")[0] == 0
    before = stamp(out)
    time.sleep(0.05)
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 0 and "0 built, 3 skipped" in output
    assert stamp(out) == before


def test_leftover_temporary_files_are_cleaned(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(2, clients)
    out = tmp_path / "out"
    assert run(str(clients), "-o", str(out), "--format", "html", "-j", "1")[0] == 0
    leftovers = [out / ".index.html.x1y2z3.tmp", out / "asiakas-00000" / ".notice.fi.html.abcdef.tmp"]
    for path in leftovers:
        path.write_bytes(b"half a document")
    code, output = run(str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert code == 0
    assert not any(path.exists() for path in leftovers)
    assert "removed 2 temporary file(s)" in output


def test_a_second_build_into_the_folder_waits_for_the_first(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(2, clients)
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        proc = subprocess.Popen([sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "1",
                                 "--format", "html"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        assert proc.stderr is not None
        first = proc.stderr.readline()  # blocks until the build says why it waits
        assert "another seloste build is writing into" in first and LOCK_NAME in first
        time.sleep(1)
        assert proc.poll() is None  # still waiting, not writing
        assert not (out / "index.html").exists()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert len(manifest.read(out)) == 2


def test_two_builds_at_once_both_finish_and_the_manifest_lists_every_controller(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(6, clients)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "1", "--format", "html"]
    procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    entries = manifest.read(out)
    assert len(entries) == 6 and all(e.status == "built" for e in entries.values())


def test_an_unusable_output_folder_is_a_message_and_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "c.yaml"
    source.write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    done = seloste("build", str(source), "-o", str(tmp_path / "file" / "out"), "--format", "html")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "cannot use" in done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Path:
    """A 4 MiB file system of its own (tmpfs), for a full disk and a read-only folder."""
    if os.geteuid() != 0:
        pytest.fail("this test mounts a small tmpfs and must run as root (as `make test` does in CI)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_is_a_message_and_leaves_nothing_half_written(tmp_path: Path, small_disk: Path) -> None:
    clients = tmp_path / "clients"
    generate(12, clients)
    free = os.statvfs(small_disk).f_bavail * os.statvfs(small_disk).f_frsize
    (small_disk / "filler").write_bytes(b"x" * (free - 250_000))  # room for a few controllers, not twelve
    done = seloste("build", str(clients), "-o", str(small_disk / "out"), "--format", "html", "-j", "1")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "the disk is full" in done.stderr and "free some space" in done.stderr
    assert not list(small_disk.rglob("*.tmp"))
    for folder in (small_disk / "out").iterdir():
        if folder.is_dir():  # every controller folder holds a whole set of documents, or none
            names = sorted(p.name for p in folder.iterdir())
            assert names in ([], sorted(["notice.fi.html", "notice.fi.fragment.html", "record.fi.html",
                                         "notice.sv.html", "notice.sv.fragment.html", "record.sv.html",
                                         "notice.en.html", "notice.en.fragment.html", "record.en.html"])), names
    for entry in manifest.read(small_disk / "out").values():  # and the manifest calls none of them current
        if entry.status == "built":
            assert (small_disk / "out" / str(entry.slug) / "notice.fi.html").is_file()


def test_a_read_only_output_folder_is_exit_2_but_a_no_change_build_succeeds(tmp_path: Path,
                                                                            small_disk: Path) -> None:
    clients = tmp_path / "clients"
    generate(2, clients)
    out = small_disk / "out"
    assert seloste("build", str(clients), "-o", str(out), "--format", "html", "-j", "1").returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    done = seloste("build", str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert done.returncode == 0, done.stderr  # nothing changed: nothing to write
    changed = clients / "asiakas-00001.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Asiakasyritys 1 Oy", "Uusi Oy"),
                       encoding="utf-8")
    done = seloste("build", str(clients), "-o", str(out), "--format", "html", "-j", "1")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "read-only file system" in done.stderr


def test_ctrl_c_with_two_workers_stops_at_once_and_keeps_finished_controllers(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(20, clients)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "2",
                             "--only", "notice", "--format", "pdf"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(list(out.glob("*/notice.fi.pdf"))) < 2:
        time.sleep(0.05)
    members = group(proc.pid)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole group
    _, err = proc.communicate(timeout=60)
    stopped = time.monotonic() - started
    assert proc.returncode == 130, err
    assert stopped < 3, stopped  # the issue asks for 2 s; a loaded test machine gets a second more
    assert "Traceback" not in err
    time.sleep(0.5)
    assert not [pid for pid in members if alive(pid)]
    pdfs = list(out.glob("*/notice.fi.pdf"))
    assert len(pdfs) >= 2
    entries = manifest.read(out)
    assert {e.slug for e in entries.values() if e.status == "built"} == {p.parent.name for p in pdfs}
    assert not list(out.rglob("*.tmp"))


def test_a_killed_parent_takes_its_workers_and_renders_with_it(tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(20, clients)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "2",
                             "--only", "notice", "--format", "pdf"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(group(proc.pid)) < 4:  # parent, two workers, a render
        time.sleep(0.05)
    members = group(proc.pid)
    assert len(members) >= 3, members
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and [pid for pid in members if alive(pid)]:
        time.sleep(0.1)
    assert not [pid for pid in members if alive(pid)]


def test_an_interrupted_build_leaves_a_journal_the_next_build_trusts_only_as_far_as_it_goes(
        tmp_path: Path) -> None:
    clients = tmp_path / "clients"
    generate(8, clients)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "seloste", "build", str(clients), "-o", str(out), "-j", "1",
                             "--only", "notice", "--format", "pdf"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(list(out.glob("*/notice.fi.pdf"))) < 2:
        time.sleep(0.05)
    proc.kill()
    proc.wait(timeout=30)
    journal = out / ".seloste-manifest.json.journal"
    assert journal.exists()
    entries = manifest.read(out)
    built = {e.slug for e in entries.values() if e.status == "built"}
    assert built and built <= {p.parent.name for p in out.glob("*/notice.fi.pdf")}
    events = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line.endswith("}")]
    assert events[0]["event"] == "writing"


def test_preview_survives_concurrent_requests(tmp_path: Path) -> None:
    """(The preview's own test file covers pages; here only that threads never mix fields.)"""
    from urllib.request import Request, urlopen

    from seloste.preview import PreviewServer

    server = PreviewServer(ROOT / "examples" / "kauneuskeskus-kielo.yaml", 0)
    server.start()
    try:
        def get(path: str) -> str:
            with urlopen(Request(server.url + path.lstrip("/")), timeout=60) as response:
                return str(response.read().decode("utf-8"))

        expected = {path: get(path) for path in ("/", "/record")}
        results: list[tuple[str, str]] = []

        def worker(path: str) -> None:
            results.append((path, get(path)))

        threads = [threading.Thread(target=worker, args=(("/", "/record")[i % 2],)) for i in range(60)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert len(results) == 60
        wrong = [path for path, page in results if page != expected[path]]
        assert wrong == []
    finally:
        server.shutdown()
        server.server_close()


def test_preview_answers_only_its_own_host(tmp_path: Path) -> None:
    import http.client

    from seloste.preview import PreviewServer

    server = PreviewServer(ROOT / "examples" / "kauneuskeskus-kielo.yaml", 0)
    server.start()
    try:
        port = server.server_address[1]
        for host, status in ((f"127.0.0.1:{port}", 200), (f"localhost:{port}", 200), ("evil.example", 421),
                             (f"evil.example:{port}", 421), ("", 421)):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.putrequest("GET", "/version", skip_host=True)
            if host:
                connection.putheader("Host", host)
            connection.endheaders()
            assert connection.getresponse().status == status, host
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
