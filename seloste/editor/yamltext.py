"""The YAML text the editor writes: ruamel.yaml round-trip edits, carried onto the file's own lines.

ruamel.yaml keeps comments, key order and quoting, but re-emits a few constructs in its own way (an empty line
between `-` and the item, for instance). So the edited document is dumped, compared with a dump of the document
as it was loaded, and only the lines that changed between those two dumps replace lines of the original text:
every line the owner did not touch stays byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.compat import ordereddict
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

from ..presets import styled

Path = tuple[str | int, ...]
__all__ = ["CommentedMap", "DoubleQuotedScalarString", "SingleQuotedScalarString"]

TARKISTA = re.compile(r"#\s*TARKISTA:?\s*(.*)$")


def round_trip() -> YAML:
    """The reader and writer: comments, key order and quotes kept; the layout `seloste init` writes."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the owner did not touch
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.ignore_aliases = lambda *_: True
    return yaml


def parse(text: str) -> Any:
    return round_trip().load(text) if text.strip() else CommentedMap()


def dump(data: Any) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


class Carrier:
    """Puts the changes between two dumps onto the original text, leaving every other line as it was."""

    def __init__(self, original: str, base_dump: str) -> None:
        self.original = original.splitlines(keepends=True)
        self.base = base_dump.splitlines(keepends=True)
        self.same = original == base_dump
        self.omap: dict[int, int] = {}
        if not self.same:
            matcher = SequenceMatcher(None, self.base, self.original, autojunk=False)
            for a, b, size in matcher.get_matching_blocks():
                for k in range(size):
                    self.omap[a + k] = b + k

    def carry(self, new_dump: str) -> str:
        if self.same:
            return new_dump
        new = new_dump.splitlines(keepends=True)
        result = list(self.original)
        ops = SequenceMatcher(None, self.base, new, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in reversed(ops):
            if tag == "equal":
                continue
            head: list[str] = []
            tail: list[str] = []
            start = i1
            while start > 0 and start not in self.omap and (start - 1) not in self.omap:
                start -= 1
            if start in self.omap:
                o1 = self.omap[start]
            elif start == 0:
                o1 = 0
            else:
                o1 = self.omap[start - 1] + 1
            head = self.base[start:i1]
            end = i2
            while end < len(self.base) and end not in self.omap:
                end += 1
            tail = self.base[i2:end]
            o2 = len(self.original) if end >= len(self.base) else self.omap[end]
            result[o1:o2] = [*head, *new[j1:j2], *tail]
        return "".join(result)


def get(data: Any, path: Path) -> Any:
    node = data
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def _container(data: Any, path: Path) -> Any:
    """The mapping or list that holds `path`'s last part, creating missing mappings on the way."""
    node = data
    for part, following in itertools.pairwise(path):
        if isinstance(part, int):
            node = node[part]
            continue
        child = node.get(part) if isinstance(node, dict) else None
        if not isinstance(child, dict | list):
            child = CommentedSeq() if isinstance(following, int) else CommentedMap()
            node[part] = child
        node = child
    return node


def styled_like(old: Any, new: str) -> Any:
    """The new text in the old value's style where that style can hold it (folded, literal, quoted)."""
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(new)
    if isinstance(old, FoldedScalarString) or len(new) > 92:
        return styled(new)
    if isinstance(old, ScalarString) and old != "" and "\n" not in new:
        return type(old)(new)
    return LiteralScalarString(new) if "\n" in new else new


def coerce(kind: str, raw: Any, old: Any) -> Any:
    """The value a form field's text stands for: numbers, truth values and dates become YAML's own types."""
    if raw is None or isinstance(raw, bool | int | float):
        return raw
    text = str(raw)
    if kind in ("integer", "number"):
        try:
            return int(text) if kind == "integer" else float(text)
        except ValueError:
            return text  # the schema's finding explains it
    if kind == "boolean":
        return {"true": True, "false": False}.get(text, text)
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return styled_like(old, text) if kind in ("string", "markdown", "text") else text


def assign(holder: Any, key: Any, value: Any) -> None:
    """`holder[key] = value` exactly: ruamel.yaml would give a plain text the old value's quoting, but the
    editor decides the style itself (`styled_like`), e.g. an item just added as '' is plain once it has text."""
    if isinstance(holder, CommentedMap) and key in holder:
        ordereddict.__setitem__(holder, key, value)
    elif isinstance(holder, CommentedSeq) and isinstance(key, int) and key < len(holder):
        list.__setitem__(holder, key, value)
    else:
        holder[key] = value


def set_value(data: Any, path: Path, value: Any) -> None:
    """Set (or, with None, remove) the value at `path`; comments beside the key stay with it."""
    if not path:
        return
    if value is None:
        holder = _container_existing(data, path)
        if isinstance(holder, dict) and path[-1] in holder:
            _keep_following_lines(holder, path[-1])
            del holder[path[-1]]
            _prune(data, path[:-1])
        elif isinstance(holder, list) and isinstance(path[-1], int) and path[-1] < len(holder):
            holder[path[-1]] = ""
        return
    holder = _container(data, path)
    key = path[-1]
    if isinstance(holder, list) and isinstance(key, int):
        if key < len(holder):
            assign(holder, key, value)
        else:
            holder.append(value)
    elif isinstance(holder, dict):
        if key not in holder:
            _take_following_lines(holder, key, value)
        assign(holder, key, value)


def _keep_following_lines(holder: Any, key: Any) -> None:
    """Before `key` is deleted: the blank and comment lines that follow its value belong to what comes next,
    so they move to the key before it (when that one holds a plain value and has no such lines of its own)."""
    items = getattr(getattr(holder, "ca", None), "items", None)
    tokens = items.get(key) if items else None
    after = tokens[2] if tokens and len(tokens) > 2 else None
    if items is None or after is None or "\n" not in after.value:
        return
    keys = list(holder.keys())
    index = keys.index(key)
    if index == 0 or isinstance(holder[keys[index - 1]], dict | list):
        return
    previous = items.setdefault(keys[index - 1], [None, None, None, None])
    if previous[2] is not None:
        return
    rest = after.value[after.value.index("\n"):]  # without the deleted value's own end-of-line comment
    if rest.strip("\n"):
        return  # comment lines: too easy to misplace; leave them with the deleted key
    after.value = rest
    previous[2] = after


def _take_following_lines(holder: Any, key: Any, value: Any) -> None:
    """Before `key` is appended: the blank lines after the mapping's last value move below the new key."""
    items = getattr(getattr(holder, "ca", None), "items", None)
    if not items or not holder or isinstance(value, dict):
        return
    last = list(holder.keys())[-1]
    tokens = items.get(last)
    after = tokens[2] if tokens and len(tokens) > 2 else None
    if after is None or "\n" not in after.value or isinstance(holder[last], dict | list):
        return
    own, rest = after.value[: after.value.index("\n") + 1], after.value[after.value.index("\n") + 1:]
    if not rest or rest.strip("\n"):
        return
    if isinstance(value, list):
        if not (isinstance(value, CommentedSeq) and value and not isinstance(value[-1], dict | list)):
            return
        after.value = own
        value.ca.items[len(value) - 1] = [CommentToken("\n" + rest, after.start_mark, None), None]
        return
    after.value = own
    items[key] = [None, None, CommentToken("\n" + rest, after.start_mark, None), None]


def _pass_following_lines(seq: Any) -> None:
    """After an item was appended: blank lines after the item before it move below the new one."""
    items = getattr(getattr(seq, "ca", None), "items", None)
    if not items or len(seq) < 2 or isinstance(seq[-2], dict | list):
        return
    tokens = items.get(len(seq) - 2)
    after = tokens[0] if tokens else None
    if after is None or "\n" not in after.value:
        return
    own, rest = after.value[: after.value.index("\n") + 1], after.value[after.value.index("\n") + 1:]
    if not rest or rest.strip("\n"):
        return
    after.value = own
    items[len(seq) - 1] = [CommentToken("\n" + rest, after.start_mark, None), None]


def _container_existing(data: Any, path: Path) -> Any:
    return get(data, path[:-1])


def _prune(data: Any, path: Path) -> None:
    """Remove mappings the form emptied (never the document itself, never a list)."""
    while path:
        node = get(data, path)
        if not (isinstance(node, dict) and not node):
            return
        holder = get(data, path[:-1])
        if isinstance(holder, dict):
            del holder[path[-1]]
        else:
            return
        path = path[:-1]


def set_text(data: Any, path: Path, lang: str, text: str, source: str) -> None:
    """Set one language of a human-language text, keeping a plain string plain while only `source` is used."""
    old = get(data, path)
    if isinstance(old, dict):
        value = old
        if text:
            value[lang] = coerce("text", text, old.get(lang))
        else:
            value.pop(lang, None)
        if not value:
            set_value(data, path, None)
        return
    if lang == source:
        set_value(data, path, coerce("text", text, old) if text else None)
        return
    if not text:
        return
    value = CommentedMap()
    if isinstance(old, str) and old:
        value[source] = old
    value[lang] = coerce("text", text, None)
    set_value(data, path, value)


def add_item(data: Any, path: Path, item: Any) -> int:
    """Append `item` to the list at `path` (created when missing); returns its index."""
    seq = get(data, path)
    if not isinstance(seq, list):
        seq = CommentedSeq([item])
        set_value(data, path, seq)
        return 0
    if isinstance(seq, CommentedSeq) and seq.fa.flow_style() and isinstance(item, dict):
        seq.fa.set_block_style()
    seq.append(item)
    if not isinstance(item, dict | list):
        _pass_following_lines(seq)
    return len(seq) - 1


def remove_item(data: Any, path: Path) -> None:
    seq = get(data, path[:-1])
    index = path[-1]
    if isinstance(seq, list) and isinstance(index, int) and index < len(seq):
        items = getattr(getattr(seq, "ca", None), "items", None)
        trailer = items.get(index) if items and index == len(seq) - 1 else None
        del seq[index]
        own = items.get(len(seq) - 1) if items and seq else None
        if items is not None and trailer and trailer[0] is not None and seq and not isinstance(seq[-1], dict | list) \
                and (own is None or own[0] is None or own[0].value == "\n") and not trailer[0].value.strip():
            items[len(seq) - 1] = trailer


def move_item(data: Any, path: Path, step: int) -> int:
    """Move the list item at `path` by `step` places; returns its new index."""
    seq = get(data, path[:-1])
    index = path[-1]
    if not isinstance(seq, list) or not isinstance(index, int):
        return -1
    target = index + step
    if not 0 <= target < len(seq):
        return index
    seq[index], seq[target] = seq[target], seq[index]
    return target


def confirm_line(text: str, line: int) -> str:
    """The text with the `# TARKISTA:` mark of 1-based `line` removed (a comment-only line goes entirely)."""
    lines = text.splitlines(keepends=True)
    if not 1 <= line <= len(lines):
        return text
    current = lines[line - 1]
    match = _mark(current)
    if match is None:
        return text
    before = current[: match.start()]
    if not before.strip():
        del lines[line - 1]
    else:
        ending = current[len(current.rstrip("\r\n")):]
        lines[line - 1] = before.rstrip() + ending
    return "".join(lines)


def marks(text: str) -> list[tuple[int, str]]:
    """(line, note) of every `# TARKISTA:` mark (outside quoted text, as far as a line-level look can tell)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _mark(line)
        if match:
            found.append((number, match.group(1).strip()))
    return found


def _mark(line: str) -> re.Match[str] | None:
    match = TARKISTA.search(line)
    if match is None:
        return None
    before = line[: match.start()]
    if before.count('"') % 2 or before.count("'") % 2 or (before.strip() and not before.endswith((" ", "\t"))):
        return None
    return match


# --- in-place scalar edits: the fast path for typing ----------------------------------------------------------
_RESOLVER = None
_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_CHARS = set(",[]{}")


def _resolves_to_text(value: str) -> bool:
    global _RESOLVER
    if _RESOLVER is None:
        from ruamel.yaml.resolver import VersionedResolver

        _RESOLVER = VersionedResolver()
    from ruamel.yaml.nodes import ScalarNode

    return bool(_RESOLVER.resolve(ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str")


def plain_ok(value: str, flow: bool) -> bool:
    """Whether `value` can be written as a plain (unquoted) scalar and read back as the same text."""
    return bool(value) and value == value.strip() and "\n" not in value and value[0] not in _PLAIN_START \
        and ": " not in value and " #" not in value and not value.endswith(":") and "\t" not in value \
        and not (flow and _FLOW_CHARS & set(value)) and _resolves_to_text(value)


def scalar_source(value: Any, quote: str, flow: bool) -> str | None:
    """`value` written as a one-line YAML scalar (in the given quote style), or None when it needs more."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or isinstance(value, FoldedScalarString | LiteralScalarString) or "\n" in value:
        return None
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote != '"' and plain_ok(value, flow):
        return value
    import json

    return json.dumps(value, ensure_ascii=False)


def scalar_span(line: str, col: int, old: Any, flow: bool) -> tuple[int, str] | None:
    """(end column, quote) of the one-line scalar that starts at `col` and holds `old`; None when unsure."""
    rest = line[col:]
    if rest.startswith('"'):
        i = 1
        while i < len(rest):
            if rest[i] == "\\":
                i += 2
                continue
            if rest[i] == '"':
                import json

                try:
                    if json.loads(rest[: i + 1]) != str(old):
                        return None
                except ValueError:
                    return None
                return col + i + 1, '"'
            i += 1
        return None
    if rest.startswith("'"):
        i = 1
        while i < len(rest):
            if rest[i] == "'":
                if rest[i + 1: i + 2] == "'":
                    i += 2
                    continue
                if rest[1:i].replace("''", "'") != str(old):
                    return None
                return col + i + 1, "'"
            i += 1
        return None
    match = re.search(r"\s+#|$", rest)
    raw = rest[: match.start() if match else len(rest)]
    if flow:
        cut = re.search(r"[,\]\}]", raw)
        raw = raw[: cut.start()] if cut else raw
    raw = raw.rstrip()
    expected = old.isoformat() if isinstance(old, dt.date) else (
        ("true" if old else "false") if isinstance(old, bool) else str(old))
    if raw != expected and not (isinstance(old, bool) and raw.lower() == expected):
        return None
    return col + len(raw), ""
