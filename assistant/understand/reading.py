"""Screen text as spoken sentences: blocks into pieces, and how much of it a verbosity level reads.

The OCR layer (:mod:`assistant.ocr.layout`) decides what the blocks are and their order; this module
decides where one spoken piece ends and how much is said before "More text follows."
"""

from __future__ import annotations

import re
from itertools import pairwise

from PIL import Image

from assistant.ocr.base import OcrEngine
from assistant.ocr.grid import is_prompt
from assistant.ocr.layout import TextBlock
from assistant.ocr.panels import find_panels
from assistant.understand.wording import counted, sentence


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one piece of text; a word hyphenated across the wrap is joined again."""
    out = ""
    for piece in lines:
        piece = piece.strip()
        joins_word = out.endswith("-") and piece[:1].islower()
        out = out[:-1] + piece if joins_word else f"{out} {piece}".strip()
    return out


ITEM = re.compile(r"\s*(\d{1,3}[.)]?|[-*•·▪–])\s+\S")  # a list item's mark, then its text


def _mark(text: str) -> int | str | None:
    """A list item's mark at the start of ``text``: its number, or its bullet; None for none."""
    found = ITEM.match(text)
    if found is None:
        return None
    mark = found.group(1).rstrip(".)")
    return int(mark) if mark.isdigit() else mark


def _is_list(block: TextBlock) -> bool:
    """Whether ``block`` is a list: two of its lines or more begin with an item's mark that is no
    figure a sentence runs on to. A mark counts where it agrees with the marked line before or after
    it, as a list's marks do, at the same left edge (within half a line height): the same bullet, or
    numbers that count on by one ("1", "2"); or where the line before it ends no sentence halfway
    (in a figure or a full stop, not a word or a comma). Prose wrapped so that two lines happen to
    begin with a figure ("...rose to", "25 degrees by noon, and fell to", "12 degrees") is no list;
    a calendar's weeks, each line a row of figures, are."""
    marked = [i for i, line in enumerate(block.lines) if _mark(line.text) is not None]
    items: set[int] = set()
    for i, j in pairwise(marked):
        a, b = block.lines[i], block.lines[j]
        ma, mb = _mark(a.text), _mark(b.text)
        if abs(a.box[0] - b.box[0]) > 0.5 * min(a.height, b.height):
            continue
        if (ma == mb and isinstance(ma, str)) or (
            isinstance(ma, int) and isinstance(mb, int) and mb == ma + 1
        ):
            items |= {i, j}
    for i in marked:
        before = block.lines[i - 1].text.rstrip()[-1:] if i else ""
        if before and not (before.isalpha() or before == ","):
            items.add(i)
    return len(items) >= 2


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def grid_pieces(block: TextBlock) -> list[str]:
    """A grid's rows, one piece each, introduced by what the grid is: a keypad ("Keys: 7, 8, 9"),
    a grid of buttons ("12 buttons: Pencil, Brush, Eraser"), or a table, which says its size and
    names its header row once ("Table, 7 rows. Columns: Name, Size, Type"). A terminal's lines are
    read as they are."""
    grid = block.grid
    rows = [line.text for line in block.lines]
    if grid is None or grid.kind == "terminal":
        return rows
    if grid.kind == "dial":
        return [f"Dial: {rows[0]}"]
    if grid.kind == "keys":
        # A fixed-width font's rows were read as whole lines: there each word is a key's label.
        keys = (
            [", ".join(w for c in r.cells for w in c.text.split()) for r in grid.rows]
            if grid.monospace
            else rows
        )
        return [f"Keys: {keys[0]}", *keys[1:]]
    if grid.kind == "buttons":
        cells = sum(len(r.cells) for r in grid.rows)
        return [f"{cells} buttons: {rows[0]}", *rows[1:]]  # a tool palette, a button bar
    first, rest = grid.rows[0], grid.rows[1:]
    # A header: words only, over rows that hold figures (sizes, dates, prices).
    header = not any(_has_digit(c.text) for c in first.cells) and any(
        _has_digit(c.text) for r in rest for c in r.cells
    )
    if not header:
        return [f"Table, {counted(len(rows), 'row')}", *rows]
    return [f"Table, {counted(len(rest), 'row')}. Columns: {rows[0]}", *rows[1:]]


def block_pieces(block: TextBlock) -> list[str]:
    """A block as spoken pieces: wrapped prose lines joined, list items and terminal lines apart,
    a grid's rows apart (:func:`grid_pieces`).

    A line that stops well short of the block's right edge ends its piece: prose wraps at the
    edge, while list items, menu entries and shell lines end where their text ends. A shell
    prompt's line (a command typed) is a piece of its own, never joined to what it printed. In a
    list (:func:`_is_list`: two lines or more begin with an item's mark, "1", "2.", "-", "•"), each
    item begins a piece, however wide the items are (a menu's entries boxed apart from the wider
    text over them are as wide as the block).
    """
    if block.grid is not None:
        return grid_pieces(block)
    width = max(1, block.box[2] - block.box[0])
    items = _is_list(block)
    pieces: list[list[str]] = [[]]
    for line in block.lines:
        prompt = is_prompt(line.text)
        if (prompt or (items and ITEM.match(line.text))) and pieces[-1]:
            pieces.append([])
        pieces[-1].append(line.text)
        if prompt or line.box[2] - block.box[0] < 0.75 * width:
            pieces.append([])
    return [join_lines(p) for p in pieces if p]


