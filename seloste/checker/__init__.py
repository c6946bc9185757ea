"""The completeness checker: schema validation plus the legal rules, as a library that returns findings.

    from seloste.checker import Config, check_paths
    findings = check_paths([Path("examples")], Config.default())

`check_document` runs the rules on one loaded document; `check_paths` loads and validates files first (schema
findings keep their rule id "schema") and then runs the rules on every document that loaded as a mapping.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..findings import Finding, Severity
from ..loader import Document
from ..shared import dependents, is_shared
from ..validate import find_files, input_roots, validate_file
from . import suppress
from .config import Config, ConfigError
from .registry import RULES, rule_ids
from .rule import Options, shifted

#: Top-level keys of which a controller file has at least one; YAML files with none are not controller files.
CONTROLLER_KEYS = frozenset({"schema_version", "controller", "activities", "privacy_contact"})

__all__ = ["Config", "ConfigError", "Report", "check_document", "check_file", "check_paths", "run"]


@dataclass
class Report:
    """The outcome of a run: the files checked, the files skipped as not controller descriptions, the findings."""

    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def _relevel(finding: Finding, default: Severity, level: Severity, explicit: bool) -> Finding:
    if not explicit or level is default:
        return finding
    return replace(finding, severity=shifted(finding.severity, level.rank - default.rank))


def check_document(doc: Document, config: Config | None = None, *, consolidated: bool = True) -> list[Finding]:
    """The rule findings for one loaded document, after inline accepts. Never raises on odd shapes. Findings that
    repeat one cause are reported once with their count unless `consolidated` is False (the audit maps each
    place back to the old notice itself)."""
    config = config or Config.default()
    if not isinstance(doc.data, dict):
        return []
    findings: list[Finding] = []
    for rule in RULES:
        setting = config.setting(rule.ID)
        if setting.level is None:
            continue
        options = Options(setting.options, today=config.today)
        findings.extend(_relevel(f, rule.SEVERITY, setting.level, setting.explicit) for f in rule.check(doc, options))
    kept = suppress.apply(doc, findings)
    return consolidate(kept) if consolidated else sorted(kept)


def consolidate(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that repeat the same cause (the same rule, message and hint: one register-level statement copied
    into several activities, one shared file seen through several controllers) become one, at the first place it
    was found, with the number of places in `count`."""
    groups: dict[tuple[str, str, str, str], list[Finding]] = {}
    for finding in sorted(set(findings)):
        groups.setdefault((finding.file, finding.rule, finding.message, finding.hint), []).append(finding)
    return sorted(replace(group[0], count=sum(f.count for f in group),
                          clients=tuple(dict.fromkeys(c for f in group for c in f.clients)))
                  if len(group) > 1 else group[0]
                  for group in groups.values())


def looks_like_controller(data: Any) -> bool:
    return isinstance(data, dict) and bool(CONTROLLER_KEYS & data.keys())


def check_file(path: Path, config: Config | None = None, display: str | None = None, *,
               roots: list[Path] | None = None) -> list[Finding] | None:
    """Validation and rule findings for one file; None when the file is YAML but not a controller description."""
    validated = validate_file(path, display, roots=roots)
    doc = validated.document
    if validated.shared:  # its values are checked by the rules in the controllers that extend it
        return sorted(validated.findings)
    if doc is not None and not looks_like_controller(doc.data):
        return None
    owned = rule_ids()
    # the rules report business ids themselves (business-id): the schema's form error for one is not repeated
    findings = [f for f in validated.findings
                if f.rule not in owned and not (f.rule == "schema" and f.path.endswith("business_id"))]
    if doc is not None:
        findings.extend(check_document(doc, config))
    return sorted(findings)


#: Fewer files than this are checked in this process: starting workers would cost more than it saves.
PARALLEL_FROM = 8


def run(paths: Iterable[Path], config: Config | None = None, *, jobs: int = 1) -> Report:
    """Check every file given and every *.yaml / *.yml below the folders given. Raises PathError for a bad path.

    A finding in a shared file (a value inherited through `extends:`) is reported once, with the controller
    files that inherit it in `Finding.clients`, however many controllers share the file. With `jobs` above 1 and
    at least `PARALLEL_FROM` files, the files are checked in that many worker processes (forked from this one,
    where fork exists); the report is the same, in the same order.
    """
    report = Report()
    shared: dict[Finding, list[str]] = {}
    paths = list(paths)
    roots = input_roots(paths)
    files = _with_dependents(list(find_files(paths)))
    for path, findings in zip(files, _checked(files, config, roots, jobs), strict=True):
        if findings is None:
            report.skipped.append(str(path))
            continue
        report.files.append(str(path))
        for finding in findings:
            if finding.file == str(path):
                report.findings.append(finding)
            else:
                shared.setdefault(finding, []).append(str(path))
    # a shared file given itself and inherited by the controllers checked: one finding, with its controllers
    report.findings = [replace(f, clients=tuple(dict.fromkeys(shared.pop(f)))) if f in shared else f
                       for f in report.findings]
    report.findings.extend(sorted(replace(f, clients=tuple(dict.fromkeys(c))) for f, c in shared.items()))
    report.findings = consolidate(report.findings)
    return report


_JOB: tuple[Config | None, list[Path]] | None = None  # what forked workers check with (set before they start)


def _check_in_worker(path: Path) -> list[Finding] | None:
    assert _JOB is not None
    return check_file(path, _JOB[0], roots=_JOB[1])


def _checked(files: list[Path], config: Config | None, roots: list[Path],
             jobs: int) -> Iterator[list[Finding] | None]:
    """`check_file` of each file, in order: here, or in `jobs` forked workers when there are enough files."""
    if jobs <= 1 or len(files) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        yield from (check_file(path, config, roots=roots) for path in files)
        return
    global _JOB
    _JOB = (config, roots)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=multiprocessing.get_context("fork"),
                               initializer=_quiet_worker)
    try:
        yield from pool.map(_check_in_worker, files, chunksize=max(1, len(files) // (jobs * 8)))
    finally:  # also on Ctrl-C: the files not yet started are dropped, the workers end with the pool
        pool.shutdown(wait=True, cancel_futures=True)
        _JOB = None


def _quiet_worker() -> None:
    """Ctrl-C is the parent's to handle: a worker neither stops on it nor prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _with_dependents(files: list[Path]) -> list[Path]:
    """The files given, each shared file followed by the controller files that extend it (each file once)."""
    out: dict[Path, None] = {}
    given = {path.resolve() for path in files}
    for path in files:
        out[path] = None
        if is_shared(path):
            for dependent in dependents(path):
                if dependent.resolve() not in given:
                    out.setdefault(dependent, None)
    return list(out)


def check_paths(paths: Iterable[Path], config: Config | None = None) -> list[Finding]:
    """All findings for the given files and folders (see `run`)."""
    return run(paths, config).findings
