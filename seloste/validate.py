"""Load and validate controller files: the first two stages of every seloste command."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import resolve_processors
from .extends import resolve
from .findings import Finding, has_errors
from .inputs import input_checks
from .loader import Document, LoadError, load
from .schema import validate_schema
from .semantic import date_checks, field_checks, semantic_checks
from .shared import is_shared

YAML_SUFFIXES = (".yaml", ".yml")
#: Files in a searched folder that are not controller descriptions.
NOT_CONTROLLERS = {".seloste.yaml", ".seloste.yml", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml"}


class PathError(Exception):
    """A path given on the command line does not exist or is not a YAML file or folder."""


@dataclass
class Validated:
    """The outcome for one file: the document when it could be read, and every finding."""

    file: str
    document: Document | None
    findings: list[Finding] = field(default_factory=list)
    #: A shared file (see seloste.shared), validated as a partial controller.
    shared: bool = False

    @property
    def ok(self) -> bool:
        return self.document is not None and not has_errors(self.findings)


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The given files, and every *.yaml / *.yml below the given folders, sorted.

    In folders, hidden files and folders and those whose name starts with `_` are skipped: `_shared/` or
    `_defaults.yaml` hold shared files for `extends:`, not controllers.
    """
    for path in paths:
        if path.is_dir():
            found = (
                p for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES and p.is_file() and p.name not in NOT_CONTROLLERS
                and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
            )
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise PathError(f"{path}: no such file or folder")


def input_roots(paths: Iterable[Path]) -> list[Path]:
    """The folders input files may lie in: each folder given, and the folder of each file given (resolved).
    A controller file reached through a symbolic link that leads out of them is refused."""
    roots = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        try:
            roots.append(folder.resolve())
        except (OSError, RuntimeError):
            continue
    return roots


def validate_document(doc: Document) -> list[Finding]:
    """Schema, then (on a well-shaped document) catalogue resolution and the form and reference checks."""
    findings = validate_schema(doc) + input_checks(doc)
    if not has_errors(findings):
        findings += resolve_processors(doc)
        findings += semantic_checks(doc)
    return sorted(findings)


def validate_shared(doc: Document) -> list[Finding]:
    """A shared file's findings: the shared schema, then the form of the values it gives (Y-tunnus, e-mail,
    dates…); references are checked in the controllers that extend it, where the lists are complete."""
    findings = validate_schema(doc, shared=True)
    if not has_errors(findings):
        findings += [*field_checks(doc), *date_checks(doc)]
    return sorted(findings)


def validate_file(path: Path, display: str | None = None, *, roots: list[Path] | None = None) -> Validated:
    """Load and validate one file (a shared file against the shared schema); never raises for bad input. With
    `roots` (see `input_roots`), a symbolic link to a file outside them is refused unread."""
    file = display or str(path)
    try:
        doc = resolve(load(path, file, roots=roots), path)
    except LoadError as exc:
        return Validated(file, None, [exc.finding])
    if is_shared(path):
        return Validated(file, doc, validate_shared(doc), shared=True)
    return Validated(file, doc, validate_document(doc))
