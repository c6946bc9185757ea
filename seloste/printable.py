"""Text from input files made safe to print: control characters and bidirectional overrides become visible
escapes.

A file name, a YAML value quoted in a message or a rule id can hold ESC (terminal escape sequences that recolour,
retitle or hide lines), BEL, a carriage return that overwrites the line, characters that XML 1.0 cannot hold
(a JUnit report would not parse), or U+202E, which shows text in reverse order. Every output format passes what
it prints through `printable`, which writes each such character as `\\x1b` or `\\u202e` instead.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters and DEL, bidirectional embeddings, overrides, isolates and marks, the line and
#: paragraph separators, and the code points XML 1.0 cannot hold (surrogates, U+FFFE, U+FFFF).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")
_UNSAFE_LINES = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                           "\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, newlines: bool = True) -> str:
    """`text` with every unsafe character escaped; tabs and newlines are kept unless `newlines=False`."""
    return (_UNSAFE if newlines else _UNSAFE_LINES).sub(_escape, text)


#: The characters refused in the text of a controller file (tab and newline are allowed).
REFUSED = _UNSAFE
