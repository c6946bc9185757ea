"""Checks on every text of a controller file that keep what it prints honest and what it renders bounded.

- **Characters.** Control characters other than tab and newline (ESC, BEL, NUL, C1 controls, carriage
  returns…) and the bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
  U+200E, U+200F, U+061C), which show text in another order than it is stored, are refused in every key and
  every text, at their line and column.
- **Markdown.** Free text is Markdown, and Python-Markdown's time grows with the square of some inputs (20,000
  `[` take minutes). So each Markdown text is bounded in length, lines, links (`[`) and nesting (quotes and
  list markers at the start of a line, and indentation), and the file as a whole in its Markdown; past a bound
  the text is refused at the place where the bound was passed. `validate`, `check` and `build` apply the same
  bounds, so CI rejects what would hang a build. Within the bounds a text renders in milliseconds.

Everything here is linear in the size of the input and uses no regular expression on it but a single
character class.
"""

from __future__ import annotations

from collections.abc import Iterator

from .findings import Finding, Severity
from .i18n import tr
from .loader import Document, JsonPath, json_path, walk
from .printable import REFUSED
from .text import LANGUAGES, markdown_fields

MAX_MARKDOWN_CHARS = 10_000
MAX_MARKDOWN_LINES = 500
MAX_MARKDOWN_LINKS = 50
MAX_MARKDOWN_NESTING = 8
MAX_MARKDOWN_INDENT = 40
MAX_MARKDOWN_TOTAL = 200_000
MAX_MARKDOWN_LINKS_TOTAL = 500

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
          0x202E: "RIGHT-TO-LEFT OVERRIDE", 0x202D: "LEFT-TO-RIGHT OVERRIDE", 0x202B: "RIGHT-TO-LEFT EMBEDDING",
          0x202A: "LEFT-TO-RIGHT EMBEDDING", 0x202C: "POP DIRECTIONAL FORMATTING", 0x2066: "LEFT-TO-RIGHT ISOLATE",
          0x2067: "RIGHT-TO-LEFT ISOLATE", 0x2068: "FIRST STRONG ISOLATE", 0x2069: "POP DIRECTIONAL ISOLATE",
          0x200E: "LEFT-TO-RIGHT MARK", 0x200F: "RIGHT-TO-LEFT MARK", 0x061C: "ARABIC LETTER MARK"}


def _offset(text: str, line: int, column: int) -> int:
    """The index in `text` of a 1-based line and column (clamped)."""
    index = 0
    for _ in range(line - 1):
        found = text.find("\n", index)
        if found < 0:
            return len(text)
        index = found + 1
    return min(index + max(column - 1, 0), len(text))


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def place(doc: Document, path: JsonPath, value: str, index: int, *, key: bool = False) -> tuple[str, int, int]:
    """(file, line, column) of character `index` of the text at `path`, as near as the file shows it: where the
    text stands literally in the file, the character's own place; else (an escape in a quoted text, a text
    inherited from a shared file) the place of the text."""
    file, line, column = doc.location(path, key=key)
    if file != doc.file or not doc.text or line < 1:
        return file, line, column
    start = _offset(doc.text, line, column)
    newlines = value.count("\n", 0, index)
    line_start = value.rfind("\n", 0, index) + 1
    if newlines and doc.text[start:start + 1] in ("|", ">"):  # a block scalar: one file line per text line
        row = line + 1 + newlines
        begin = _offset(doc.text, row, 1)
        indent = len(doc.text[begin:begin + 200]) - len(doc.text[begin:begin + 200].lstrip(" "))
        return file, row, indent + index - line_start + 1
    # elsewhere, the characters before `index` on its line identify the place well enough
    window = value[max(line_start, index - 40):index + 1]
    found = doc.text.find(window, start, start + 4 * len(value) + 4 * len(window) + 256)
    if found < 0:
        return file, line, column
    return (file, *_line_column(doc.text, found + len(window) - 1))


def _character_name(char: str) -> str:
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def character_checks(doc: Document) -> Iterator[Finding]:
    """Refused characters in every key and every text value, one finding per text, at the first of them."""
    for path, value in walk(doc.data):
        texts: list[tuple[str, bool]] = []
        if path and isinstance(path[-1], str) and REFUSED.search(path[-1]):
            texts.append((path[-1], True))
        if isinstance(value, str):
            texts.append((value, False))
        for text, is_key in texts:
            match = REFUSED.search(text)
            if match is None:
                continue
            file, line, column = place(doc, path, text, match.start(), key=is_key)
            char = _character_name(match.group(0))
            bidi = ord(match.group(0)) > 0x9F
            message = (tr("the text contains the invisible character {char}, which shows text in another order "
                          "than it is written; it is not allowed", char=char) if bidi else
                       tr("the text contains the control character {char}; it is not allowed", char=char))
            yield Finding(file, line, column, "control-character", Severity.ERROR, message, path=json_path(path),
                          hint=tr("Delete the invisible character (it often comes from copying text from a PDF, "
                                  "a web page or Word)."))


