"""Reading order on hand-placed lines: columns, a title over columns, forms and tables."""

from __future__ import annotations

from PIL import ImageFont

from assistant.ocr import layout
from assistant.ocr.base import OcrResult
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import group_blocks, layout_blocks, merge_row_fragments
from assistant.ocr.tesseract import split_at_gutters


def line(text: str, x0: int, y0: int, x1: int, h: int = 14) -> OcrLine:
    return OcrLine(text, (x0, y0, x1, y0 + h), 0.9, [])


def column(prefix: str, x0: int, y0: int, paragraphs: int, lines_each: int = 3) -> list[OcrLine]:
    out = []
    y = y0
    for p in range(paragraphs):
        for k in range(lines_each):
            # Prose: lines of several words filling the column (short cells would make it a table).
            out.append(line(f"{prefix} p{p} l{k} and more words of prose", x0, y, x0 + 300))
            y += 22
        y += 30
    return out


def test_title_over_three_columns_reads_column_by_column() -> None:
    lines = [line("Title", 40, 10, 600, h=28)]
    for c, x in enumerate((40, 400, 760)):
        lines += column(f"c{c}", x, 80, paragraphs=3)
    # Paragraph gaps line up across the columns: an XY-cut would read row by row here.
    texts = [b.lines[0].text.split(" and ")[0] for b in layout_blocks(list(reversed(lines)))]
    assert texts[0] == "Title"
    assert texts[1:] == [f"c{c} p{p} l0" for c in range(3) for p in range(3)]


def test_heading_is_marked_and_paragraph_lines_form_one_block() -> None:
    lines = [line("Big heading", 40, 10, 300, h=30), *column("body", 40, 70, paragraphs=2)]
    blocks = layout_blocks(lines)
    assert blocks[0].is_heading and not blocks[1].is_heading
    assert [len(b.lines) for b in blocks] == [1, 3, 3]


def test_form_and_table_are_read_row_by_row() -> None:
    rows = [("Name", "Alice"), ("Email", "alice@example.org"), ("Phone", "0123")]
    lines = []
    for i, (label, value) in enumerate(rows):
        lines.append(line(label, 40, 20 + i * 40, 120))
        lines.append(line(value, 300, 20 + i * 40, 480))
    (form,) = layout_blocks(lines)  # label and value aligned in rows and columns: a grid
    assert [ln.text for ln in form.lines] == ["Name, Alice", "Email, alice@example.org", "Phone, 0123"]


def test_sidebar_is_read_before_the_main_text() -> None:
    side = [line(f"Menu {i}", 20, 30 + i * 40, 140) for i in range(6)]
    main = column("main", 300, 30, paragraphs=2)
    order = [b.lines[0].text.split(" and ")[0] for b in layout_blocks(main + side)]
    assert order == [f"Menu {i}" for i in range(6)] + ["main p0 l0", "main p1 l0"]


def test_row_fragments_are_joined_left_to_right() -> None:
    merged = merge_row_fragments([line("world", 112, 10, 160), line("hello", 40, 11, 100)])
    assert [m.text for m in merged] == ["hello world"]
    apart = merge_row_fragments([line("left", 40, 10, 100), line("right", 400, 10, 460)])
    assert len(apart) == 2


def test_gutter_splits_a_line_that_spans_two_columns() -> None:
    words = [
        OcrWord(t, (x, 0, x + 40, 14), 0.9)
        for t, x in [("end", 0), ("of", 45), ("column", 90), ("next", 400)]
    ]
    parts = split_at_gutters(words)
    assert [[w.text for w in p] for p in parts] == [["end", "of", "column"], ["next"]]


def test_result_text_and_empty_input() -> None:
    assert layout_blocks([]) == []
    assert group_blocks([line("   ", 0, 0, 10)]) == []
    result = OcrResult(lines=[line("b", 40, 60, 100), line("a", 40, 10, 100)], image_size=(200, 100))
    assert result.text == "a\n\nb"
    assert result.word_count == 2


def _proportional_width(text: str) -> int:
    """The text's width in DejaVu Sans 14 (a proportional font's real advances)."""
    return round(ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14).getlength(text))


