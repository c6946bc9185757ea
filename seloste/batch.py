"""Batch builds: many controllers, in parallel, incrementally, one broken file never stopping the rest.

    result = run_batch([Path("clients")], Path("out"), BatchOptions(jobs=2))

The parent plans (find files, take this shard's share, skip what the manifest shows unchanged), the workers
validate, check and render each controller to bytes, and the parent writes the documents in input order,
atomically, so the output is the same whatever the number of workers. A controller that fails leaves its
earlier documents untouched. The manifest is written at the end, and also when the run is interrupted; while
the run goes on, a journal records each controller once its documents are in place (see `seloste.manifest`),
so even a killed build leaves a manifest that never calls a document current that is not.

Interrupts: SIGINT or SIGTERM stops the workers at once (their unfinished renders are thrown away: nothing of
them was written) and keeps every controller already written. Workers die with the parent even when it is
killed outright (`PR_SET_PDEATHSIG`). A caller should hold `seloste.outdir.OutputLock` around `run_batch`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import manifest, warm
from .budget import ChildError, die_with_parent
from .build import Format, Only, render_file, write_if_changed, write_outputs
from .findings import Finding, Severity
from .manifest import Entry
from .outdir import OutputError, describe, remove_leftovers
from .validate import find_files, input_roots

if TYPE_CHECKING:
    from concurrent.futures import Future


@dataclass(frozen=True)
class BatchOptions:
    only: Only | None = None
    fmt: Format | None = None
    templates: Path | None = None
    languages: tuple[str, ...] | None = None
    fallback: bool = False
    jobs: int = 1
    force: bool = False
    shard: tuple[int, int] | None = None
    config: Any = None  # a seloste.checker.Config for the check status; None: the default rules
    #: Resolved folders the input files must lie in (a symbolic link out of them is refused); None: any.
    roots: tuple[str, ...] | None = None
    heading_base: int = 1  # the level of the fragment's title (--heading-base)

    def key_options(self) -> dict[str, Any]:
        return {"only": self.only, "fmt": self.fmt, "languages": self.languages, "fallback": self.fallback,
                "heading_base": self.heading_base}


@dataclass
class Outcome:
    """One controller's result, as a worker sends it back to the parent."""

    file: str
    status: str  # built, skipped or failed
    slug: str | None = None
    findings: list[Finding] = field(default_factory=list)
    outputs: dict[str, bytes] = field(default_factory=dict)
    dependencies: list[manifest.Dependency] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    name: str = ""
    updated: str = ""
    #: The check's errors and warnings of a built controller, for the index and its report.
    checked: list[Finding] = field(default_factory=list)


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    interrupted: bool = False
    #: The output folder could not be written (the run stopped there); its message says what to do.
    error: OutputError | None = None
    #: Temporary files an earlier, killed build had left, removed by this one.
    cleaned: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def in_shard(file: str, shard: tuple[int, int] | None) -> bool:
    """A stable share: the same file lands in the same shard on every machine and run."""
    if shard is None:
        return True
    index, total = shard
    return int.from_bytes(hashlib.sha256(file.encode()).digest()[:8], "big") % total == index - 1


def _dependencies(doc: Any) -> list[manifest.Dependency]:
    """The stamps of every file the rendered documents were made from, as they were read."""
    return [manifest.Dependency.of(stamp) for stamp in doc.sources.values()]


def build_one(file: str, options: BatchOptions) -> Outcome:
    """Validate, check and render one controller (in a worker). Never raises for bad input."""
    from .checker import check_document

    path = Path(file)
    try:
        rendered = render_file(path, only=options.only, fmt=options.fmt, templates=options.templates,
                               languages=list(options.languages) if options.languages is not None else None,
                               fallback=options.fallback, heading_base=options.heading_base,
                               roots=[Path(r) for r in options.roots] if options.roots is not None else None)
    except ChildError as exc:  # the PDF engine itself failed (no usable font, a broken library)
        return Outcome(file, "failed", findings=[Finding(
            file, 0, 0, "render-failed", Severity.ERROR, f"the PDF engine failed: {exc}",
            hint="Check that the fonts and libraries WeasyPrint needs are installed (fc-list lists the fonts; "
                 "'make system-deps' installs them on Debian), then build again.")])
    except Exception as exc:
        return Outcome(file, "failed", findings=[Finding(
            file, 0, 0, "render-failed", Severity.ERROR, f"rendering failed: {type(exc).__name__}: {exc}",
            hint="This is a bug in seloste; please report it with the file.")])
    outcome = Outcome(file, "failed", rendered.slug, rendered.findings, rendered.outputs)
    doc = rendered.document
    if doc is None or rendered.slug is None:
        return outcome
    controller = doc.data.get("controller")
    outcome.name = str(controller.get("name", "")) if isinstance(controller, dict) else ""
    meta = doc.data.get("document")
    outcome.updated = str(meta.get("updated") or meta.get("drafted") or "") if isinstance(meta, dict) else ""
    checked = check_document(doc, options.config)
    outcome.errors = sum(1 for f in checked if f.severity is Severity.ERROR)
    outcome.warnings = sum(1 for f in checked if f.severity is Severity.WARNING)
    outcome.checked = [f for f in checked if f.severity is not Severity.INFO]
    if rendered.outputs:
        outcome.dependencies = _dependencies(doc)
        outcome.status = "built"
    return outcome


