"""One editing session: the file being edited, its round-trip data, and what the library says about it.

The session keeps the text as it was read from disk, the ruamel.yaml round-trip data the form edits, and the
disk stamp the text was read at. Every change re-dumps the data, carries the changed lines onto the original
text (`yamltext.Carrier`), and analyses that text exactly as `seloste check` would (loader → extends →
schema and form checks → completeness rules), then renders the HTML preview (never a PDF).
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checker import Config, check_document
from ..checker.registry import rule_ids
from ..extends import resolve
from ..findings import Finding, Severity
from ..loader import Document, LoadError, decode, loads
from ..render import RenderError, render_html
from ..safeio import write_atomic
from ..text import source_language
from ..validate import validate_document
from . import presetoffer, yamltext
from .form import Field, build_form, field_id, kind_at, new_item, parse_json_path

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
SEVERITY_FI = {Severity.ERROR: "virhe", Severity.WARNING: "varoitus", Severity.INFO: "huomio"}


class Conflict(Exception):
    """The file changed on disk since the editor read it."""


def disk_stamp(path: Path) -> str:
    """A digest of the file's bytes, or "missing"."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "unreadable"


@dataclass
class Analysis:
    findings: list[dict[str, Any]] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)
    preview: str | None = None
    preview_note: str = ""
    counts: dict[str, int] = field(default_factory=dict)