def nesting(line: str) -> tuple[int, int]:
    """(quote and list markers at the start of `line`, its indentation in columns), in one pass."""
    i, depth, n = 0, 0, len(line)
    indent = 0
    while i < n and line[i] in " \t":
        indent += 4 if line[i] == "\t" else 1
        i += 1
    while i < n:
        char = line[i]
        if char in " \t":
            i += 1
        elif char == ">":
            depth += 1
            i += 1
        elif char in "*+-" and i + 1 < n and line[i + 1] in " \t":
            depth += 1
            i += 2
        elif char.isdigit():
            j = i
            while j < n and j - i < 10 and line[j].isdigit():
                j += 1
            if j < n - 1 and line[j] in ".)" and line[j + 1] in " \t":
                depth += 1
                i = j + 2
            else:
                break
        else:
            break
    return depth, indent


def markdown_problem(text: str) -> tuple[int, str] | None:
    """(index, message) of the first bound a Markdown text passes, or None."""
    if len(text) > MAX_MARKDOWN_CHARS:
        return MAX_MARKDOWN_CHARS, tr("this Markdown text is {count} characters long; the limit is {limit}",
                                      count=len(text), limit=MAX_MARKDOWN_CHARS)
    lines = text.count("\n") + 1
    if lines > MAX_MARKDOWN_LINES:
        return _nth(text, "\n", MAX_MARKDOWN_LINES), tr(
            "this Markdown text has {count} lines; the limit is {limit}", count=lines, limit=MAX_MARKDOWN_LINES)
    links = text.count("[")
    if links > MAX_MARKDOWN_LINKS:
        return _nth(text, "[", MAX_MARKDOWN_LINKS + 1), tr(
            "this Markdown text has {count} '[' (links); the limit is {limit}", count=links,
            limit=MAX_MARKDOWN_LINKS)
    start = 0
    for line in text.split("\n"):
        depth, indent = nesting(line)
        if depth > MAX_MARKDOWN_NESTING or indent > MAX_MARKDOWN_INDENT:
            return start, tr("this Markdown line nests quotes or lists {depth} levels deep or is indented "
                             "{indent} columns; the limits are {limit} levels and {columns} columns",
                             depth=depth, indent=indent, limit=MAX_MARKDOWN_NESTING, columns=MAX_MARKDOWN_INDENT)
        start += len(line) + 1
    return None


def _nth(text: str, char: str, n: int) -> int:
    index = -1
    for _ in range(n):
        index = text.find(char, index + 1)
    return max(index, 0)


def markdown_checks(doc: Document) -> Iterator[Finding]:
    """Each Markdown text within its bounds, and the file's Markdown within its total."""
    total = links = 0
    hint = tr("Shorten the text or split it; seloste's documents are meant to be read by people.")
    for path, value in markdown_fields(doc.data):
        variants = ([((*path, code), value[code]) for code in LANGUAGES if isinstance(value.get(code), str)]
                    if isinstance(value, dict) else [(path, value)])
        for where, text in variants:
            total += len(text)
            links += text.count("[")
            problem = markdown_problem(text)
            if problem is None and total > MAX_MARKDOWN_TOTAL:
                problem = 0, tr("the Markdown texts of this file are {count} characters long in all; the limit is "
                                "{limit}", count=total, limit=MAX_MARKDOWN_TOTAL)
            if problem is None and links > MAX_MARKDOWN_LINKS_TOTAL:
                problem = 0, tr("the Markdown texts of this file have more than {limit} '[' (links) in all",
                                limit=MAX_MARKDOWN_LINKS_TOTAL)
            if problem is not None:
                file, line, column = place(doc, where, text, problem[0])
                yield Finding(file, line, column, "markdown-limit", Severity.ERROR, problem[1], path=json_path(where),
                              hint=hint)
                if total > MAX_MARKDOWN_TOTAL or links > MAX_MARKDOWN_LINKS_TOTAL:
                    return


def input_checks(doc: Document) -> list[Finding]:
    """Refused characters and Markdown bounds (run on every loaded file, before and regardless of the schema)."""
    return [*character_checks(doc), *markdown_checks(doc)]
