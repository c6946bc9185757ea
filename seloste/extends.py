"""Shared defaults: a controller file may `extends:` one or more shared files.

Merge rules (the extending file always wins):
- mappings merge key by key, recursively;
- lists whose items all carry an `id` (processors, activities, data categories…) merge by id: an item with the
  same id is merged into the inherited one, new items are appended after the inherited ones;
- any other list, and every other value, replaces the inherited one;
- several files in `extends:` apply in order, later ones over earlier ones, and the controller file last.

Paths are relative to the file that names them, wherever the command is run from. A shared file must lie
inside the project, so a file from a stranger cannot pull other files of the machine into a public document.
The project is found from the controller file, not from the working folder: the nearest folder above it that
holds `.git`, `.seloste.yaml`, `pyproject.toml` or `.pre-commit-config.yaml` (see `project_root`). Without any
of those the working folder counts as the project when the file lies inside it; the folders of the extending
file and of the controller file that started the chain always do.

Every value keeps the file, line and column it came from, so findings point into the shared file when an
inherited value is wrong. Shared files may themselves extend others; a cycle is an error.
"""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import Any

from .findings import Severity
from .loader import Document, JsonPath, LoadError, load, walk

MAX_CHAIN = 16
#: Resolved shared files, kept for the run: a shared file listed by every controller of a batch, or many times
#: in one `extends:` fan-out, is read, parsed and resolved once. Keyed by the file's identity and modification
#: stamp (an edited file is read again) and by the folder of the controller that started the chain.
_CACHE: OrderedDict[tuple[Any, ...], tuple[Document, int]] = OrderedDict()
_CACHE_SIZE = 256
_CACHE_LOCK = threading.Lock()  # the preview server resolves in several threads

#: What marks the top folder of a project (a consultant's repository of clients and shared files).
PROJECT_MARKERS = (".git", ".hg", ".seloste.yaml", ".seloste.yml", "pyproject.toml", ".pre-commit-config.yaml")


@cache
def _marked_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    return None


def project_root(path: Path) -> Path:
    """The top folder of the project `path` belongs to: the nearest folder above it with a project marker
    (PROJECT_MARKERS); without one, the working folder when `path` lies inside it, else the file's folder."""
    folder = path.resolve().parent
    marked = _marked_root(folder)
    if marked is not None:
        return marked
    cwd = Path.cwd().resolve()
    return cwd if cwd == folder or cwd in folder.parents else folder


class _Merged:
    """Accumulates merged data with the origin of every value and key."""

    def __init__(self, target: Document) -> None:
        self.target = target

    def record(self, doc: Document, src: JsonPath, dst: JsonPath, *, key: bool = True) -> None:
        if src in doc.values:
            self.target.values[dst] = doc.values[src]
            self.target.value_files[dst] = doc.value_files.get(src, doc.file)
        if src in doc.written:
            self.target.written[dst] = doc.written[src]
        if key and src in doc.keys:
            self.target.keys[dst] = doc.keys[src]
            self.target.key_files[dst] = doc.key_files.get(src, doc.file)

    def copy(self, doc: Document, value: Any, src: JsonPath, dst: JsonPath) -> Any:
        for rel, _ in walk(value):
            self.record(doc, (*src, *rel), (*dst, *rel))
        return value

    def merge(self, base: Document, bval: Any, bsrc: JsonPath, over: Document, oval: Any, osrc: JsonPath,
              dst: JsonPath) -> Any:
        if isinstance(bval, dict) and isinstance(oval, dict):
            out: dict[str, Any] = {}
            for key, value in bval.items():
                if key not in oval:
                    out[key] = self.copy(base, value, (*bsrc, key), (*dst, key))
            for key, value in oval.items():
                if key in bval:
                    out[key] = self.merge(base, bval[key], (*bsrc, key), over, value, (*osrc, key), (*dst, key))
                    self.record(over, (*osrc, key), (*dst, key))
                else:
                    out[key] = self.copy(over, value, (*osrc, key), (*dst, key))
            self.record(over, osrc, dst)
            return out
        if _by_id(bval) and _by_id(oval):
            items: list[Any] = []
            over_ids = {item["id"]: i for i, item in enumerate(oval)}
            for i, item in enumerate(bval):
                j = over_ids.get(item["id"])
                if j is None:
                    items.append(self.copy(base, item, (*bsrc, i), (*dst, len(items))))
                else:
                    items.append(self.merge(base, item, (*bsrc, i), over, oval[j], (*osrc, j), (*dst, len(items))))
            base_ids = {item["id"] for item in bval}
            for j, item in enumerate(oval):
                if item["id"] not in base_ids:
                    items.append(self.copy(over, item, (*osrc, j), (*dst, len(items))))
            self.record(over, osrc, dst)
            return items
        return self.copy(over, oval, osrc, dst)


def _by_id(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in value)


def _error(doc: Document, path: JsonPath, rule: str, message: str, hint: str = "") -> LoadError:
    return LoadError(doc.finding(path, rule, message, severity=Severity.ERROR, hint=hint))


