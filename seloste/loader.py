"""Load a controller file: bytes → text → YAML nodes → plain data, keeping the position of every key and value.

The YAML is composed into nodes with ruamel.yaml and converted here, not constructed by ruamel: only the core
schema's types come out (text, numbers, booleans, null, dates as ISO strings, mappings, sequences), any other
tag is refused, duplicate keys are errors, and aliases may not expand past a node budget ("billion laughs").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from .findings import Finding, Severity
from .safeio import FileTooLarge, NotRegularFile, Stamp, link_escapes, read_regular

MAX_BYTES = 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_CORE}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class Document:
    """A loaded controller file: its plain data and where each part of it stands in the file."""

    file: str
    data: Any
    text: str = ""
    values: dict[JsonPath, Position] = field(default_factory=dict)
    keys: dict[JsonPath, Position] = field(default_factory=dict)
    #: For values and keys inherited through `extends:`, the shared file they came from.
    value_files: dict[JsonPath, str] = field(default_factory=dict)
    key_files: dict[JsonPath, str] = field(default_factory=dict)
    #: Shared files merged in through `extends:` (paths as given to the loader), for incremental builds.
    includes: list[str] = field(default_factory=list)
    #: Every file this document was made from, as read (the file, its shared files, its logo): the build
    #: manifest records these stamps, the hashes of the very bytes that were rendered.
    sources: dict[str, Stamp] = field(default_factory=dict)
    #: The text of every shared file merged in, by the name findings give it (the `value_files` names).
    shared_texts: dict[str, str] = field(default_factory=dict)
    #: Numbers, booleans and nulls as they were written (`00100`, `0401234567`), for hints that quote them.
    written: dict[JsonPath, str] = field(default_factory=dict)

    def source(self, file: str) -> str:
        """The text of `file`: this document's own, or a shared file's it inherits from."""
        return self.text if file == self.file else self.shared_texts.get(file, "")

    def files(self) -> dict[str, str]:
        """Every file this document was read from (itself first, then its shared files) with its text."""
        return {self.file: self.text, **self.shared_texts}

    def _nearest(self, path: JsonPath) -> JsonPath:
        while path not in self.values and path:
            path = path[:-1]
        return path

    def position(self, path: JsonPath, *, key: bool = False) -> Position:
        """1-based (line, column) of the value at `path` (or of its key), falling back to the nearest parent."""
        if key and path in self.keys:
            return self.keys[path]
        return self.values.get(self._nearest(path), (1, 1))

    def location(self, path: JsonPath, *, key: bool = False) -> tuple[str, int, int]:
        """(file, line, column) of the value at `path`: the file is a shared one when the value was inherited."""
        if key and path in self.keys:
            return (self.key_files.get(path, self.file), *self.keys[path])
        near = self._nearest(path)
        return (self.value_files.get(near, self.file), *self.values.get(near, (1, 1)))

    def finding(self, path: JsonPath, rule: str, message: str, *, key: bool = False, **extra: Any) -> Finding:
        file, line, column = self.location(path, key=key)
        severity = extra.pop("severity", Severity.ERROR)
        return Finding(file, line, column, rule, severity, message, path=json_path(path), **extra)


class LoadError(Exception):
    """The file could not be read as a controller description; `finding` says where and why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.format())
        self.finding = finding


def json_path(path: JsonPath) -> str:
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _fail(file: str, line: int, column: int, rule: str, message: str, hint: str = "") -> LoadError:
    return LoadError(Finding(file, line, column, rule, Severity.ERROR, message, hint=hint))


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text from the file's bytes, with a byte order mark dropped and other encodings explained."""
    if len(raw) > MAX_BYTES:
        raise _fail(file, 0, 0, "file-too-large", f"the file is {len(raw)} bytes; the limit is {MAX_BYTES} bytes")
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if raw.startswith(bom):
            raise _fail(file, 1, 1, "encoding", f"the file is saved as {name}; save it as UTF-8",
                        hint="In your editor choose 'Save with encoding' → UTF-8.")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise _fail(file, line, column, "encoding",
                    f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
                    hint="The file was probably saved as Latin-1 or Windows-1252 (ä and ö break).") from None


def _yaml_error(exc: YAMLError, file: str, text: str) -> LoadError:
    if isinstance(exc, ReaderError) and isinstance(exc.position, int):
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        return _fail(file, line, column, "yaml-syntax", f"the file contains the control character U+{char:04X}",
                     hint="Delete the invisible character (it often comes from copying text from a PDF or Word).")
    from .yaml_errors import explain

    explained = explain(exc, text)
    if explained is not None:
        return _fail(file, *explained[:2], "yaml-syntax", *explained[2:])
    mark = getattr(exc, "problem_mark", None) if isinstance(exc, MarkedYAMLError) else None
    if mark is None:
        mark = getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    text = f"{context}: {problem}" if context and isinstance(exc, MarkedYAMLError) else problem
    return _fail(file, line, column, "yaml-syntax", f"YAML syntax error: {text}",
                 hint="Check the indentation and that every 'key: value' has a space after the colon.")