def block_text(block: TextBlock) -> str:
    """A block's text for speech, each piece ending as a sentence; a table's row ends so whatever
    its last cell ("17%", "(draft)"): the next row ran on into it, "17% Family, 2 TB, ...", and
    speech (:mod:`assistant.speech.chunks`) counts a table's rows by its sentences."""
    if block.grid is not None and block.grid.kind != "terminal":
        return " ".join(_row_end(p) for p in block_pieces(block))
    return " ".join(sentence(p) for p in block_pieces(block))


def _row_end(piece: str) -> str:
    said = sentence(piece)
    return said if not said or said.endswith((".", "!", "?")) else f"{said}."


def _words(text: str) -> int:
    return len(text.split())


def _openings(blocks: list[TextBlock], budget: int) -> tuple[list[str], list[str]]:
    """Headings whole and each other block's first line, up to ``budget`` words (the brief level);
    and what the skim left out, each block whole, for *continue*."""
    out: list[str] = []
    used = 0
    for i, block in enumerate(blocks):
        piece = block_text(block) if block.is_heading else block.lines[0].text
        if used and used + _words(piece) > budget:
            return out, [block_text(b) for b in blocks[i:]]
        out.append(sentence(piece))
        used += _words(piece)
    rest = [_after_first_line(b) for b in blocks if len(b.lines) > 1 and not b.is_heading]
    return out, [r for r in rest if r]


def _after_first_line(block: TextBlock) -> str:
    """A block's text after its first line (what a skim of it did not say)."""
    return " ".join(sentence(line.text) for line in block.lines[1:] if line.text.strip())


def _opening_lines(block: TextBlock, budget: int) -> str:
    """A long paragraph's first lines within ``budget`` words, cut at its last full sentence."""
    lines: list[str] = []
    used = 0
    for line in block.lines:
        if used + _words(line.text) > budget:
            break
        lines.append(line.text)
        used += _words(line.text)
    opening = join_lines(lines)
    end = max(opening.rfind(". "), opening.rfind("? "), opening.rfind("! "))
    return opening[: end + 1] if end > 0 else opening  # a full sentence rather than mid-phrase


def select_text(
    blocks: list[TextBlock], budget: int | None, *, openings_only: bool = False
) -> tuple[list[str], list[str]]:
    """Sentences of screen text within ``budget`` words (None: all), and the sentences left out
    (empty when all was said): the app's *continue* reads on into them.

    ``openings_only`` reads headings and each block's first line (a skim); otherwise whole blocks
    are read until the budget runs out, and a long first paragraph is read in part.
    """
    if budget is None:
        return [sentence(block_text(b)) for b in blocks], []
    if openings_only:
        return _openings(blocks, budget)
    out: list[str] = []
    used = 0
    for i, block in enumerate(blocks):
        piece = block_text(block)
        if used + _words(piece) > budget:
            rest = [sentence(block_text(b)) for b in blocks[i:]]
            if used < budget // 2:  # a long first paragraph: say its opening lines
                opening = _opening_lines(block, budget - used)
                if opening:
                    out.append(sentence(opening))
                    rest[0] = sentence(_after(piece, opening))
            return out, [r for r in rest if r]
        out.append(sentence(piece))
        used += _words(piece)
    return out, []


def _after(whole: str, opening: str) -> str:
    """What follows ``opening`` in ``whole``, word for word (the rest of a paragraph read in part)."""
    words, said = whole.split(), opening.split()
    bare = [w.rstrip(".,;:!?") for w in words[: len(said)]]
    return " ".join(words[len(said) :]) if bare == [w.rstrip(".,;:!?") for w in said] else whole


def quote(text: str, limit: int | None) -> str:
    """``text`` on one line, cut after ``limit`` words with an ellipsis (None: whole)."""
    words = text.split()
    if limit is not None and len(words) > limit:
        return " ".join(words[:limit]) + " …"
    return " ".join(words)


def read_all_text(image: Image.Image, ocr: OcrEngine) -> str:
    """The "Read all text" action: every block in reading order, or "No text found."."""
    rgb = image.convert("RGB")
    result = ocr.recognize(rgb)
    if result.lines:
        result.panels = find_panels(rgb)  # overlapping windows laid out one by one (read as one page)
        result.picture = rgb
    blocks = result.blocks()
    if not blocks:
        return "No text found."
    return "\n".join(sentence(piece) for b in blocks for piece in block_pieces(b))