def _cells(rows: list[list[str]], xs: list[int], top: int = 20, pitch: int = 24) -> list[OcrLine]:
    """A table in a proportional font as an engine returns it: one line per cell, column by column."""
    out = []
    for col, x in enumerate(xs):
        for r, row in enumerate(rows):
            text = row[col]
            box = (x, top + r * pitch, x + _proportional_width(text), top + r * pitch + 14)
            words = [OcrWord(text, box, 0.9)]
            out.append(OcrLine(text, words[0].box, 0.9, words))
    return out


def test_a_table_read_column_by_column_becomes_rows() -> None:
    rows = [["Name", "Size", "Type"], ["notes.txt", "2 KB", "Text"], ["logo.png", "14 KB", "Image"]]
    rows += [["budget.ods", "48 KB", "Sheet"], ["talk.flac", "96 MB", "Audio"]]
    blocks = layout_blocks(_cells(rows, [40, 260, 400]))
    assert len(blocks) == 1 and blocks[0].grid is not None and not blocks[0].grid.monospace
    assert [ln.text for ln in blocks[0].lines] == [", ".join(r) for r in rows]


def test_prose_in_two_columns_is_not_a_table() -> None:
    left = [line(f"left line {i} with the many words of prose", 40, 20 + 22 * i, 360) for i in range(6)]
    right = [line(f"right line {i} with the many words of prose", 400, 20 + 22 * i, 720) for i in range(6)]
    blocks = layout_blocks(right + left)
    assert all(b.grid is None for b in blocks)
    assert [b.lines[0].text.split()[0] for b in blocks] == ["left", "right"]


def test_columns_of_text_under_a_row_of_headings_are_read_column_by_column() -> None:
    """A newsletter's three columns, one font: every line of each column on the rows of the
    others', a heading over each, and each paragraph's short last line on a row of its own side's.
    Lined up so, they looked like a table's rows; each is read whole, under its heading."""
    lines = [line("Parish News, June", 40, 10, 400, h=24), line("put together by volunteers", 40, 50, 330)]
    words = ["the", "repair", "cafe", "in", "the", "old", "fire", "station", "fixed", "61", "things", "on"]
    for c, x in enumerate((40, 440, 840)):
        lines.append(line(f"Heading{c}", x, 100, x + 120, h=18))
        for r in range(5):
            short = r in (2, 4)  # a paragraph's last line
            text = " ".join([f"c{c}r{r}", *words[: 3 if short else 10 + (r + c) % 2]])
            lines.append(line(text, x, 130 + 24 * r, x + (140 if short else 350 + 10 * ((r + c) % 3))))
    blocks = layout_blocks(list(reversed(lines)))
    assert all(b.grid is None for b in blocks)
    said = [ln.text.split()[0] for b in blocks for ln in b.lines]
    assert said[:2] == ["Parish", "put"]
    assert said[2:] == [w for c in range(3) for w in (f"Heading{c}", *(f"c{c}r{r}" for r in range(5)))]


def test_a_table_of_a_few_words_a_cell_is_no_columns_of_text() -> None:
    """A table whose cells hold a few words each keeps its rows: no column is running text."""
    rows = [
        ["Stage", "From", "To"],
        *([f"{i} day ride", f"Lock {i} bridge", f"Inn {i} road"] for i in range(5)),
    ]
    blocks = layout_blocks(_cells(rows, [40, 300, 560]))
    assert len(blocks) == 1 and blocks[0].grid is not None


def test_justified_prose_split_at_its_wide_spaces_is_not_a_table() -> None:
    """An engine cuts justified lines at their double spaces ("with -lt:  sort  by,  and show"):
    short pieces, lined up by chance, but hardly a line height apart."""
    rows = [["do not list", "implied entries", "ending with"], ["with -lt: sort", "by, and show", "ctime"]]
    rows += [
        ["status information;", "with -l: show", "ctime and sort"],
        ["sort by ctime,", "newest", "first"],
    ]
    lines = []
    for r, row in enumerate(rows):
        x = 40
        for text in row:
            width = sum(11 if ch in "mwW" else 4 if ch in "il:;,." else 8 for ch in text)  # proportional
            box = (x, 20 + 18 * r, x + width, 34 + 18 * r)
            lines.append(OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)]))
            x += width + 7  # half a line height apart
    assert all(b.grid is None for b in layout_blocks(lines))


