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
    it: 'Table, 8 rows. Columns: t el i, CAT at, tasks t as, t xt.' A terminal is read line by line
    (assistant.ocr.terminal): the listing's header is said as its own line, with no word of the
    prompt's in it, and each process on a line of its own."""
    from assistant.capture.image_loading import load_image
    from assistant.capture.models import CapturedImage
    from assistant.describe import Describer, DescriberOptions

    sys.path.insert(0, str(REPO / "benchmarks"))
    from screen_reading import window_stack  # the benchmark's live reader builds it the same way

    truth = json.loads((DATA / "two-terminals-prompt.json").read_text(encoding="utf-8"))
    image = load_image(DATA / truth["image"]).copy()
    grab = CapturedImage(image, "screen", (0, 0, image.width, image.height), windows=window_stack(truth))
    said = Describer(DescriberOptions(photo_ocr="none", verbosity="full")).describe(grab).text
    header = re.search(r"[^.]*OWNER[^.]*\.", said)
    assert header is not None, said
    assert "TASK" in header.group(0) and "Columns" not in header.group(0), said
    assert not re.search(r"tasks|cat|@|\$", header.group(0), re.IGNORECASE), said
    assert re.search(r"inkscape\.", said) and re.search(r"mysqld\.", said), said


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


def _read(text: str, words: list[tuple[str, tuple[int, int, int, int]]]) -> OcrLine:
    from assistant.ocr.boxes import union_box

    return OcrLine(text, union_box([b for _, b in words]), 0.9, [OcrWord(t, b, 0.9) for t, b in words])


def test_a_header_read_as_two_long_lines_stays_the_header_under_its_prompt() -> None:
    """The engine's lines on a dark 10 pt xterm of ours (two xterms; 'jo@x1:~$ cat ps.txt' over a
    ps-style listing): the header came as two long lines, "PID USER" and "%CPU %MEM TIME COMMAND",
    and as two cells of six was left out of the table as a status line; the prompt's words and the
    header's were then read mixed: 'jo@x1:~$ PID USER. cat. p s.txt. %CPU %MEM TIME COMMAND.'"""
    from assistant.ocr.layout import layout_blocks

    lines = [
        _read("jo@x1:~$", [("jo@x1:~$", (423, 163, 489, 183))]),
        _read("p s.txt", [("p", (532, 164, 542, 183)), ("s.txt", (546, 164, 608, 183))]),
        _read("cat", [("cat", (496, 169, 518, 177))]),
        _read("PID USER", [("PID", (424, 181, 447, 197)), ("USER", (473, 181, 503, 197))]),
        _read(
            "%CPU %MEM TIME COMMAND",
            [
                ("%CPU", (527, 184, 558, 195)),
                ("%MEM", (575, 184, 607, 195)),
                ("TIME", (623, 184, 654, 195)),
                ("COMMAND", (680, 184, 734, 195)),
            ],
        ),
        _read("1", [("1", (424, 198, 431, 214))]),
        _read("systemd", [("systemd", (680, 200, 734, 215))]),
        _read("root", [("root", (473, 201, 502, 211))]),
        _read("0.0", [("0.0", (528, 201, 550, 211))]),
        _read("0.2", [("0.2", (576, 201, 598, 211))]),
        _read("0:05", [("0:05", (624, 201, 654, 211))]),
        _read("233", [("233", (426, 215, 446, 231))]),
        _read(
            "root 0.1 0.5 1:12 journald",
            [
                ("root", (473, 218, 502, 229)),
                ("0.1", (528, 218, 550, 229)),
                ("0.5", (576, 218, 598, 229)),
                ("1:12", (625, 218, 654, 229)),
                ("journald", (680, 217, 742, 231)),
            ],
        ),
        _read("940", [("940", (425, 232, 449, 248))]),
        _read("3.3", [("3.3", (580, 232, 604, 248))]),
        _read("lukas 8.4", [("lukas", (472, 234, 510, 245)), ("8.4", (528, 235, 551, 245))]),
        _read("22:40 chromium", [("22:40", (624, 235, 662, 245)), ("chromium", (680, 234, 743, 245))]),
        _read("1.9", [("1.9", (574, 249, 603, 265))]),
        _read("011 lukas", [("011", (432, 252, 454, 262)), ("lukas", (472, 251, 510, 262))]),
        _read("signal", [("signal", (680, 251, 726, 265))]),
        _read("0.7", [("0.7", (528, 252, 550, 262))]),
        _read("3:02", [("3:02", (624, 252, 654, 262))]),
        _read("0.2", [("0.2", (577, 266, 603, 282))]),
        _read("1290 lukas", [("1290", (428, 269, 454, 279)), ("lukas", (472, 268, 510, 279))]),
        _read("fish", [("fish", (680, 268, 710, 279))]),
        _read("0.0", [("0.0", (528, 269, 551, 279))]),
        _read("0:00", [("0:00", (624, 269, 654, 279))]),
        _read("2.1", [("2.1", (576, 283, 605, 299))]),
        _read("1655 redis", [("1655", (428, 286, 454, 296)), ("redis", (473, 285, 510, 296))]),
        _read("redis-server", [("redis-server", (681, 285, 775, 296))]),
        _read("1.6", [("1.6", (529, 286, 551, 296))]),
        _read("9:48", [("9:48", (624, 286, 654, 296))]),
        _read("33.0", [("33.0", (528, 295, 559, 313))]),
        _read("2380 luka", [("2380", (425, 299, 455, 316)), ("luka", (473, 299, 503, 316))]),
        _read("8.8", [("8.8", (575, 300, 604, 316))]),
        _read("kdenlive", [("kdenlive", (680, 302, 743, 313))]),
        _read("5:19", [("5:19", (624, 303, 654, 313))]),
    ]
    blocks = layout_blocks(lines)
    (table,) = [b for b in blocks if b.grid is not None]
    assert table.grid is not None
    assert [c.text for c in table.grid.rows[0].cells] == ["PID", "USER", "%CPU", "%MEM", "TIME", "COMMAND"]
    before = " ".join(b.text for b in blocks[: blocks.index(table)])
    assert "jo@x1:~$" in before and "PID" not in before and "COMMAND" not in before
