"""Run one expensive step (a PDF render) in a child process with a time and a memory budget.

    (pdf, findings), cpu_seconds = run_limited(render, html, seconds=15, memory_mb=768)

The child is forked (it shares everything already imported and warmed: the PDF engine, fonts, hyphenation),
limited in address space (`RLIMIT_AS`) and CPU time (`RLIMIT_CPU`: the budget counts the work done, so a
machine busy with other jobs does not fail a document), made to die with its parent (`PR_SET_PDEATHSIG`), and
killed when a wall-clock backstop (`WALL_FACTOR` times the budget) runs out as well. Its result comes back
pickled through a pipe. A step that runs past its budget raises `BudgetExceeded`, whatever state the child was
in, so one hostile document can cost a controller its build but never hang or exhaust the machine. On a system
without `fork` the step runs in this process, unlimited.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import math
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: Defaults for one PDF; the environment variables change them (e.g. for a very large document).
PDF_SECONDS = float(os.environ.get("SELOSTE_PDF_SECONDS", "15"))
PDF_MEMORY_MB = int(os.environ.get("SELOSTE_PDF_MEMORY_MB", "768"))
#: The wall-clock backstop: a child asleep or starved still ends.
WALL_FACTOR = 3.0


class BudgetExceeded(Exception):
    """The step ran past its time or memory budget (`kind` is "time" or "memory") and was stopped."""

    def __init__(self, kind: str, limit: float) -> None:
        super().__init__(kind, limit)
        self.kind = kind
        self.limit = limit


class ChildError(Exception):
    """The step raised an exception in the child: its type name and message."""


def _address_space() -> int:
    """This process's virtual size in bytes (0 when it cannot be read)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux `prctl(PR_SET_PDEATHSIG)`); elsewhere
    nothing. Exits at once if the parent is already gone."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _child(write: int, parent: int, func: Callable[..., Any], args: tuple[Any, ...], seconds: float,
           memory: int) -> None:
    # The child does one step and ends: its garbage goes with it. The cyclic collector would spend about a tenth
    # of a PDF's time looking for garbage (python -m benchmarks.run --only process); what it would free is a few
    # MiB per PDF, far inside the memory budget.
    gc.disable()
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills this child when it stops
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(ValueError, OSError):
        cpu = max(1, math.ceil(seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        if memory > 0:
            limit = _address_space() + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        message: tuple[str, Any] = ("ok", func(*args))
    except MemoryError:
        message = ("memory", None)
    except BaseException as exc:
        message = ("error", f"{type(exc).__name__}: {exc}")
    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        data = pickle.dumps(("error", f"{type(exc).__name__}: {exc}"))
    view = memoryview(data)
    while view:
        written = os.write(write, view)
        view = view[written:]


def run_limited(func: Callable[..., T], *args: Any, seconds: float = PDF_SECONDS,
                memory_mb: int = PDF_MEMORY_MB) -> tuple[T, float]:
    """`func(*args)` in a forked child within `seconds` of CPU time and `memory_mb` more memory; returns its
    result and the CPU seconds it took. Raises BudgetExceeded, or ChildError for an exception in the child.
    `func`'s result must be picklable."""
    if not hasattr(os, "fork"):  # pragma: no cover - seloste's platforms have fork
        return func(*args), 0.0
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child
        status = 0
        try:
            os.close(read)
            _child(write, parent, func, args, seconds, memory_mb * 2**20)
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write)
    chunks: list[bytes] = []
    wall = seconds * WALL_FACTOR + 5
    deadline = time.monotonic() + wall
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BudgetExceeded("time", seconds)
            ready, _, _ = select.select([read], [], [], min(left, 0.5))
            if not ready:
                continue
            chunk = os.read(read, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except BaseException:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        raise
    finally:
        os.close(read)
    _, status, usage = os.wait4(pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    if not chunks:
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGXCPU, signal.SIGKILL):
            raise BudgetExceeded("time", seconds)
        raise BudgetExceeded("memory", memory_mb)  # died without a word: out of memory in native code
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "memory":
        raise BudgetExceeded("memory", memory_mb)
    if kind == "error":
        raise ChildError(value)
    result: T = value
    return result, cpu
