"""The build manifest: what each controller was last built from, so an unchanged controller is skipped.

`OUT/.seloste-manifest.json` (one per shard: `.seloste-manifest-K-of-N.json`) records, per input file, the
files its resolved input came from (the file itself, every shared file it extends, its logo) with their size,
modification time and SHA-256, the output folder, the documents written and the check status. A controller is
rebuilt when any of those files' content changed, or when the global key changed: the seloste version, the
templates (packaged and `--templates`), the shipped data (labels, authority, catalogue, translations) and the
build options. Size and mtime only decide whether a file must be hashed again, so a no-change rebuild reads
no input file.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from . import __version__
from .resources import data_dir, templates_dir
from .safeio import Stamp

VERSION = 1
PREFIX = ".seloste-manifest"
JOURNAL_SUFFIX = ".journal"
#: A file modified less than this before it was read may change again without changing its size or time.
RACY_NS = 2_000_000_000


@dataclass
class Dependency:
    path: str
    size: int
    mtime_ns: int
    sha256: str
    #: When the bytes were read (0 in manifests of earlier versions: the stat is then never trusted alone).
    read_ns: int = 0

    @classmethod
    def of(cls, stamp: Stamp) -> Dependency:
        return cls(stamp.path, stamp.size, stamp.mtime_ns, stamp.sha256, stamp.read_ns)

    @property
    def settled(self) -> bool:
        """True when the file had been unmodified for a while when it was read: an equal size and time then
        prove equal content."""
        return self.read_ns - self.mtime_ns >= RACY_NS


@dataclass
class Entry:
    """What one input file was last built into."""

    file: str
    slug: str | None = None
    status: str = "failed"  # built or failed
    key: str = ""  # the global key of the build that made the documents; "" when they are not current
    dependencies: list[Dependency] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    name: str = ""
    updated: str = ""
    #: The findings (formatted, with their hints) of a failed controller, or a built one's check errors and
    #: warnings: the index shows the first ones and the full list.
    findings: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        deps = [Dependency(**d) for d in data.pop("dependencies", [])]
        return cls(dependencies=deps, **data)


def manifest_name(shard: tuple[int, int] | None) -> str:
    return f"{PREFIX}.json" if shard is None else f"{PREFIX}-{shard[0]}-of-{shard[1]}.json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def unchanged(dependencies: list[Dependency]) -> bool:
    """True when every dependency still has its recorded content (hashing only files whose stat changed, or
    whose recorded stat was too fresh to prove anything)."""
    if not dependencies:
        return False
    for dep in dependencies:
        try:
            stat = os.stat(dep.path)
        except OSError:
            return False
        if stat.st_size != dep.size:
            return False
        if stat.st_mtime_ns == dep.mtime_ns and dep.settled:
            continue
        try:
            if sha256_file(Path(dep.path)) != dep.sha256:
                return False
        except OSError:
            return False
    return True


def _tree_digest(digest: Any, folder: Path) -> None:
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())


def global_key(options: dict[str, Any], templates: Path | None) -> str:
    """A digest of everything besides the input that shapes the documents."""
    digest = hashlib.sha256(f"seloste {__version__}\n".encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    _tree_digest(digest, templates_dir())
    _tree_digest(digest, Path(str(data_dir("data"))))
    _tree_digest(digest, Path(str(data_dir("locale"))))
    if templates is not None:
        _tree_digest(digest, templates)
    return digest.hexdigest()


def read(out_dir: Path, shard: tuple[int, int] | None = None) -> dict[str, Entry]:
    """The manifest's entries by input file; empty when there is none or it cannot be read."""
    return read_file(out_dir / manifest_name(shard))


def read_file(path: Path) -> dict[str, Entry]:
    """The entries of one manifest, with its journal (left by a build that did not finish) replayed."""
    entries: dict[str, Entry] = {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") == VERSION:
            entries = {e["file"]: Entry.from_json(e) for e in data["entries"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        entries = {}
    _replay(journal_path(path), entries)
    return entries


def journal_path(manifest: Path) -> Path:
    return manifest.with_name(manifest.name + JOURNAL_SUFFIX)


def _replay(journal: Path, entries: dict[str, Entry]) -> None:
    """Apply a journal's events in order; a torn last line (the build was killed mid-write) is ignored."""
    try:
        lines = journal.read_bytes().split(b"\n")
    except OSError:
        return
    for line in lines:
        try:
            event = json.loads(line)
            file = event["file"]
            if event.get("event") == "writing":
                entry = entries.get(file)
                # its documents may now be any mix of old and new: nothing proves them current
                entries[file] = Entry(file, event.get("slug"), "failed", "", [], entry.documents if entry else [],
                                      name=entry.name if entry else "", updated=entry.updated if entry else "")
            elif event.get("event") == "entry":
                entries[file] = Entry.from_json(event["entry"])
        except (ValueError, KeyError, TypeError, AttributeError):
            continue


class Journal:
    """Appends the events of a running build; `close()` after the manifest was written removes it."""

    def __init__(self, manifest: Path) -> None:
        self.path = journal_path(manifest)
        self._handle: IO[bytes] | None = None

    def _write(self, event: dict[str, Any]) -> None:
        if self._handle is None:
            self._handle = self.path.open("ab")
        self._handle.write(json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n")
        self._handle.flush()  # in the kernel before the documents are touched: a kill cannot reorder them

    def writing(self, file: str, slug: str | None) -> None:
        self._write({"event": "writing", "file": file, "slug": slug})

    def entry(self, entry: Entry) -> None:
        self._write({"event": "entry", "file": entry.file, "entry": asdict(entry)})

    def close(self, *, remove: bool) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if remove and self.path.exists():  # (unlinking nothing still fails on a read-only file system)
            self.path.unlink()


def read_all(out_dir: Path) -> dict[str, Entry]:
    """The entries of every manifest in the folder (the shards of one batch), by input file."""
    entries: dict[str, Entry] = {}
    for path in sorted(out_dir.glob(f"{PREFIX}*.json")):
        entries.update(read_file(path))
    return entries


def serialise(entries: dict[str, Entry]) -> bytes:
    data = {"version": VERSION, "entries": [asdict(entries[key]) for key in sorted(entries)]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
