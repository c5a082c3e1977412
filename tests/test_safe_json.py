"""Bounded JSON from outside (issue #18, item 6): the settings file and socket messages.

100,000 ``[`` in settings.json crashed the app at start with a RecursionError; here it, and the other
bad settings files, give defaults and one warning.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant import safe_json
from assistant.config import Settings, load_settings, settings_path


def test_depth_is_measured_without_recursion_and_ignores_brackets_in_strings() -> None:
    assert safe_json.nesting_depth("1") == 0
    assert safe_json.nesting_depth('{"a": [1, {"b": "[[[{{{"}]}') == 3
    assert safe_json.nesting_depth('["unterminated \\" [[[') == 1
    assert safe_json.nesting_depth("[" * 200_000) == 200_000


@pytest.mark.parametrize(
    ("data", "max_bytes", "words"),
    [
        ("[" * 100_000, 10**6, "nested more than 32 levels"),
        ('{"a": ' * 40 + "1" + "}" * 40, 10**6, "nested more than 32 levels"),
        ("x" * 2000, 1000, "larger than 1,000 bytes"),
        ("{nonsense", 10**6, "not valid JSON"),
        ("1" * 5000, 10**6, "not valid JSON"),  # over Python's int digit limit: a ValueError, not a crash
        (b"\xff\xfe{}", 10**6, "not UTF-8"),
    ],
)
def test_bad_json_is_one_short_value_error(data: str | bytes, max_bytes: int, words: str) -> None:
    with pytest.raises(safe_json.JsonLimitError, match=words):
        safe_json.loads(data, max_bytes=max_bytes)


def test_good_json_passes() -> None:
    assert safe_json.loads('{"command": "status", "args": {"path": "[x]"}}', 1000) == {
        "command": "status",
        "args": {"path": "[x]"},
    }


def write_settings(folder: Path, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    settings_path(folder).write_text(text, encoding="utf-8")


def test_deeply_nested_settings_file_gives_defaults_and_a_warning(tmp_path: Path) -> None:
    write_settings(tmp_path, "[" * 100_000)
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert warnings == [
        "The settings file could not be used because it is nested more than 32 levels deep, "
        "so defaults are used."
    ]


def test_huge_settings_file_is_not_read(tmp_path: Path) -> None:
    write_settings(tmp_path, '{"voice": "' + "a" * 2_000_000 + '"}')
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings() and "larger than" in warnings[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(10)
def test_settings_file_that_is_a_fifo_is_not_waited_on(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    os.mkfifo(settings_path(tmp_path))
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert warnings == ["The settings file could not be read, so defaults are used."]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("kind", ["deep", "huge-number", "fifo"])
def test_a_hostile_history_file_starts_an_empty_history(tmp_path: Path, kind: str) -> None:
    """The history on disk is read at app start too: the same limits, the same quiet recovery."""
    from assistant.app.history import HistoryStore

    path = tmp_path / "history.json"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    else:
        path.write_text("[" * 100_000 if kind == "deep" else '{"entries": [{"when": ' + "9" * 5000 + "}]}")
    store = HistoryStore(size=10, on_disk=True, path=path)
    assert list(store) == []