def _work(file: str, options: BatchOptions) -> tuple[Outcome, bool]:
    """A worker's task: one controller, and whether this worker has now outgrown its memory budget."""
    return build_one(file, options), warm.outgrown()


def _start_worker(templates: Path | None, pdf: bool, inherited: bool, parent: int) -> None:
    """A worker dies with its parent (a SIGKILLed build leaves no workers behind), then starts warm."""
    die_with_parent(parent)
    warm.start_worker(templates, pdf, inherited)


def _outcomes(files: list[str], options: BatchOptions) -> Iterator[Outcome]:
    """Each file's outcome, in input order.

    With several workers the parent builds the first controller itself and prepares what that left cold
    (seloste.warm), then workers start from that warm parent; a pool is replaced only when one of its workers
    outgrew its memory budget (it finishes the work it was given first)."""
    if not files:
        return
    parallel = options.jobs > 1 and len(files) > 1
    first = build_one(files[0], options)
    if parallel:  # what the first controller did not warm up (all of it when it failed early)
        warm.prepare(options.templates, options.fmt != "html", first_document=first.status != "built")
    yield first
    if len(files) == 1:
        return
    gc.collect()
    gc.freeze()  # what start-up and the first controller left is long-lived: keep it out of the collector's way
    try:
        if parallel:
            yield from _in_workers(deque(files[1:]), options)
        else:
            for file in files[1:]:
                yield build_one(file, options)
    finally:
        gc.unfreeze()  # the caller's process is its own again


def _in_workers(queue: deque[str], options: BatchOptions) -> Iterator[Outcome]:
    """The outcomes of the controllers in `queue`, in order, from pools of workers started from this process."""
    from concurrent.futures import ProcessPoolExecutor  # only parallel builds need it

    pdf = options.fmt != "html"
    ctx = warm.context()
    while queue:
        with ProcessPoolExecutor(max_workers=options.jobs, mp_context=ctx, initializer=_start_worker,
                                 initargs=(options.templates, pdf, warm.inherits(ctx), os.getpid())) as pool:
            running: deque[Future[tuple[Outcome, bool]]] = deque()
            outgrown = False
            try:
                while queue or running:
                    while queue and not outgrown and len(running) < 2 * options.jobs:
                        running.append(pool.submit(_work, queue.popleft(), options))
                    if not running:
                        break
                    outcome, full = running.popleft().result()
                    outgrown = outgrown or full
                    yield outcome
            except BaseException:
                _stop(pool)
                raise


def _stop(pool: Any) -> None:
    """Stop a pool at once: kill the workers (what they were rendering is thrown away; nothing of it was
    written), so an interrupted batch ends within a moment, not after the renders under way."""
    for pid in list(getattr(pool, "_processes", None) or {}):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _write(outcome: Outcome, out_dir: Path, taken: set[str], journal: manifest.Journal) -> None:
    assert outcome.slug is not None
    if outcome.slug in taken:
        outcome.status, outcome.outputs = "failed", {}
        outcome.findings.append(Finding(outcome.file, 1, 1, "duplicate-output", Severity.ERROR,
                                        f"another input file in this run also builds into '{outcome.slug}'; "
                                        "this one was skipped", hint="Give each controller file its own 'id'."))
        return
    taken.add(outcome.slug)
    journal.writing(outcome.file, outcome.slug)  # before any document of it is replaced
    write_outputs(out_dir, outcome.slug, outcome.outputs)