class Session:
    """The editor's state for one file. Methods are called under `lock` by the server's threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.display = path.name
        self.lock = threading.RLock()
        self.text = ""
        self.data: Any = None
        self.stamp = "missing"
        self.dirty = False
        self.generation = 0
        self.document: Document | None = None
        self.preview_kind, self.preview_lang = "notice", "fi"
        self.config = Config.default()  # read once: the rules' settings do not change while editing
        self.last_preview: str | None = None
        self.unreadable: Finding | None = None
        self.new = not path.exists()
        if not self.new:
            self.reload()

    # --- reading and writing ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the file afresh (raises OSError when it cannot be read)."""
        raw = self.path.read_bytes()
        self.stamp = hashlib.sha256(raw).hexdigest()
        self.new = False
        try:
            text = decode(raw, self.display)
        except LoadError as exc:  # not UTF-8, or too large: shown as a finding, never edited
            self.start("", dirty=False)
            self.data, self.load_error = None, exc.finding.message
            self.unreadable = exc.finding
            return
        self.start(text, dirty=False)

    def start(self, text: str, *, dirty: bool) -> None:
        """Edit `text` from now on (the file's text, or a new file's first draft)."""
        self.original = text
        self.text = text
        self.unreadable = None
        try:
            self.data = yamltext.parse(text)
            self.load_error = ""
        except Exception as exc:  # a file ruamel cannot read is shown, not edited
            self.data = None
            self.load_error = str(exc)
        self.carrier = yamltext.Carrier(text, yamltext.dump(self.data) if self.data is not None else text)
        self.lines = text.splitlines(keepends=True)
        self.shifts: dict[int, list[tuple[int, int]]] = {}
        self.dirty = dirty
        self.generation += 1

    def changed_on_disk(self) -> bool:
        return disk_stamp(self.path) != self.stamp

    def save(self, *, force: bool = False) -> None:
        if self.data is None:
            raise ValueError("nothing to save: the file could not be read as YAML")
        if not force and self.changed_on_disk():
            raise Conflict(str(self.path))
        data = self.text.encode("utf-8")
        write_atomic(self.path, data)
        self.stamp = hashlib.sha256(data).hexdigest()
        self.start(self.text, dirty=False)
        self.new = False

    # --- editing -------------------------------------------------------------------------------------------
    def _sync(self) -> None:
        """Write the data through ruamel.yaml, carry the changed lines onto the text, and read it afresh (so the
        positions the fast path uses are those of the new text)."""
        self.text = self.carrier.carry(yamltext.dump(self.data))
        self.start(self.text, dirty=True)

    def change(self, changes: list[dict[str, Any]]) -> None:
        """Apply form edits. A one-line value replaced by another is patched in the text where it stands (the
        fast path while typing); anything else is written through ruamel.yaml and carried onto the text."""
        source = source_language(self.data) if isinstance(self.data, dict) else "fi"
        full = False
        for change in changes:
            path = tuple(change["path"])
            value = change.get("value")
            lang = change.get("lang")
            target = self._target(path, value, str(lang) if lang else None, source)
            if target is not None and self._patch(*target):
                continue
            full = True
            if lang:
                yamltext.set_text(self.data, path, str(lang), str(value or ""), source)
            elif isinstance(value, list):
                old = yamltext.get(self.data, path)
                if isinstance(old, list) and value:
                    kept = [v for v in old if v in value] + [v for v in value if v not in old]
                    old[:] = kept
                else:
                    yamltext.set_value(self.data, path, value or None)
            else:
                old = yamltext.get(self.data, path)
                empty = value is None or value == ""
                yamltext.set_value(self.data, path, None if empty else yamltext.coerce(kind_at(path), value, old))
        if full:
            self._sync()
        else:
            self.text = "".join(self.lines)
            self.dirty = True
            self.generation += 1

    def _target(self, path: tuple[Any, ...], value: Any, lang: str | None,
                source: str) -> tuple[tuple[Any, ...], Any] | None:
        """The scalar a simple edit replaces, and its new value; None when the edit adds, removes or reshapes."""
        if isinstance(value, list) or value is None or value == "" or not path:
            return None
        old = yamltext.get(self.data, path)
        if lang:
            if isinstance(old, dict) and isinstance(old.get(lang), str):
                return (*path, lang), yamltext.coerce("text", str(value), old[lang])
            if isinstance(old, str) and lang == source:
                return path, yamltext.coerce("text", str(value), old)
            return None
        if old is None or isinstance(old, dict | list):
            return None
        return path, yamltext.coerce(kind_at(path), value, old)

    def _patch(self, path: tuple[Any, ...], new: Any) -> bool:
        holder = yamltext.get(self.data, path[:-1])
        key = path[-1]
        lc = getattr(holder, "lc", None)
        if lc is None:
            return False
        try:
            where = lc.data[key]
            line, col = (where[2], where[3]) if isinstance(holder, dict) else (where[0], where[1])
        except (KeyError, IndexError, TypeError):
            return False
        if not 0 <= line < len(self.lines):
            return False
        col += sum(delta for at, delta in self.shifts.get(line, []) if at < col)
        flow = bool(holder.fa.flow_style()) if hasattr(holder, "fa") else False
        old = holder[key]
        span = yamltext.scalar_span(self.lines[line], col, old, flow)
        if span is None:
            return False
        end, quote = span
        if old == "":
            quote = ""  # an item just added is written '' only because it is empty
        source = yamltext.scalar_source(new, quote, flow)
        if source is None:
            return False
        text = self.lines[line]
        self.lines[line] = text[:col] + source + text[end:]
        self.shifts.setdefault(line, []).append((col, len(source) - (end - col)))
        if isinstance(new, str) and source.startswith('"'):
            new = yamltext.DoubleQuotedScalarString(new)
        elif isinstance(new, str) and source.startswith("'"):
            new = yamltext.SingleQuotedScalarString(new)
        elif isinstance(new, str):
            new = "".join(new)  # plain, as written
        yamltext.assign(holder, key, new)
        return True

    def operate(self, op: str, path: tuple[Any, ...], value: Any = None) -> tuple[Any, ...]:
        """A structural change; returns the path the focus should go to."""
        if op == "add":
            item = value if value else new_item(path)
            index = yamltext.add_item(self.data, path, item)
            focus: tuple[Any, ...] = (*path, index)
        elif op == "remove":
            yamltext.remove_item(self.data, path)
            focus = path[:-1]
        elif op in ("up", "down"):
            index = yamltext.move_item(self.data, path, -1 if op == "up" else 1)
            focus = (*path[:-1], index)
        elif op == "add-preset":
            item = presetoffer.activity(self.data, str(value or ""))
            if item is None:
                raise ValueError(value)
            index = yamltext.add_item(self.data, path, item)
            focus = (*path, index)
        elif op == "create":
            yamltext.set_value(self.data, path, yamltext.CommentedMap())
            focus = path
        elif op == "clear":
            yamltext.set_value(self.data, path, None)
            focus = path[:-1]
        else:
            raise ValueError(op)
        self._sync()
        return focus

    def confirm(self, line: int) -> None:
        """Remove the `# TARKISTA:` mark of `line`: the owner has checked the value."""
        text = yamltext.confirm_line(self.text, line)
        if text != self.text:
            self.start(text, dirty=True)

    # --- what the library says --------------------------------------------------------------------------------
    def analyse(self) -> Analysis:
        out = Analysis()
        try:
            if self.unreadable is not None:
                raise LoadError(self.unreadable)
            doc = resolve(loads(self.text, self.display), self.path)
        except LoadError as exc:
            self.document = None
            out.findings = [self._finding(exc.finding)]
            out.preview_note = "Esikatselu ei päivity, ennen kuin tiedoston rakenne on korjattu."
            out.counts = {"error": 1, "warning": 0, "info": 0}
            return out
        findings = validate_document(doc)
        owned = rule_ids()
        findings = [f for f in findings if f.rule not in owned] + check_document(doc, self.config)
        self.document = doc
        marks = yamltext.marks(self.text)
        lines = _line_index(doc) if marks else {}
        ordered = sorted(set(findings), key=lambda f: (SEVERITY_ORDER[f.severity], f.line, f.column, f.rule))
        out.findings = [self._finding(f) for f in ordered]
        out.counts = {s.value: sum(1 for f in ordered if f.severity is s) for s in Severity}
        for line, note in marks:
            path = lines.get(line) or lines.get(line + 1) or ()
            out.marks.append({"line": line, "note": note, "path": list(path), "field": field_id(path)})
        out.preview, out.preview_note = self.preview(doc)
        return out

    def preview(self, doc: Document) -> tuple[str | None, str]:
        try:
            page = render_html(doc, self.preview_kind, self.preview_lang, fallback=True,  # type: ignore[arg-type]
                               findings=[])
        except (RenderError, ValueError, TypeError, KeyError, AttributeError) as exc:
            note = f"Esikatselu näyttää viimeisimmän onnistuneen version ({type(exc).__name__})."
            return self.last_preview, note
        self.last_preview = page
        return page, ""

    def _finding(self, finding: Finding) -> dict[str, Any]:
        path = parse_json_path(finding.path) if finding.path else ()
        return {"severity": finding.severity.value, "severity_fi": SEVERITY_FI[finding.severity],
                "message": finding.message, "hint": finding.hint, "rule": finding.rule, "article": finding.article,
                "line": finding.line, "column": finding.column, "path": list(path), "field": field_id(path),
                "file": finding.file}

    def form(self) -> list[Field]:
        lines = _key_lines(self.text)
        return build_form(self.data, lines, self.display, self.inherited())

    def inherited(self) -> dict[tuple[Any, ...], tuple[Any, str, int]]:
        """Values that come from shared files through `extends:`, with the file and line they stand on."""
        if not isinstance(self.data, dict) or "extends" not in self.data:
            return {}
        try:
            doc = resolve(loads(self.text, self.display), self.path)
        except LoadError:
            return {}
        found: dict[tuple[Any, ...], tuple[Any, str, int]] = {}
        for path, file in doc.value_files.items():
            if file != doc.file and path and (path[:-1] == () or path[:-1] not in found):
                found[path] = (yamltext.get(doc.data, path), file, doc.values.get(path, (0, 0))[0])
        return found


def _line_index(doc: Document) -> dict[int, tuple[Any, ...]]:
    """The deepest path that starts on each line of the file itself (values and keys)."""
    index: dict[int, tuple[Any, ...]] = {}
    for table, files in ((doc.keys, doc.key_files), (doc.values, doc.value_files)):
        for path, (line, _column) in table.items():
            if files.get(path, doc.file) != doc.file:
                continue
            if len(path) >= len(index.get(line, ())):
                index[line] = path
    return index


def _key_lines(text: str) -> dict[tuple[Any, ...], int]:
    try:
        doc = loads(text, "<editor>")
    except LoadError:
        return {}
    return {path: line for path, (line, _c) in doc.keys.items()}

