"""Batch builds: many controllers, in parallel, incrementally, one broken file never stopping the rest.

    result = run_batch([Path("clients")], Path("out"), BatchOptions(jobs=2))

The parent plans (find files, take this shard's share, skip what the manifest shows unchanged), the workers
validate, check and render each controller to bytes, and the parent writes the documents in input order,
atomically, so the output is the same whatever the number of workers. A controller that fails leaves its
earlier documents untouched. The manifest is written at the end, and also when the run is interrupted.
"""

from __future__ import annotations

import gc
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import manifest, warm
from .build import Format, Only, render_file, write_atomic, write_outputs
from .findings import Finding, Severity
from .manifest import Entry
from .validate import find_files

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

    def key_options(self) -> dict[str, Any]:
        return {"only": self.only, "fmt": self.fmt, "languages": self.languages, "fallback": self.fallback}


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


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    interrupted: bool = False
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


def _dependencies(file: str, includes: list[str], doc_data: Any) -> list[manifest.Dependency]:
    paths = [Path(file), *map(Path, includes)]
    branding = doc_data.get("branding") if isinstance(doc_data, dict) else None
    logo = branding.get("logo") if isinstance(branding, dict) else None
    if isinstance(logo, str) and (Path(file).parent / logo).is_file():
        paths.append(Path(file).parent / logo)
    return [manifest.dependency(p) for p in paths if p.is_file()]


def build_one(file: str, options: BatchOptions) -> Outcome:
    """Validate, check and render one controller (in a worker). Never raises for bad input."""
    from .checker import check_document

    path = Path(file)
    try:
        rendered = render_file(path, only=options.only, fmt=options.fmt, templates=options.templates,
                               languages=list(options.languages) if options.languages is not None else None,
                               fallback=options.fallback)
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
    if rendered.outputs:
        outcome.dependencies = _dependencies(file, doc.includes, doc.data)
        outcome.status = "built"
    return outcome


def _work(file: str, options: BatchOptions) -> tuple[Outcome, bool]:
    """A worker's task: one controller, and whether this worker has now outgrown its memory budget."""
    return build_one(file, options), warm.outgrown()


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
        with ProcessPoolExecutor(max_workers=options.jobs, mp_context=ctx, initializer=warm.start_worker,
                                 initargs=(options.templates, pdf, warm.inherits(ctx))) as pool:
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
                pool.shutdown(wait=False, cancel_futures=True)
                raise


def _write(outcome: Outcome, out_dir: Path, taken: set[str]) -> None:
    assert outcome.slug is not None
    if outcome.slug in taken:
        outcome.status, outcome.outputs = "failed", {}
        outcome.findings.append(Finding(outcome.file, 1, 1, "duplicate-output", Severity.ERROR,
                                        f"another input file in this run also builds into '{outcome.slug}'; "
                                        "this one was skipped", hint="Give each controller file its own 'id'."))
        return
    taken.add(outcome.slug)
    write_outputs(out_dir, outcome.slug, outcome.outputs)


def _entry(outcome: Outcome, key: str, previous: Entry | None) -> Entry:
    if outcome.status == "built":
        return Entry(outcome.file, outcome.slug, "built", key, outcome.dependencies, sorted(outcome.outputs),
                     outcome.errors, outcome.warnings, outcome.name, outcome.updated)
    kept = previous.documents if previous else []
    slug = previous.slug if previous else outcome.slug
    return Entry(outcome.file, slug, "failed", "", [], kept, outcome.errors, outcome.warnings,
                 outcome.name or (previous.name if previous else ""), previous.updated if previous else "")


def run_batch(paths: Iterable[Path], out_dir: Path, options: BatchOptions,
              progress: Callable[[Outcome, int, int], None] | None = None) -> BatchResult:
    """Build every controller under `paths` into `out_dir`. Raises PathError for a missing path."""
    started = time.monotonic()
    files = [str(p) for p in find_files(paths)]
    mine = [f for f in files if in_shard(f, options.shard)]
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = manifest.read(out_dir, options.shard)
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
        for outcome in _outcomes(todo, options):
            if outcome.status == "built":
                _write(outcome, out_dir, taken)
            entries[outcome.file] = _entry(outcome, key, entries.get(outcome.file))
            outcome.outputs = {}
            result.outcomes.append(outcome)
            done += 1
            if progress:
                progress(outcome, done, len(mine))
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        write_atomic(out_dir / manifest.manifest_name(options.shard), manifest.serialise(entries))
    result.outcomes.sort(key=lambda o: o.file)
    result.seconds = time.monotonic() - started
    return result
