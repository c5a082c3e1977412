"""A tree view's table on a real half-A screenshot (multi-tree-term-question: a Qt QTreeWidget with
columns, a dialog lying over its lower left corner): the lines and word boxes exactly as the file
path's engines returned them on the whole screen, laid out by the layout's rules."""

from __future__ import annotations

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.grid import find_grids
from assistant.ocr.loose import tidied
from assistant.ocr.panels import interrupted

DIALOG = (580, 421, 1066, 562)  # the frame of the dialog over the tree's corner, as found in the picture


def _lines(rows: list[list[tuple[str, Box]]]) -> list[OcrLine]:
    return [OcrLine.of([OcrWord(text, box, 0.95) for text, box in words]) for words in rows]


TREE = _lines(
    [
        [("Size", (1227, 340, 1252, 350))],
        [("Modified", (1404, 340, 1457, 350))],
        [("Name", (1017, 341, 1054, 350))],
        [("Type", (1305, 341, 1334, 353))],
        [("garden-planner", (1037, 353, 1137, 386))],
        [("5", (1228, 358, 1234, 367)), ("items", (1240, 357, 1275, 367))],
        [("Folder", (1307, 357, 1346, 367))],
        [("12", (1405, 358, 1419, 367)), ("May", (1425, 358, 1451, 370))],
        [("2", (1228, 374, 1234, 383)), ("items", (1240, 373, 1275, 383))],
        [("Folder", (1307, 373, 1346, 383))],
        [("10", (1405, 374, 1420, 383)), ("May", (1425, 374, 1451, 386))],
        [("docs", (1066, 376, 1087, 383))],
        [("14", (1228, 388, 1243, 401)), ("KB", (1248, 388, 1265, 401))],
        [("planting-guide.md", (1078, 389, 1195, 402))],
        [("Markdown", (1307, 389, 1372, 399))],
        [("10", (1405, 390, 1420, 399)), ("May", (1425, 390, 1451, 402))],
        [("6", (1227, 404, 1236, 417)), ("KB", (1240, 404, 1256, 417))],
        [("watering-rules.md", (1077, 405, 1195, 418))],
        [("Markdown", (1307, 405, 1372, 415))],
        [("8", (1405, 406, 1411, 415)), ("May", (1417, 406, 1443, 418))],
        [("3", (1228, 422, 1234, 431)), ("items", (1240, 421, 1275, 431))],
        [("Folder", (1307, 421, 1346, 431))],
        [("12", (1405, 422, 1419, 431)), ("May", (1425, 422, 1451, 434))],
        [("ae", (1066, 424, 1080, 431))],
        [("beds.py", (1078, 437, 1128, 450))],
        [("Python", (1307, 437, 1350, 450))],
        [("9KB", (1228, 438, 1256, 447))],
        [("12", (1405, 438, 1419, 447)), ("May", (1425, 438, 1451, 450))],
        [("17", (1227, 452, 1243, 465)), ("KB", (1248, 452, 1267, 465))],
        [("calendar.py", (1077, 453, 1152, 466))],
        [("Python", (1307, 453, 1350, 466))],
        [("11", (1405, 454, 1419, 463)), ("May", (1425, 454, 1451, 466))],
        [("5", (1226, 468, 1235, 481)), ("KB", (1239, 468, 1258, 481))],
        [("weather.py", (1077, 469, 1149, 482))],
        [("Python", (1307, 469, 1350, 482))],
        [("9", (1405, 470, 1411, 479)), ("May", (1417, 470, 1443, 482))],
    ]
)


def _rows(lines: list[OcrLine]) -> list[list[str]]:
    grids, _ = find_grids(lines)
    return [[c.text for c in row.cells] for g in grids for row in g.rows]


def test_a_name_boxed_over_its_row_and_the_next_joins_the_row_with_room_for_it() -> None:
    """ "garden-planner" came back boxed 33 pixels high, over its own row (whose name column is
    otherwise empty) and the next (whose name, "docs", lies under it): it belongs to its own row,
    and the header and that row are the table's first rows."""
    rows = _rows(tidied(TREE))
    assert rows[:3] == [
        ["Name", "Size", "Type", "Modified"],
        ["garden-planner", "5 items", "Folder", "12 May"],
        ["docs", "2 items", "Folder", "10 May"],
    ]


def test_names_indented_beside_a_dialog_are_cells_of_their_column() -> None:
    """ "beds.py", "calendar.py" and "weather.py" begin 11-12 pixels right of the dialog's right
    side, as "planting-guide.md" above it begins: a column's text, not lines the dialog cut short
    (nor is "ae", for "src", which begins at its side as "docs" does). A piece the dialog does cut
    stays apart (tests/ocr/test_ocr_panels.py, the columns a dialog interrupts)."""
    kept, cut = interrupted(tidied(TREE), [DIALOG])
    assert cut == []
    rows = _rows(kept)
    assert ["beds.py", "9KB", "Python", "12 May"] in rows
    assert rows[-1] == ["weather.py", "5 KB", "Python", "9 May"]
