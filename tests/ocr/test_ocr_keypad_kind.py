"""A keypad's rows said as keys (assistant.ocr.grid's kind, with assistant.ocr.key_labels): a
scientific or programmer's keypad holds key words ("sin", "MOD", "x^y"), not a table's header."""

from __future__ import annotations

from assistant.ocr.boxes import OcrLine
from assistant.ocr.grid import Grid, Row


def _grid(rows: list[list[str]]) -> Grid:
    return Grid(
        [
            Row([OcrLine(t, (60 * c, 40 * r, 60 * c + 40, 40 * r + 20), 0.9) for c, t in enumerate(row)])
            for r, row in enumerate(rows)
        ],
        monospace=False,
    )


def test_a_keypad_of_function_keys_is_called_keys_not_a_table() -> None:
    """A scientific keypad's rows ("Inv sin cos tan x^y" over "Mod 7 8 9") looked like a table with a
    header row over figures, and were said "Table, 5 rows. Columns: Inv, sin, ..."."""
    assert (
        _grid([["Inv", "sin", "cos", "tan", "x^y"], ["ln", "log", "n!", "x³"], ["Mod", "7", "8", "9"]]).kind
        == "keys"
    )
    assert _grid([["A", "B", "AND", "OR"], ["7", "8", "9", "XOR"], ["0", "00", "Lsh", "Rsh"]]).kind == "keys"
    assert _grid([["Shift", "123", "Space", "Enter"], ["Q", "W", "E", "R"]]).kind == "keys"
    # A table's header names what its cells hold: still a table.
    assert (
        _grid([["Name", "Size", "Type"], ["a.txt", "12", "text"], ["b.png", "300", "image"]]).kind == "table"
    )