class _Converter:
    """Walks composed YAML nodes into plain data and records positions."""

    def __init__(self, file: str, yaml: YAML) -> None:
        self.file = file
        self.yaml = yaml
        self.nodes = 0
        self.doc = Document(file, None)

    def fail(self, node: Node, rule: str, message: str, hint: str = "") -> LoadError:
        return _fail(self.file, node.start_mark.line + 1, node.start_mark.column + 1, rule, message, hint)

    def convert(self, node: Node, path: JsonPath) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise self.fail(node, "yaml-too-large",
                            f"the document expands to more than {MAX_NODES} values (aliases used too often)")
        if len(path) > MAX_DEPTH:
            raise self.fail(node, "yaml-too-deep", f"the document is nested deeper than {MAX_DEPTH} levels")
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            self._check_tag(node, f"{_CORE}seq")
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _check_tag(self, node: Node, allowed: str) -> None:
        if node.tag != allowed:
            raise self.fail(node, "yaml-tag", f"the YAML tag '{node.tag}' is not allowed here",
                            hint="Remove the tag: seloste reads plain text, numbers, lists and mappings only.")

    def _mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        self._check_tag(node, f"{_CORE}map")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, "yaml-key", "a key must be plain text, not a list or mapping")
            if key_node.tag == f"{_CORE}merge":
                raise self.fail(key_node, "yaml-merge", "merge keys ('<<') are not supported",
                                hint="Write the values out, or share them with 'extends:'.")
            key = str(key_node.value)
            if key in out:
                first = self.doc.keys[(*path, key)]
                raise self.fail(key_node, "duplicate-key",
                                f"the key '{key}' appears twice (first on line {first[0]})",
                                hint="Keep one of them; the second would silently replace the first.")
            self.doc.keys[(*path, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.convert(value_node, (*path, key))
        return out

    def _scalar(self, node: ScalarNode, path: JsonPath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._check_tag(node, f"{_CORE}str")
        if node.tag == f"{_CORE}str":
            return str(node.value)
        self.doc.written[path] = str(node.value)
        try:
            value = self.yaml.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, YAMLError):
            return str(node.value)  # e.g. 2024-13-01: kept as text, so the schema reports the bad date
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            return float(value)
        return str(value)


def _check_depth(yaml: YAML, text: str, file: str) -> None:
    """Refuse deep nesting from the event stream, before the (recursive) composer sees it."""
    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise _fail(file, mark.line + 1, mark.column + 1, "yaml-too-deep",
                            f"the document is nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


def loads(text: str, file: str = "<string>") -> Document:
    """Parse YAML text into a Document. Raises LoadError with a positioned finding."""
    yaml = YAML(typ="safe")
    try:
        _check_depth(yaml, text, file)
        root = yaml.compose(text)
    except YAMLError as exc:
        raise _yaml_error(exc, file, text) from None
    except RecursionError:
        raise _fail(file, 1, 1, "yaml-too-deep", "the document is nested too deeply to read") from None
    if root is None:
        raise _fail(file, 1, 1, "empty-file", "the file is empty",
                    hint="Start from one of the files in examples/ or run 'seloste schema'.")
    converter = _Converter(file, yaml)
    converter.doc.data = converter.convert(root, ())
    converter.doc.text = text
    return converter.doc


def load(path: Path, display: str | None = None, *, roots: list[Path] | None = None) -> Document:
    """Read and parse one file. Raises LoadError for unreadable, oversized, mis-encoded or malformed input.

    With `roots` (resolved folders), a file reached through a symbolic link that leads outside all of them is
    refused unread."""
    file = display or str(path)
    if roots is not None and link_escapes(path, roots):
        raise _fail(file, 0, 0, "symlink-outside",
                    "the file is a symbolic link to a file outside the folders given; it was not read",
                    hint="Copy the file into the project instead of linking to it.")
    try:
        read = read_regular(path, MAX_BYTES)
    except FileTooLarge as exc:
        raise _fail(file, 0, 0, "file-too-large", f"the file is {exc.size} bytes; the limit is {MAX_BYTES} bytes"
                    ) from None
    except NotRegularFile as exc:
        raise _fail(file, 0, 0, "unreadable", f"cannot read the file: {exc.strerror}") from None
    except OSError as exc:
        raise _fail(file, 0, 0, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    doc = loads(decode(read.data, file), file)
    doc.sources[str(path)] = read.stamp
    return doc


def walk(data: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in plain data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, (*path, i))
