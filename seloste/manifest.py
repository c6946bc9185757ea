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
from typing import Any

from . import __version__
from .resources import data_dir, templates_dir

VERSION = 1
PREFIX = ".seloste-manifest"


@dataclass
class Dependency:
    path: str
    size: int
    mtime_ns: int
    sha256: str


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


def dependency(path: Path) -> Dependency:
    stat = path.stat()
    return Dependency(str(path), stat.st_size, stat.st_mtime_ns, sha256_file(path))


def unchanged(dependencies: list[Dependency]) -> bool:
    """True when every dependency still has its recorded content (hashing only files whose stat changed)."""
    if not dependencies:
        return False
    for dep in dependencies:
        try:
            stat = os.stat(dep.path)
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) == (dep.size, dep.mtime_ns):
            continue
        if stat.st_size != dep.size or sha256_file(Path(dep.path)) != dep.sha256:
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            return {}
        return {e["file"]: Entry.from_json(e) for e in data["entries"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def read_all(out_dir: Path) -> dict[str, Entry]:
    """The entries of every manifest in the folder (the shards of one batch), by input file."""
    entries: dict[str, Entry] = {}
    for path in sorted(out_dir.glob(f"{PREFIX}*.json")):
        entries.update(read_file(path))
    return entries


def serialise(entries: dict[str, Entry]) -> bytes:
    data = {"version": VERSION, "entries": [asdict(entries[key]) for key in sorted(entries)]}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