def _entry(outcome: Outcome, key: str, previous: Entry | None) -> Entry:
    if outcome.status == "built":
        entry = Entry(outcome.file, outcome.slug, "built", key, outcome.dependencies, sorted(outcome.outputs),
                      outcome.errors, outcome.warnings, outcome.name, outcome.updated)
    else:
        kept = previous.documents if previous else []
        slug = previous.slug if previous else outcome.slug
        entry = Entry(outcome.file, slug, "failed", "", [], kept, outcome.errors, outcome.warnings,
                      outcome.name or (previous.name if previous else ""), previous.updated if previous else "")
    found = outcome.findings if outcome.status == "failed" else outcome.checked
    entry.findings = [_line(f) for f in found[:KEPT_FINDINGS]]
    return entry


#: How many findings of a controller the manifest keeps for the index's report (the rest: `seloste check`).
KEPT_FINDINGS = 100


def _line(finding: Finding) -> str:
    return finding.format() + (f" — {finding.hint}" if finding.hint else "")


#: Set by the build command's signal handler. A SIGINT or SIGTERM that arrives while Python runs a finalizer
#: (`__del__`, e.g. WeasyPrint's font configuration being freed) raises its KeyboardInterrupt there, where it is
#: swallowed; the run then still stops at the next controller.
STOP = threading.Event()


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (then interrupt as usual), where the platform allows."""
    deferred = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def run_batch(paths: Iterable[Path], out_dir: Path, options: BatchOptions,
              progress: Callable[[Outcome, int, int], None] | None = None) -> BatchResult:
    """Build every controller under `paths` into `out_dir`. Raises PathError for a missing path and OutputError
    when the output folder cannot be created; a write fault later stops the run with `result.error` set."""
    started = time.monotonic()
    paths = list(paths)
    files = [str(p) for p in find_files(paths)]
    if options.roots is None:
        options = replace(options, roots=tuple(str(r) for r in input_roots(paths)))
    mine = [f for f in files if in_shard(f, options.shard)]
    entries = manifest.read(out_dir, options.shard)
    manifest_path = out_dir / manifest.manifest_name(options.shard)
    journal = manifest.Journal(manifest_path)
    key = manifest.global_key(options.key_options(), options.templates)
    result = BatchResult()
    result.removed = [e for f, e in sorted(entries.items()) if not Path(f).exists()]
    for gone in result.removed:
        del entries[gone.file]
    todo: list[str] = []
    for file in mine:
        entry = entries.get(file)
        fresh = (not options.force and entry is not None and entry.status == "built" and entry.key == key
                 and manifest.unchanged(entry.dependencies))
        if fresh and entry is not None:
            result.outcomes.append(Outcome(file, "skipped", entry.slug, errors=entry.errors,
                                           warnings=entry.warnings, name=entry.name, updated=entry.updated))
        else:
            todo.append(file)
    done = len(result.outcomes)
    taken = {o.slug for o in result.outcomes if o.slug}
    try:
        result.cleaned = remove_leftovers(out_dir)  # deletes only what it finds: usually nothing
        for outcome in _outcomes(todo, options):
            with _signals_deferred():  # a controller's files and its manifest entry land together, or not at all
                if outcome.status == "built":
                    try:
                        _write(outcome, out_dir, taken, journal)
                    except OSError as exc:
                        result.error = describe(exc, out_dir)
                        outcome.status, outcome.outputs = "failed", {}
                        outcome.findings.append(Finding(outcome.file, 0, 0, "output", Severity.ERROR,
                                                        str(result.error)))
                entry = _entry(outcome, key, entries.get(outcome.file))
                entries[outcome.file] = entry
                if result.error is None:
                    journal.entry(entry)
            outcome.outputs = {}
            result.outcomes.append(outcome)
            done += 1
            if progress:
                progress(outcome, done, len(mine))
            if result.error is not None:
                break
            if STOP.is_set():  # an interrupt that a finalizer swallowed still stops the run here
                raise KeyboardInterrupt
    except KeyboardInterrupt:
        result.interrupted = True
    except OSError as exc:  # the journal could not be written: the folder is not writable
        result.error = describe(exc, out_dir)
    finally:
        try:
            write_if_changed(manifest_path, manifest.serialise(entries))
            journal.close(remove=True)
        except OSError as exc:
            journal.close(remove=False)  # the journal keeps what the manifest could not say
            if result.error is None:
                result.error = describe(exc, out_dir)
    result.outcomes.sort(key=lambda o: o.file)
    result.seconds = time.monotonic() - started
    return result
