"""A terminal is a grid of characters read line by line (assistant.ocr.terminal), and a shell
prompt's line is never a table's row: the rules on boxes laid out as an engine hands them back."""

from __future__ import annotations

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.grid import find_grids, is_prompt
from assistant.ocr.layout import TextBlock, layout_blocks
from assistant.ocr.loose import deduplicated
from assistant.ocr.terminal import fixed_width, letters_for_figures, on_rows, terminal_lines
from assistant.understand.reading import block_pieces

CHAR, ROW = 9, 19  # a 9-pixel character, rows 19 pixels apart, letters 13 high


def _cell(text: str, col: int, row: int, *, top: int = 0, high: int = 13) -> OcrLine:
    """``text`` at character column ``col`` of terminal row ``row``, boxed as an engine boxes it
    (each word its own box, one line)."""
    words, x = [], 10 + col * CHAR
    for part in text.split(" "):
        if part:
            y = 20 + row * ROW + top
            words.append(OcrWord(part, (x, y, x + CHAR * len(part), y + high), 0.95))
        x += CHAR * (len(part) + 1)
    return OcrLine.of(words)


PS = [
    "olga@host:~$ cat jobs.txt",
    "PID   USER  %CPU  %MEM  STAT  COMMAND",
    "1     root  0.0   0.2   Ss    systemd",
    "318   root  0.1   0.5   Ss    cron",
    "1044  olga  7.3   3.9   Sl    gimp",
    "1203  olga  0.0   0.4   S     zsh",
    "1560  www   22.5  11.2  R     nginx",
    "2381  olga  3.8   2.1   Sl    evince",
    "olga@host:~$ wc -l jobs.txt",
    "7 jobs.txt",
    "olga@host:~$",
]


def _cells(lines: list[str]) -> list[OcrLine]:
    """Each run of text between two spaces or more, one line (an engine's cells)."""
    out = []
    for r, text in enumerate(lines):
        col = 0
        for piece in text.split("  "):
            if piece.strip():
                start = text.index(piece.strip(), col)
                out.append(_cell(piece.strip(), start, r))
                col = start + len(piece.strip())
    return out


def test_a_fixed_width_pane_is_told_from_a_proportional_one() -> None:
    assert fixed_width(_cells(PS))
    proportional = [
        OcrLine.of([OcrWord(w, (10 + 60 * i, 20 + 19 * r, 10 + 60 * i + int(k * len(w)), 33 + 19 * r), 0.9)])
        for r in range(6)
        for i, (w, k) in enumerate([("Window", 9.5), ("illicit", 4.0), ("Mammoth", 11.0), ("little", 5.5)])
    ]
    assert not fixed_width(proportional)
    assert not fixed_width(_cells(PS[:2]))  # too few words to tell


def test_a_terminal_whose_short_words_are_boxed_a_few_pixels_off_is_still_one() -> None:
    """Two in three short words boxed 5 pixels wider (one listing on half A, live: "root" 27 and 31
    pixels): 40 % of the words off by more than 12 %, yet each within a character of its width. A keypad's
    three-letter keys boxed as unevenly have no long word: no terminal."""
    cells = _cells(PS)
    loose = [
        OcrLine.of(
            [OcrWord(w.text, (w.box[0], w.box[1], w.box[2] + 5, w.box[3]), w.confidence) for w in c.words]
        )
        if i % 3 and len(c.text) <= 4
        else c
        for i, c in enumerate(cells)
    ]
    assert fixed_width(loose)
    labels = [
        "sin",
        "cos",
        "tan",
        "log",
        "exp",
        "sto",
        "rcl",
        "sum",
        "inv",
        "DRG",
        "EXC",
        "mod",
        "abs",
        "neg",
        "pow",
    ]
    keys = [  # 23 or 31 pixels for 27
        OcrLine.of([OcrWord(k, (60 * i, 20, 60 * i + (31 if i % 2 else 23), 33), 0.9)])
        for i, k in enumerate(labels)
    ]
    assert not fixed_width(keys)


