"""The YAML loader on inputs that data-driven text cases cannot hold: raw bytes, encodings, sizes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import load
from generator.load import load_yaml


def loaded(tmp_path: Path, raw: bytes) -> tuple[object, list[str]]:
    path = tmp_path / "x.yml"
    path.write_bytes(raw)
    result, problems = load_yaml(path)
    return (result.data if result else None), [p.format(tmp_path) for p in problems]


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("- id: a\n  tags:\n    - one\n    - two\n")
    result, problems = load_yaml(path)
    assert problems == [] and result is not None
    assert result.position((0, "tags", 1)) == (4, 7)
    assert result.position((0, "tags"), key=True) == (2, 3)
    # parts that are not in the data are skipped: the nearest written node is named
    assert result.position((0, "when", "day", "date")) == (1, 3)


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    assert loaded(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: two\r\n") == ({"a": 1, "b": "two"}, [])


def test_non_utf8_bytes_are_refused_with_their_line(tmp_path: Path) -> None:
    assert loaded(tmp_path, b"a: 1\nb: caf\xe9\n") == (
        None,
        ["x.yml:2:7: file is not valid UTF-8 text: save it as UTF-8"],
    )


def test_empty_and_comment_only_files_load_as_nothing(tmp_path: Path) -> None:
    assert loaded(tmp_path, b"") == (None, [])
    assert loaded(tmp_path, b"# only a comment\n") == (None, [])


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 10)
    assert loaded(tmp_path, b"a: 123456\n") == ({"a": 123456}, [])
    assert loaded(tmp_path, b"a: 1234567\n") == (
        None,
        ["x.yml:0:0: file is larger than the limit of 10 bytes: split it or trim it"],
    )


def test_deep_nesting_is_refused_before_python_recursion(tmp_path: Path) -> None:
    data, problems = loaded(tmp_path, b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert data is None
    # Refused at the first level too deep, or where libyaml's own reading-ahead limit stops first.
    assert len(problems) == 1 and problems[0].startswith("x.yml:1:")
    assert problems[0].endswith(f": nesting deeper than {load.MAX_DEPTH} levels is not allowed")


def test_control_characters_are_refused_with_their_position(tmp_path: Path) -> None:
    assert loaded(tmp_path, b"a: ok\nb: x\x07y\n") == (
        None,
        ["x.yml:2:5: character U+0007 is not allowed in YAML: remove it"],
    )


def test_plain_scalars_resolve_to_a_small_schema(tmp_path: Path) -> None:
    data, problems = loaded(
        tmp_path, b"a: [true, False, null, ~, 12, -3, 1.5, NO, yes, 12:30, 017, 0x1F, 2025-01-24, .inf]\n"
    )
    assert problems == []
    assert data == {
        "a": [True, False, None, None, 12, -3, 1.5, "NO", "yes", "12:30", "017", "0x1F", "2025-01-24", ".inf"]
    }
