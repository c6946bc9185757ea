"""Soak: hundreds of builds into one folder, interrupted at random moments by SIGINT, SIGTERM or SIGKILL while
the inputs are edited (some edits keeping the size, within one tick of the file-system clock), then proof by
re-rendering that every document the manifest calls current matches its input.

Each build is a forked copy of this process running `seloste build` (seloste is already imported, so a build
costs milliseconds and the few hundred fit in about a minute); HTML only, Finnish notices only.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time
from pathlib import Path

from seloste import manifest
from seloste.batch import BatchOptions
from seloste.build import render_file
from seloste.cli import main
from tests.test_validate import MINIMAL

BUILDS = 200
CONTROLLERS = 3
PROOF_EVERY = 20
ARGS = ["--only", "notice", "--format", "html", "--lang", "fi", "-j", "1", "-q"]


def _text(n: int, version: int) -> str:
    """Controller n at version `version`: the name changes with the version, the size only sometimes."""
    name = f"Soak {n} Oy versio {version % 1000:03d}" + (" uusi" * (version % 3))
    return MINIMAL.replace("Kauneushoitola Esimerkki", name).replace("schema_version: 1\n",
                                                                    f"schema_version: 1\nid: soak-{n}\n")


def _build(clients: Path, out: Path) -> int:
    """Fork a build; returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: a whole `seloste build`, as from the command line
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            main(["build", str(clients), "-o", str(out), *ARGS])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    return pid


def _wait(pid: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.005)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("a build did not finish within a minute")


def _prove(out: Path) -> int:
    """Everything the manifest (with its journal) would skip as current is what its input renders now; the
    number of such controllers."""
    key = manifest.global_key(BatchOptions(only="notice", fmt="html", languages=("fi",)).key_options(), None)
    checked = 0
    for entry in manifest.read(out).values():
        if not (entry.status == "built" and entry.key == key and manifest.unchanged(entry.dependencies)):
            continue
        rendered = render_file(Path(entry.file), only="notice", fmt="html", languages=["fi"])
        assert rendered.outputs, entry.file
        for name, data in rendered.outputs.items():
            assert (out / str(entry.slug) / name).read_bytes() == data, (entry.file, name)
        checked += 1
    return checked


def test_no_interrupted_build_ever_leaves_a_stale_document_marked_current(tmp_path: Path) -> None:
    rng = random.Random(17)
    clients, out = tmp_path / "clients", tmp_path / "out"
    clients.mkdir()
    versions = dict.fromkeys(range(CONTROLLERS), 0)
    for n in versions:
        (clients / f"c{n}.yaml").write_text(_text(n, 0), encoding="utf-8")
    codes: dict[int, int] = {}
    checked = 0
    started = time.monotonic()
    for build in range(1, BUILDS + 1):
        for n in rng.sample(sorted(versions), rng.randint(0, 2)):  # edits between builds
            versions[n] += 1
            (clients / f"c{n}.yaml").write_text(_text(n, versions[n]), encoding="utf-8")
        pid = _build(clients, out)
        action = rng.choice(["finish", "finish", "SIGINT", "SIGTERM", "SIGKILL", "SIGKILL", "edit"])
        if action != "finish":
            time.sleep(rng.uniform(0, 0.15))
            if action == "edit":  # saved while the build runs
                n = rng.randrange(CONTROLLERS)
                versions[n] += 1
                (clients / f"c{n}.yaml").write_text(_text(n, versions[n]), encoding="utf-8")
            else:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, getattr(signal, action))
        code = _wait(pid)
        codes[code] = codes.get(code, 0) + 1
        assert code in (0, 1, 2, 130, -9, -15, -2), code  # never 3: no internal error
        if build % PROOF_EVERY == 0:
            checked += _prove(out)
    seconds = time.monotonic() - started
    assert codes.get(0, 0) > 10 and sum(v for k, v in codes.items() if k != 0) >= 20, codes

    assert checked >= 10, checked

    # and one more build brings every document up to date, leaving nothing behind
    assert _wait(_build(clients, out)) == 0
    for n in versions:
        page = (out / f"soak-{n}" / "notice.fi.html").read_text(encoding="utf-8")
        assert f"versio {versions[n] % 1000:03d}" in page
    assert not list(out.rglob("*.tmp")) and not (out / ".seloste-manifest.json.journal").exists()
    print(f"soak: {BUILDS} builds in {seconds:.1f} s, exit codes {codes}, {checked} current documents proven")