def _targets(doc: Document, path: Path, chain: tuple[Path, ...]) -> list[tuple[JsonPath, Path]]:
    raw = doc.data.get("extends") if isinstance(doc.data, dict) else None
    if raw is None:
        return []
    entries: list[tuple[JsonPath, Any]]
    if isinstance(raw, str):
        entries = [(("extends",), raw)]
    elif isinstance(raw, list) and raw:
        entries = [(("extends", i), item) for i, item in enumerate(raw)]
    else:
        raise _error(doc, ("extends",), "extends", "'extends' should name a shared file or a list of them")
    targets: list[tuple[JsonPath, Path]] = []
    for where, name in entries:
        if not isinstance(name, str) or not name.endswith((".yaml", ".yml")) or Path(name).is_absolute():
            raise _error(doc, where, "extends", f"'{name}' is not a relative path to a .yaml or .yml file",
                         hint="Write the path relative to this file, e.g. ../shared/defaults.yaml")
        target = (path.parent / name).resolve()
        roots = (project_root(chain[0]), path.parent.resolve(), chain[0].parent)
        if not any(target == root or root in target.parents for root in roots):
            raise _error(doc, where, "extends", f"'{name}' lies outside the project ({roots[0]})",
                         hint="Shared files must be inside the project: seloste will not read files elsewhere. "
                              "The project's top folder is the nearest one with .git, .seloste.yaml or "
                              "pyproject.toml.")
        targets.append((where, target))
    return targets


def resolve(doc: Document, path: Path, _chain: tuple[Path, ...] = ()) -> Document:
    """The document with everything it extends merged in. Raises LoadError with a positioned finding."""
    return _resolve(doc, path, _chain)[0]


def _shared(target: Path, chain: tuple[Path, ...]) -> tuple[Document, int]:
    """A shared file resolved (from the run's cache when it is unchanged) and the depth of its own chain."""
    info = os.stat(target)
    key = (str(target), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, chain[0].parent)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None and not _current(cached[0]):
        cached = None
    if cached is None:
        cached = _resolve(load(target, _display(target)), target, chain)
        with _CACHE_LOCK:
            _CACHE[key] = cached
            while len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
    base, depth = cached
    if len(chain) + depth > MAX_CHAIN:
        raise RecursionError
    # the caller merges into (and the catalogue completes) the data: give it its own copy
    shared = Document(base.file, copy.deepcopy(base.data), base.text, base.values, base.keys, base.value_files,
                      base.key_files, list(base.includes), dict(base.sources), dict(base.shared_texts),
                      written=dict(base.written))
    return shared, depth


def _current(doc: Document) -> bool:
    """Whether every file a cached shared file was made from still has the size and time it was read with."""
    for stamp in doc.sources.values():
        try:
            info = os.stat(stamp.path)
        except OSError:
            return False
        if (info.st_size, info.st_mtime_ns) != (stamp.size, stamp.mtime_ns):
            return False
    return True


def _resolve(doc: Document, path: Path, _chain: tuple[Path, ...]) -> tuple[Document, int]:
    chain = (*_chain, path.resolve())
    targets = _targets(doc, path, chain)
    if not targets:
        return doc, 0
    merged: Document | None = None
    includes: list[str] = []
    sources = dict(doc.sources)
    depth = 0
    shared_texts: dict[str, str] = {}
    for where, target in targets:
        if target in chain or len(chain) > MAX_CHAIN:
            raise _error(doc, where, "extends", f"'{target.name}' extends itself through a cycle")
        if not target.is_file():
            raise _error(doc, where, "extends", f"the shared file '{target}' does not exist")
        try:
            base, below = _shared(target, chain)
        except RecursionError:
            raise _error(doc, where, "extends", f"'{target.name}' extends a chain of more than {MAX_CHAIN} files"
                         ) from None
        except OSError as exc:
            raise _error(doc, where, "extends", f"cannot read the shared file '{target.name}': "
                         f"{exc.strerror or exc}") from None
        depth = max(depth, below + 1)
        includes += [str(target), *base.includes]
        sources.update(base.sources)
        shared_texts.update({base.file: base.text, **base.shared_texts})
        if not isinstance(base.data, dict):
            raise _error(doc, where, "extends", f"the shared file '{target.name}' is not a mapping")
        merged = base if merged is None else _combine(merged, base)
    assert merged is not None
    own = Document(doc.file, {k: v for k, v in doc.data.items() if k != "extends"}, doc.text, doc.values, doc.keys,
                   doc.value_files, doc.key_files, written=doc.written)
    result = _combine(merged, own)
    result.includes = list(dict.fromkeys(includes))
    result.sources = sources
    result.shared_texts = shared_texts
    return result, depth


def _combine(base: Document, over: Document) -> Document:
    result = Document(over.file, None, over.text)
    result.data = _Merged(result).merge(base, base.data, (), over, over.data, (), ())
    return result


def _display(target: Path) -> str:
    """How findings name a shared file: relative to the working folder when both are in one project."""
    cwd = Path.cwd().resolve()
    root = project_root(target)
    if cwd == root or root in cwd.parents or cwd in root.parents:
        return os.path.relpath(target, cwd)
    return str(target)
