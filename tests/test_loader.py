"""The loader: YAML text → plain data with positions, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from seloste.loader import MAX_BYTES, LoadError, load, loads


def error_of(text: str) -> tuple[int, int, str, str]:
    with pytest.raises(LoadError) as caught:
        loads(text, "f.yaml")
    f = caught.value.finding
    return f.line, f.column, f.rule, f.message


def test_plain_data_and_positions() -> None:
    doc = loads("a: 2024-01-31\nb:\n  - 1\n  - {c: d, e: 1.5, f: yes, g: ~}\n", "f.yaml")
    assert doc.data == {"a": "2024-01-31", "b": [1, {"c": "d", "e": 1.5, "f": "yes", "g": None}]}
    assert doc.position(("b", 1, "c")) == (4, 9)
    assert doc.position(("b", 1, "c"), key=True) == (4, 6)
    assert doc.position(("b", 0)) == (3, 5)
    # an unknown path falls back to its nearest known parent
    assert doc.position(("b", 1, "missing")) == (4, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", (3, 1, "duplicate-key", "the key 'a' appears twice (first on line 1)")),
        ("a: [b\n", (2, 1, "yaml-syntax", None)),
        ("a: !!python/object/apply:os.system [echo]\n", (1, 4, "yaml-tag", None)),
        ("a: !custom x\n", (1, 4, "yaml-tag", None)),
        ("a: !!binary aGk=\n", (1, 4, "yaml-tag", None)),
        ("? [a]\n: 1\n", (1, 3, "yaml-key", None)),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", (3, 3, "yaml-merge", None)),
        ("", (1, 1, "empty-file", "the file is empty")),
        ("# only a comment\n", (1, 1, "empty-file", "the file is empty")),
    ],
)
def test_refused_yaml(text: str, expected: tuple[int, int, str, str | None]) -> None:
    line, column, rule, message = error_of(text)
    assert (line, column, rule) == expected[:3]
    if expected[3]:
        assert message == expected[3]


def test_control_character_is_positioned() -> None:
    line, column, rule, message = error_of('a: b\nc: "x\x07"\n')
    assert (line, column, rule) == (2, 6, "yaml-syntax")
    assert message == "the file contains the control character U+0007"


def test_syntax_error_points_at_the_line() -> None:
    line, _, rule, message = error_of("controller:\n  name: A\n   bad: indent\n")
    assert (line, rule) == (3, "yaml-syntax")
    assert message.startswith("YAML syntax error")


def test_billion_laughs_is_refused_fast() -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    _, _, rule, message = error_of("\n".join(lines) + "\n")
    assert rule == "yaml-too-large"
    assert "aliases" in message


def test_deep_nesting_is_refused() -> None:
    _, _, rule, _ = error_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert rule == "yaml-too-deep"


def test_invalid_date_stays_text_for_the_schema_to_report() -> None:
    assert loads("d: 2024-13-01\n").data == {"d": "2024-13-01"}


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: \xc3\xa4\n")
    assert load(path).data == {"name": "ä"}


def test_latin1_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nnimi: Hyvinvointihuone Ä\n".encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        load(path)
    f = caught.value.finding
    assert (f.line, f.column, f.rule) == (2, 24, "encoding")
    assert "UTF-8" in f.message


def test_utf16_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("a: 1\n".encode("utf-16"))
    with pytest.raises(LoadError) as caught:
        load(path)
    assert "UTF-16" in caught.value.finding.message


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.finding.rule == "file-too-large"


def test_unreadable(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "missing.yaml")
    assert caught.value.finding.rule == "unreadable"
