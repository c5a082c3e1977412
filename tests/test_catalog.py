"""Every vocabulary and command is declared once, in assistant.catalog, and everyone reads it there."""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import catalog
from assistant.cli import build_parser
from assistant.config import Settings

REPO = Path(__file__).resolve().parents[1]


def subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def option(parser: argparse.ArgumentParser, flag: str) -> argparse.Action | None:
    return next((a for a in parser._actions if flag in a.option_strings), None)


def test_catalog_and_cli_start_without_heavy_imports() -> None:
    code = (
        "import sys, json, assistant.catalog, assistant.cli, assistant.config; "
        "assistant.cli.build_parser(); "
        "print(json.dumps(sorted(m for m in ('PySide6', 'torch', 'numpy', 'PIL') if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == []


def test_settings_fields_are_the_catalog_entries() -> None:
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    assert list(fields) == [spec.name for spec in catalog.SETTINGS]
    defaults = Settings()
    for spec in catalog.SETTINGS:
        assert getattr(defaults, spec.name) == spec.default
        assert fields[spec.name].metadata["spec"] is spec
        if spec.choices:
            assert spec.default in spec.choices
        if spec.range:
            assert spec.range[0] <= spec.default <= spec.range[1]  # type: ignore[operator]
        assert spec.help.endswith(".")


def test_the_settings_check_reads_choices_and_ranges_from_the_catalog() -> None:
    for spec in catalog.SETTINGS:
        if spec.choices:
            _, warnings = Settings.from_json({spec.name: "no-such-choice"})
            assert warnings == [
                f"Setting {spec.name!r} must be one of {', '.join(spec.choices)}, so its default is used."
            ]
        if spec.range:
            _, warnings = Settings.from_json({spec.name: spec.range[1] + 1})
            assert len(warnings) == 1 and f"{spec.range[1]:g}" in warnings[0]


def test_old_spellings_are_migrated_not_rejected() -> None:
    settings, warnings = Settings.from_json({"version": 1, "verbosity": "full"})
    assert (settings.verbosity, warnings) == ("detailed", [])
    assert catalog.canonical("verbosity", "full") == "detailed"
    assert catalog.canonical("verbosity", "brief") == "brief"


@pytest.mark.parametrize("flag", ["--device", "--runtime", "--verbosity", "--speech"])
def test_shared_options_take_their_vocabulary_from_the_catalog(flag: str) -> None:
    spec = next(s for s in catalog.OPTIONS.values() if s.flag == flag)
    seen = 0
    for name, parser in subparsers().items():
        action = option(parser, flag)
        if action is None:
            continue
        seen += 1
        if action.choices is not None:
            assert tuple(action.choices) == spec.choices, name
        else:  # --device: a type that also takes cuda:N
            convert = action.type
            assert callable(convert)
            assert [convert(v) for v in (*spec.choices, "cuda:1")] == [*spec.choices, "cuda:1"], name
            with pytest.raises(argparse.ArgumentTypeError):
                convert("gpu")
    assert seen >= 1


def test_the_old_verbosity_spelling_still_works_on_the_command_line() -> None:
    args = build_parser().parse_args(["describe", "x.png", "--verbosity", "full"])
    assert args.verbosity == "detailed"


def test_the_understanding_stage_speaks_the_same_verbosities() -> None:
    from assistant.understand import compose

    assert compose.VERBOSITIES is catalog.VERBOSITIES


def test_commands_hotkeys_and_ipc_come_from_one_table() -> None:
    names = [c.name for c in catalog.COMMANDS]
    assert len(names) == len(set(names))
    assert catalog.HOTKEY_ACTIONS == (
        "describe-screen",
        "describe-window",
        "describe-pointer",
        "clipboard",
        "repeat",
        "stop",
        "next",
        "previous",
        "repeat-part",
        "continue",
        "next-window",
        "previous-window",
        "explore",
        "find-text",
        "show",
    )
    assert set(catalog.DEFAULT_HOTKEYS) == set(catalog.HOTKEY_ACTIONS)
    assert "open" not in catalog.IPC_COMMANDS and "quit" in catalog.IPC_COMMANDS
    trigger = subparsers()["trigger"]
    help_text = next(a.help for a in trigger._actions if a.dest == "command")
    for name in catalog.IPC_COMMANDS:
        assert name in str(help_text) or name == "status"
