"""YAML syntax errors in plain words, at the line where the mistake is.

The YAML parser reports where it noticed a problem, which is often the line after the mistake: a key without
its colon (`name Kauneushoitola`) is read as text that runs on into the next line, and the error comes there.
`explain` looks at the lines around the parser's position and names the real mistake in the interface
language: "the end of line 12 is missing a colon", "line 7 has a second colon", "line 9 is indented with a
tab". What it cannot explain keeps the parser's own words.
"""

from __future__ import annotations

import json
import re

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .i18n import tr

#: (line, column, message, hint), 1-based.
Explained = tuple[int, int, str, str]

_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s:#'\"][^:#]*?):(?:\s|$)")


def _prefix(text: str) -> str:
    return tr("YAML syntax error: {problem}", problem=text)


def _mark(mark: object) -> tuple[int, int] | None:
    line, column = getattr(mark, "line", None), getattr(mark, "column", None)
    return (line + 1, column + 1) if isinstance(line, int) and isinstance(column, int) else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], number: int) -> int:
    """The number of the nearest line above `number` with content (not blank, not only a comment); 0 if none."""
    for n in range(number - 1, 0, -1):
        stripped = lines[n - 1].strip()
        if stripped and not stripped.startswith("#"):
            return n
    return 0


def _missing_colon(lines: list[str], number: int) -> Explained:
    line = lines[number - 1]
    words = line.strip().removeprefix("- ").split()
    column = len(line.rstrip()) + 1
    if len(words) <= 1:
        return (number, column, _prefix(tr("the end of line {line} is missing a colon ':'", line=number)),
                tr("Write the key with a colon, e.g. '{key}:'.", key=words[0] if words else "key"))
    key = words[0]
    return (number, line.index(key) + len(key) + 1,
            _prefix(tr("line {line} is missing the colon after '{key}'", line=number, key=key)),
            tr("Write '{key}: …' with a colon and a space after the key.", key=key))


def explain(exc: YAMLError, text: str) -> Explained | None:
    """The mistake behind a parser error, in plain words; None when it is not one seloste recognises."""
    if not isinstance(exc, MarkedYAMLError):
        return None
    problem, context = str(exc.problem or ""), str(exc.context or "")
    at, opened = _mark(exc.problem_mark), _mark(exc.context_mark)
    lines = text.splitlines() or [""]
    if at is None:
        return None
    number, column = at
    line = lines[number - 1] if number <= len(lines) else ""

    if "could not find expected ':'" in problem and opened is not None:
        return _missing_colon(lines, opened[0])
    if "cannot start any token" in problem:
        char = line[column - 1:column] if column <= len(line) else ""
        if char == "\t":
            return (number, column, _prefix(tr("line {line} is indented with a tab", line=number)),
                    tr("Indent with spaces only (two per level); YAML does not allow tabs."))
        if char:
            return (number, column, _prefix(tr("on line {line} a value cannot start with '{char}'", line=number,
                                               char=char)), _quote_hint(line))
    if "mapping values are not allowed" in problem:
        before = _previous(lines, number)
        above = lines[before - 1] if before else ""
        if line.count(": ") + line.rstrip().endswith(":") >= 2 and _KEY.match(line):
            return (number, column, _prefix(tr("line {line} has a second colon ':' in its value", line=number)),
                    _quote_hint(line))
        if before and ":" not in above and _indent(above) == _indent(line):
            return _missing_colon(lines, before)
        if before and re.search(r":\S", above) and _indent(above) == _indent(line):
            key = above.strip().split(":", 1)[0]
            return (before, above.index(":") + 2,
                    _prefix(tr("line {line} needs a space after the colon of '{key}'", line=before, key=key)),
                    tr("Write '{key}: …' with a space after the colon.", key=key))
        if before and _indent(line) > _indent(above):
            return (number, 1, _prefix(tr("line {line} is indented more than line {above}", line=number,
                                          above=before)),
                    tr("Line up the keys of one mapping under each other, with the same number of spaces."))
    if "did not find expected key" in problem and opened is not None:
        for earlier in range(opened[0], number):  # a quote left open on an earlier line ran on to this one
            text_line = lines[earlier - 1].split(" #")[0]
            for quote in ('"', "'"):
                if text_line.count(quote) % 2 == 1:
                    return (earlier, text_line.index(quote) + 1,
                            _prefix(tr("the quote opened on line {line} is never closed", line=earlier)),
                            tr("Add the closing quote at the end of the value on line {line}.", line=earlier))
        if _indent(line) < opened[1] - 1 or (number > opened[0] and _indent(line) != opened[1] - 1):
            return (number, 1, _prefix(tr("line {line} is not indented like the lines above it", line=number)),
                    tr("Line up the keys of one mapping under each other, with the same number of spaces."))
        found = _KEY.match(line)
        value = line[found.end():].strip() if found else ""
        if value[:1] in ("*", "&", "!", "%", "@", "`"):
            return (number, found.end() + 1 if found else column,
                    _prefix(tr("on line {line} a value cannot start with '{char}'", line=number, char=value[0])),
                    _quote_hint(line))
        if value[:1] in ('"', "'"):
            return (number, column, _prefix(tr("line {line} continues after a quoted value", line=number)),
                    tr("Put the whole value inside the quotes."))
        return None
    if "expected '-' indicator" in problem:
        return (number, column, _prefix(tr("line {line} should be a list item starting with '- ', like the lines "
                                           "above it", line=number)),
                tr("Start the line with '- ', or indent it under the list item it belongs to."))
    if "end of stream" in problem and "quoted scalar" in context and opened is not None:
        return (*opened, _prefix(tr("the quote opened on line {line} is never closed", line=opened[0])),
                tr("Add the closing quote at the end of the value on line {line}.", line=opened[0]))
    if "flow mapping" in context or "flow sequence" in context:
        bracket, closing = ("{", "}") if "mapping" in context else ("[", "]")
        where = opened[0] if opened else number
        return (number, column, _prefix(tr("the '{open}' opened on line {line} is not closed with '{close}'",
                                           open=bracket, line=where, close=closing)),
                tr("Add '{close}' at the end of line {line}, or put the value in quotes if the '{open}' is part of "
                   "the text.", close=closing, line=where, open=bracket))
    if "undefined alias" in problem:
        return (number, column, _prefix(tr("on line {line} a value cannot start with '{char}'", line=number,
                                           char="*")), _quote_hint(line))
    return None


def _quote_hint(line: str) -> str:
    """Quote the value of a 'key: value' line exactly as written."""
    match = _KEY.match(line)
    if not match:
        return tr("Put the value in quotes.")
    value = line[match.end():].strip()
    quoted = json.dumps(value, ensure_ascii=False)
    return tr("Put the value in quotes: {key}: {value}", key=match.group("key").strip(), value=quoted)