def test_a_fixed_width_listing_is_read_line_by_line() -> None:
    listing = [["-rw-r--r--", "117304", "Invoice.pdf"], ["-rw-r--r--", "2483911", "report.pdf"]]
    listing += [["drwxr-xr-x", "4096", "charts"], ["-rwxr-xr-x", "1260", "summary.sh"]]
    lines = []
    for r, row in enumerate(listing):
        for x, text in zip((10, 120, 200), row, strict=True):
            box = (x, 10 + 18 * r, x + 10 * len(text), 24 + 18 * r)  # 10 px a character
            lines.append(OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)]))
    (block,) = layout_blocks(lines)
    assert block.grid is not None and block.grid.monospace
    assert [ln.text for ln in block.lines] == [" ".join(r) for r in listing]


def test_short_unsure_words_are_not_read() -> None:
    """Icons and edges read as "iN" or "v" at low confidence go; longer unsure words stay."""
    words = [
        OcrWord("Save", (10, 10, 50, 24), 0.95),
        OcrWord("iN", (60, 10, 75, 24), 0.4),
        OcrWord("changes", (80, 10, 150, 24), 0.55),
    ]
    stray = OcrLine("v", (300, 10, 308, 24), 0.3, [OcrWord("v", (300, 10, 308, 24), 0.3)])
    blocks = layout_blocks([OcrLine("Save iN changes", (10, 10, 150, 24), 0.63, words), stray])
    assert [b.text for b in blocks] == ["Save changes"]


def test_a_dense_page_is_grouped_in_time() -> None:
    """Three columns of wrapped prose, 2,400 lines (a 4K screen of small text, a long page): each
    line's row is looked up, not searched for over every line for each pair of lines compared, so
    grouping stays well under a second; it took seconds to tens of seconds (describing the screen
    hung) when every line was compared with every other."""
    import time

    lines = [
        line("word " * 5, 20 + c * 400, 20 + 16 * i, 390 + c * 400, h=12)
        for i in range(800)
        for c in range(3)
    ]
    start = time.perf_counter()
    blocks = group_blocks(lines)
    took = time.perf_counter() - start
    assert len(blocks) == 3 and all(len(b.lines) == 800 for b in blocks)
    assert took < 2.0, took


def test_many_blocks_are_ordered_in_little_memory() -> None:
    """Hundreds of short labels scattered over a large screen, each a block of its own: ordering
    them looks at a few rows of (block, block, block between) at a time, where it built the whole
    cube at once (gigabytes for a thousand blocks)."""
    import random
    import tracemalloc

    from assistant.ocr.layout import order_blocks

    rng = random.Random(3)
    spots = [(rng.randint(0, 3800), rng.randint(0, 2100)) for _ in range(500)]
    blocks = group_blocks([line("label", x, y, x + 40, h=12) for x, y in spots])
    tracemalloc.start()
    try:
        ordered = order_blocks(blocks)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sorted(map(id, ordered)) == sorted(map(id, blocks))
    assert peak < 64 * 2**20, peak


def test_many_blocks_are_ordered_in_time() -> None:
    """1,000 short labels scattered over a large screen, each a block of its own: whether a block lies
    between two others, across both, is counted for many pairs at once (matrix products over the
    blocks sorted by height), not looked for block by block for every pair (seconds)."""
    import random
    import time

    from assistant.ocr.layout import TextBlock, order_blocks

    rng = random.Random(5)
    spots = [(rng.randint(0, 3800), rng.randint(0, 2100)) for _ in range(1000)]
    blocks = [TextBlock([line("label", x, y, x + 40, h=12)]) for x, y in spots]
    start = time.process_time()  # (the CPU time it takes: not the wall time of a shared machine)
    ordered = order_blocks(blocks)
    took = time.process_time() - start
    assert sorted(map(id, ordered)) == sorted(map(id, blocks))
    assert took < 1.5, took