def test_a_listing_whose_columns_an_engine_broke_is_read_row_by_row() -> None:
    """Cells lost here and there (as a busy engine drops them) leave the listing's last rows no
    grid; read as blocks they came out a column at a time ("olga", "3.8", "11.2 2.1", "R", "2381",
    ... "nginx evince" last of all). In a terminal each row is said as one line, top to bottom."""
    lost = {(5, "0.4"), (6, "1560"), (6, "22.5"), (7, "Sl"), (3, "Ss"), (4, "gimp"), (4, "olga"), (6, "www")}
    lost |= {(5, "zsh")}
    cells = [c for c in _cells(PS) if ((c.box[1] - 20) // ROW, c.text) not in lost]
    said = [piece for block in layout_blocks(cells) for piece in block_pieces(block)]
    assert said[4:10] == [
        "1044 7.3 3.9 Sl",
        "1203 olga 0.0 S",
        "11.2 R nginx",
        "2381 olga 3.8 2.1 evince",
        "olga@host:~$ wc -l jobs.txt",
        "7 jobs.txt",
    ], said
    assert said[-1] == "olga@host:~$", said


def test_a_prompt_line_is_never_a_row_of_the_table_around_it() -> None:
    """Rows of a listing, then a prompt with its command (its words in the listing's columns),
    then more rows: two grids, the prompt in neither."""
    lines = [*PS[1:8], "olga@host:~$  cat  more.txt", *PS[2:6]]
    grids, rest = find_grids(_cells(lines), prompts_apart=True)
    assert all(not is_prompt(" ".join(c.text for c in r.cells)) for g in grids for r in g.rows)
    assert any(is_prompt(ln.text) for ln in rest)
    assert is_prompt("‘sam@desk:~/reports$ ls -l") and not is_prompt("mail anna@example.org: $5 off")


def test_a_loose_box_goes_on_its_row_and_a_prompt_of_its_own_stays() -> None:
    cells = _cells(PS[:8])
    tall = _cell("1203", 0, 5, top=-3, high=30)  # over row 5 and half of row 6
    moved = on_rows([c for c in cells if c.text != "1203"] + [tall])
    (one,) = [ln for ln in moved if ln.text == "1203"]
    assert one.box[1:] != tall.box[1:] and abs(one.box[1] - (20 + 5 * ROW)) <= 2
    prompt = _cell("olga@host:~$", 0, 8, top=-2, high=18)  # a row of its own, boxed a little tall
    assert prompt in on_rows([*cells, prompt])


def test_a_word_read_in_two_is_one_again_but_a_space_stays() -> None:
    """Pieces closer than a space's width that meet inside a word are joined ("0" ".0", a time, a
    prompt read in two, whose second piece alone would go as an unsure mark); a mode string
    boxed loosely up to the link count after it ("-rw-r--r--" "1", 4 pixels apart) is not."""

    def word(text: str, x: int, row: int, conf: float = 0.9) -> OcrLine:
        y = 20 + row * ROW
        return OcrLine.of([OcrWord(text, (x, y, x + CHAR * len(text), y + 13), conf)])

    pieces = [
        word("0", 10, 0),
        word(".0", 20, 0),  # 1 pixel on: no room for a space
        word("ls", 10, 1),
        word("-l", 37, 1),  # a space (9 pixels) before it
        word("09:", 10, 2),
        word("47", 38, 2),
        word("root@web", 10, 3),
        word("1:~#", 84, 3, conf=0.4),
        word("-rw-r--r--", 10, 4),
        word("1", 104, 4),
        *[word("running", 10, r) for r in range(5, 21)],
    ]
    texts = [ln.text for ln in layout_blocks(pieces)[0].lines]
    assert texts[:5] == ["0.0", "ls -l", "09:47", "root@web1:~#", "-rw-r--r-- 1"], texts


def test_pieces_of_a_row_far_apart_stay_apart() -> None:
    """Two programs side by side in one pane: their rows are not run together."""
    left = _cells(PS[1:8])
    right = [_cell("Reminder: backup at noon", 80, r) for r in range(1, 8)]
    texts = [ln.text for ln in terminal_lines(left + right)]
    assert "Reminder: backup at noon" in texts and not any("COMMAND Reminder" in t for t in texts)


def test_a_prompt_line_is_a_piece_of_its_own() -> None:
    lines = [
        OcrLine("-rw-r--r-- 1 root root 15209 Feb 27 2024 vendors.json", (44, 314, 546, 329), 0.9),
        OcrLine("sam@desk:~/reports$", (44, 333, 214, 348), 0.9),
    ]
    assert block_pieces(TextBlock(lines)) == [lines[0].text, lines[1].text]


def test_a_piece_of_a_line_read_again_is_dropped() -> None:
    """'-rw' read again inside '-rw-------', the tops of a dialog's message read as a line of their
    own ('ehanaac ta natac'), and a page's 'Oak chair' read again less surely over the same span
    ('Uak Cnalr'), go; a short line beside a long one stays."""
    full = OcrLine.of([OcrWord("-rw-------", (125, 324, 214, 341), 0.99)])
    part = OcrLine.of([OcrWord("-rw", (125, 326, 148, 337), 0.9)])
    tall = OcrLine.of([OcrWord("------", (170, 318, 217, 347), 0.87)])  # boxed taller than the word
    words = ["changes", "to", "notes.txt"]
    boxes = [(398 + 60 * i, 230, 450 + 60 * i, 245) for i in range(3)]
    message = OcrLine.of([OcrWord(w, b, 0.8) for w, b in zip(words, boxes, strict=True)])
    tops = OcrLine.of([OcrWord("ehanaac", (398, 230, 450, 238), 0.75)])
    other = OcrLine.of([OcrWord("Save", (690, 266, 726, 278), 0.97)])
    oak = OcrLine.of(
        [OcrWord("Oak", (598, 213, 625, 235), 0.97), OcrWord("chair", (629, 213, 669, 235), 0.97)]
    )
    again = OcrLine.of(
        [OcrWord("Uak", (598, 219, 625, 228), 0.84), OcrWord("Cnalr", (629, 219, 669, 228), 0.84)]
    )
    kept = deduplicated([full, part, tall, message, tops, other, oak, again])
    assert kept == [full, message, other, oak]


def test_a_terminals_unsure_figure_stays_but_its_unsure_marks_go() -> None:
    """A listing's link count "1" read at 0.4 is said (a terminal has no icons); a grip's "iN"
    at the window's foot, read as unsure, is not."""
    cells = _cells(PS)
    low = [
        OcrLine.of([OcrWord(w.text, w.box, 0.4) for w in c.words]) if c.text in {"1", "iN"} else c
        for c in [*cells, _cell("iN", 70, 12)]
    ]
    said = " ".join(piece for block in layout_blocks(low) for piece in block_pieces(block))
    assert "1 root 0.0 0.2 Ss systemd" in said and "iN" not in said, said


def test_an_unsure_command_after_a_prompt_is_said_but_not_the_cursor() -> None:
    """ "wc" read at 0.45 before "-l jobs.txt" is the command typed after the prompt, said; the
    cursor's block alone after the last prompt, read "fj" at 0.45, is not."""
    cells = [_cell(text, 0, r) for r, text in enumerate(PS)] + [_cell("fj", 13, len(PS) - 1)]
    low = [
        OcrLine.of(
            [OcrWord(w.text, w.box, 0.45 if w.text in {"wc", "fj"} else w.confidence) for w in c.words]
        )
        for c in cells
    ]
    said = " ".join(piece for block in layout_blocks(low) for piece in block_pieces(block))
    assert "olga@host:~$ wc -l jobs.txt" in said and "fj" not in said, said


def test_a_names_extension_after_a_figure_is_joined_but_a_numbered_line_stays() -> None:
    """Tesseract read mc's "beach-0031.jpg" (half A term-mc-fira-modarin) as "beach-0031." boxed
    over the whole name and "jpg" again at its end: a dot between a figure and a letter is inside
    a name. A numbered line's "1." and the word a space after it stay apart."""

    def word(text: str, x: int, row: int, width: int | None = None) -> OcrLine:
        y = 20 + row * ROW
        return OcrLine.of([OcrWord(text, (x, y, x + (width or CHAR * len(text)), y + 13), 0.9)])

    pieces = [
        word("beach-0031.", 10, 0, width=CHAR * 14),
        word("jpg", 10 + CHAR * 11, 0),
        word("1.", 10, 1),
        word("Harbour", 10 + CHAR * 3, 1),
        word("v2.", 10, 2),
        word("txt", 10 + CHAR * 3, 2),
        *[word("running", 10, r) for r in range(3, 19)],
    ]
    texts = [ln.text for ln in layout_blocks(pieces)[0].lines]
    assert texts[:3] == ["beach-0031.jpg", "1. Harbour", "v2.txt"], texts


def test_a_lone_one_or_nought_among_letters_is_the_letter() -> None:
    """Half A's terminals: ps's "s1eep" and "S1eeP." (the 3270-like GlassTTY font), less's
    "he1p", a shell script's "$L0G" (D2Coding). Figures of names and codes stay as read: a device's
    "sda1" and "nvme0n1p1", a key's "F1", a cell's "A11", a hex "0x3fa2" or "0xff", a git hash,
    a mode, a time."""
    read = {"s1eep": "sleep", "S1eeP.": "SleeP.", "he1p": "help", '"$L0G"': '"$LOG"'}
    for text, meant in read.items():
        assert letters_for_figures(text) == meant
    kept = ["sda1", "/dev/nvme0n1p1", "F1", "A11", "0x3fa2", "-rw-r--r--", "0:00.00", "5ba51a2", "x11"]
    # A "0" first: a quantity with its unit (review 22, item 3), never told from a misread "0ld".
    units = ["0ms", "time=0ms", "0px", "0MB", "0MiB", "0Gi", "0mm", "0kg", "0rpm", "0min", "0ld"]
    for text in [*kept, *units, "0xff", "deadb0d", "ab1cdef", "FA0BCDE"]:
        assert letters_for_figures(text) == text


def test_a_row_boxed_past_the_pictures_foot_is_kept_not_an_error() -> None:
    """Review 22, item 2: a row whose words all lie below the picture made the strip's crop raise
    (lower above upper) where the ink test asks for it; the words stay as read instead."""
    from PIL import Image

    from assistant.ocr.terminal import closed_up

    picture = Image.new("RGB", (300, 20), (0, 0, 0))
    boxes = {"packet-photo.": (10, 127), "png": (131, 158), "notes.txt": (200, 281), "abc": (290, 317)}
    for top in (25, -30):  # below the picture, above it
        words = [OcrWord(t, (x0, top, x1, top + 12), 0.9) for t, (x0, x1) in boxes.items()]
        lines = closed_up([OcrLine.of([w]) for w in words], picture=picture)
        assert "".join(line.text.replace(" ", "") for line in lines) == "".join(boxes)
