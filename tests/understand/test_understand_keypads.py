"""A keypad is said as keys on every screen, whatever its toolkit or font (assistant.ocr.grid's
is_keypad, assistant.understand.reading's grid_pieces): the labels real programs put on their keys
(the screen set's truth) make a keypad, and the cells of real tables and dialogs' buttons do not."""

from __future__ import annotations

import ast
import json

import pytest

from assistant.ocr.boxes import OcrLine
from assistant.ocr.grid import Grid, Row, is_keypad
from assistant.ocr.layout import TextBlock
from assistant.understand.reading import block_pieces
from tests.support.screens import SCREEN_TRUTH

# Half-A screens only (the screen set's README: half B is never read here).
KEYPADS = [
    "calc-xcalc-color",  # a core font: "trunc", "(", "÷"
    "calc-xcalc-rpn-steel",  # HP mode: "e^x", "CHS", "EEX", "x:y"
    "calc-qt-fusion-small",  # "nPr", "nCr", "|x|": no key word the vocabulary knows
    "calc-qt-windows-small",
    "calc-tk-hex-ridge",  # "00", "Lsh"
    "calc-galculator",
    "keys-tk-keyboard",  # letters, "Shift", "123", "Space"
    "toolbar-qt-dialpad",  # "2 ABC": a phone's keys
]
TABLES = [
    "dlg-zenity-calendar-sale",  # a calendar: short cells, but numbers, and they repeat
    "table-tk-hours-under-dialog",  # figures that repeat down its columns
    "multi-calc-invoice-print",  # an invoice beside a calculator
]
BUTTONS = ["toolbar-tk-paint", "dlg-zenity-calendar-sale"]  # a tool palette's words, a dialog's


def _truth(name: str, field: str) -> list:
    truth = json.loads((SCREEN_TRUTH / f"{name}.json").read_text())
    assert truth["split"] == "A"
    value = truth[field]
    return value if isinstance(value, list) else ast.literal_eval(value)


@pytest.mark.parametrize("name", KEYPADS)
def test_a_real_programs_keys_make_a_keypad(name: str) -> None:
    assert is_keypad(_truth(name, "buttons"))


@pytest.mark.parametrize("name", TABLES)
def test_a_real_table_is_no_keypad(name: str) -> None:
    tables = _truth(name, "tables")
    assert tables
    for table in tables:
        assert not is_keypad([c for row in table for c in row])


@pytest.mark.parametrize("name", BUTTONS)
def test_a_tool_palette_or_a_dialogs_buttons_are_no_keypad(name: str) -> None:
    assert not is_keypad(_truth(name, "buttons"))


def test_a_keypad_in_a_fixed_width_font_is_said_key_by_key() -> None:
    """xcalc's core font is fixed-width: its rows, each read as one line, made a terminal's grid and
    were said bare ("1/x x² CE/C AC"); a keypad is said as keys, one by one, whatever its font."""
    rows = [["1/x x² CE/C AC"], ["INV sin cos tan DRG"], ["not and or xor trunc"], ["STO 7 8 9 *"]]
    grid = Grid(
        [Row([OcrLine(t, (0, 30 * r, 200, 30 * r + 14), 0.9) for t in row]) for r, row in enumerate(rows)],
        monospace=True,
    )
    block = TextBlock([OcrLine(" ".join(r), (0, 30 * i, 200, 30 * i + 14), 0.9) for i, r in enumerate(rows)])
    block.grid = grid
    pieces = block_pieces(block)
    assert grid.kind == "keys"
    assert pieces[0] == "Keys: 1/x, x², CE/C, AC"
    assert pieces[-1] == "STO, 7, 8, 9, *"