def test_many_blocks_on_a_large_picture_are_ordered_in_time() -> None:
    """224 two-line labels on a 3840x2160 picture (an icon view): whether an edge runs across two
    blocks side by side (separators.ending) is looked up row by row from counts made once, not
    summed over the area between each pair (seconds before)."""
    import time

    from PIL import Image, ImageDraw

    from assistant.ocr.layout import TextBlock, order_blocks

    picture = Image.new("RGB", (3840, 2160), "white")
    draw = ImageDraw.Draw(picture)
    blocks = []
    for r in range(14):
        for c in range(16):
            x, y = c * 240 + 10, r * 154 + 10
            draw.rectangle((x, y, x + 80, y + 12), fill="black")
            draw.rectangle((x, y + 16, x + 60, y + 28), fill="black")
            labels = [line("file", x, y, x + 80, h=12), line("Document", x, y + 16, x + 60, h=12)]
            blocks.append(TextBlock(labels))
    start = time.process_time()
    ordered = order_blocks(blocks, picture)
    took = time.process_time() - start
    assert sorted(map(id, ordered)) == sorted(map(id, blocks))
    assert took < 2.0, took


def test_blocks_between_two_are_those_a_direct_look_finds() -> None:
    """layout._spanned against its definition, looked at block by block: some block whose middle
    lies strictly between two blocks' middles overlaps both horizontally. Layouts of many sizes,
    middles on a coarse grid too (ties between middles)."""
    import numpy as np

    rng = np.random.default_rng(11)
    for n in (2, 3, 30, 47, 48, 49, 120, 260):
        for coarse in (False, True):
            x0 = rng.integers(0, 1800, n)
            x1 = x0 + rng.integers(5, 400, n)
            yc = rng.integers(0, 1000, n).astype(np.float64)
            yc = (yc // 40) * 40 if coarse else yc
            over = (np.minimum.outer(x1, x1) - np.maximum.outer(x0, x0)) > 0
            between = (yc[None, None, :] > np.minimum.outer(yc, yc)[:, :, None]) & (
                yc[None, None, :] < np.maximum.outer(yc, yc)[:, :, None]
            )
            direct = (between & over[:, None, :] & over[None, :, :]).any(axis=2)
            assert (layout._spanned(over, yc) == direct).all(), (n, coarse)


def test_a_short_word_boxed_across_a_frames_side_is_no_grip() -> None:
    # A window's frame (100..500) under a bar 20 px high: a 2-letter mark boxed from the frame's
    # side itself is the frame; one the engine boxed across the side from outside is text.
    frame, bar = (100, 50, 500, 400), (100, 50, 500, 70)
    on_side = OcrLine.of([OcrWord("r-", (101, 80, 112, 92), 0.9)])
    across = OcrLine.of([OcrWord("OK", (94, 200, 108, 212), 0.9)])
    assert layout._grip(on_side, frame, bar)
    assert not layout._grip(across, frame, bar)


def test_a_table_of_sentences_beside_a_number_column_keeps_its_rows() -> None:
    """A bug list: a number, a summary and a last comment of running words, a status. The engine
    reads the number and the summary as one line, and the comment and the status apart: the two
    sentence columns look like columns of text, but the right side holds two lines on each row (a
    comment and a status), so they are a table's cells, and each report keeps its status."""
    summaries = [
        "The print preview shows a blank page for long letters",
        "Saving a file to the share takes a minute",
    ]
    comments = ["Fixed by the new driver from the vendor site", "Could not reproduce it on the test machine"]
    lines = [
        line("No. Summary", 40, 20, 160),
        line("Last comment", 560, 20, 660),
        line("Status", 980, 20, 1030),
    ]
    for i in range(6):
        y = 44 + 24 * i
        lines.append(line(f"{1041 + i} {summaries[i % 2]}", 40, y, 430 + 8 * (i % 3)))
        lines.append(line(comments[i % 2], 560, y, 900 + 6 * (i % 2)))
        lines.append(line("open" if i % 2 else "closed", 980, y, 1030))
    blocks = layout_blocks(lines)
    rows = [ln.text for b in blocks for ln in b.lines]
    assert any("1041" in r and "closed" in r for r in rows), rows
