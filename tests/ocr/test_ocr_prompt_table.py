"""A shell prompt right above the listing it printed is no row of that table: real OCR on a
screen of our own (two xterms under Xvfb + openbox, tests/ocr/data/two-terminals-prompt.*), and
the rules on recorded boxes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.grid import find_grids, rows_of
from assistant.ocr.tesseract import tesseract_available

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]


def _line(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    return OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)])


@pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")
@pytest.mark.timeout(120)
def test_live_two_terminals_prompt_is_not_the_tables_header() -> None:
    """The dark xterm's prompt "lena@atelier:~$ cat tasks.txt" (9 pt) is read in fragments on the
    live path ("t el i", "CAT tasks", "at", ...) and was taken for the header of the table under
    it: 'Table, 8 rows. Columns: t el i, CAT at, tasks t as, t xt.' The header names the columns."""
    from assistant.capture.image_loading import load_image
    from assistant.capture.models import CapturedImage
    from assistant.describe import Describer, DescriberOptions

    sys.path.insert(0, str(REPO / "benchmarks"))
    from screen_reading import window_stack  # the benchmark's live reader builds it the same way

    truth = json.loads((DATA / "two-terminals-prompt.json").read_text(encoding="utf-8"))
    image = load_image(DATA / truth["image"]).copy()
    grab = CapturedImage(image, "screen", (0, 0, image.width, image.height), windows=window_stack(truth))
    said = Describer(DescriberOptions(photo_ocr="none", verbosity="full")).describe(grab).text
    columns = re.search(r"Columns: ([^.]*)\.", said)
    assert columns is not None, said
    header = columns.group(1)
    assert "OWNER" in header and "TASK" in header, said
    assert not re.search(r"tasks|cat|@|\$", header, re.IGNORECASE), said


def test_a_prompt_over_a_listing_is_no_header_row() -> None:
    """Recorded boxes: a prompt line read in table-like pieces right above a listing's header."""
    lines = [
        _line("maria@studio:~$", (10, 10, 130, 22)),
        _line("cat", (140, 10, 165, 22)),
        _line("ps.txt", (175, 10, 225, 22)),
    ]
    table = [
        ("PID", "USER", "%CPU", "COMMAND"),
        ("1", "root", "0.0", "init"),
        ("412", "root", "0.3", "syslogd"),
        ("877", "maria", "12.6", "firefox"),
        ("903", "maria", "1.1", "thunderbird"),
    ]
    for r, row in enumerate(table):
        for x, text in zip((10, 60, 140, 200), row, strict=True):
            lines.append(_line(text, (x, 28 + 17 * r, x + 8 * len(text), 40 + 17 * r)))
    (grid,) = find_grids(lines)[0]
    assert [c.text for c in grid.rows[0].cells] == ["PID", "USER", "%CPU", "COMMAND"]


def test_a_cell_boxed_over_the_row_above_does_not_join_it() -> None:
    """A header's "P" boxed from the prompt's row down to the header's (26 pixels over rows 9-10
    tall) is no cell boxed loosely around the prompt's row: the two rows stay apart. A cell boxed
    loosely and centred on its row still joins it (a treeview's "Modified", 32 pixels by "Name")."""
    prompt = [_line("lena@atelier:~$", (452, 176, 560, 186)), _line("cat", (570, 176, 590, 186))]
    loose_p = _line("P", (400, 172, 410, 198))
    header = _line("OWNER %CPU START", (452, 192, 690, 201))
    rows = rows_of([*prompt, loose_p, header])
    assert not any({"cat", "OWNER %CPU START"} <= {c.text for c in r.cells} for r in rows)
    assert all(loose_p not in r.cells or prompt[0] not in r.cells for r in rows)
    name, modified = _line("Name", (241, 229, 289, 241)), _line("Modified", (640, 219, 717, 251))
    assert [[c.text for c in r.cells] for r in rows_of([name, modified])] == [["Name", "Modified"]]
