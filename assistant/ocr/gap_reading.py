"""Reading a grid's empty cells (:mod:`assistant.ocr.gaps` finds them): snippets read together on
one sheet, what a reading must be to be taken, and the mends that follow.

The engine is called once for many snippets (one sheet), not once per snippet: a listing's empty
cells are many and each call has a fixed cost. What comes back is unsure by nature (a second look
finds ink, and ink is not always text), so a reading is taken only when it is sure enough or when
its column vouches for it; a lone stroke in a column of figures is a one. Words read across a
table's rule or gutter, figures read a digit short and halves of a word read apart are mended here
too, as they need the same sheet reading; and a short word the engine read unsurely is kept where
its column vouches for it (:func:`_vouched_short`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageOps

from assistant.masks import true_runs
from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import (
    Box,
    OcrLine,
    OcrWord,
    box_middle,
    overlap_share,
    same_row,
    share_columns,
    union_box,
)
from assistant.ocr.gaps import FAINT, INK, PAD, Cell, GridsOnce, by_pane, empty_cells, is_faint
from assistant.ocr.grid import shape_of, words_of
from assistant.ocr.gutter_cuts import across_gutters, cut_words
from assistant.ocr.loose import UNSURE
from assistant.ocr.panels import Panel
from assistant.ocr.rule_cuts import Found, cut_at_rules, glyph_ink, ink_of, rule_through

ZOOM = 2  # snippets are enlarged: a lone digit is small
# ... a gap's snippet to this many pixels of ink at least: a terminal's lone "3" 9 pixels tall,
# enlarged twice, was read "Bi" (0.34); four times, "3" (0.86; half A multi-terminals-overlap's PIDs)
SNIPPET_HEIGHT = 36
MIN_CONFIDENCE = 0.6  # a second look finds ink, and ink is not always text (a button's face, an icon)
GAP = 20  # white space between snippets on the sheet
MAX_SNIPPETS = 80  # one engine call (a ps aux listing's 51 empty cells: about 0.3 s); beyond, no table


#: What an engine makes of a lone upright stroke: in a column of figures it can only be a one.
STROKES = frozenset("1lI|!i")
STROKE_WIDTH = 0.6  # a one's ink is at most this wide for its height (a "4" or "8" is wider)
STROKE_CONFIDENCE = 0.3  # engines are unsure of a lone stroke out of context (tesseract: 0.47)
THIN = 0.35  # ink this narrow for its height is one upright stroke (a "0" or "4" is half as wide as tall)


def _accepted(
    text: str, confidence: float, box: Box, figures: bool, column: frozenset[str] = frozenset()
) -> str | None:
    """The snippet's text as read, a stroke in a column of figures as "1", or None (too unsure).
    A reading that another row holds in the same column is vouched for by it (ps's STAT column:
    a lone "S" read at 0.57 under the "S" of the row above). Ink no wider than a stroke
    (``THIN``) read as anything but a stroke is no reading: xcalc's key outlines between two
    labels came back "0". A number is vouched for by a number of as many digits in its column (a
    tram's line "7" read at 0.59 under a "3", the other rows' lines lost too)."""
    if box[2] - box[0] <= THIN * (box[3] - box[1]) and not set(text.strip()) <= STROKES:
        return None
    if confidence >= MIN_CONFIDENCE or (_vouched(text.strip(), column) and confidence >= STROKE_CONFIDENCE):
        return text
    narrow = box[2] - box[0] <= STROKE_WIDTH * (box[3] - box[1])
    if figures and narrow and text.strip() in STROKES and confidence >= STROKE_CONFIDENCE:
        return "1"
    return None


#: Characters a code needs (at least) for its column's codes of its shape to vouch for it.
CODE = 3


def _vouched(text: str, column: frozenset[str]) -> bool:
    """``text`` is a word its column holds, a number as long as a number there, or a code of
    :data:`CODE` characters or more shaped as two of the column's are (:func:`~assistant.ocr.grid.
    shape_of`: letters, figures and marks in the same places): the selected row's "K-04", white on
    blue, read at 0.49 under "K-01", "K-07", "K-09"."""
    if text in column or (text.isdigit() and any(w.isdigit() and len(w) == len(text) for w in column)):
        return True
    shape = shape_of(text)
    return len(text) >= CODE and sum(shape_of(w) == shape for w in column) >= 2


def _snippet(gray: np.ndarray, box: Box, *, binary: bool = False, height: int = 0) -> Image.Image:
    """``box`` of ``gray`` on its own ground, enlarged (``ZOOM`` times, or to ``height`` pixels of
    ink when that is more), dark on white: its ground made white, its ink (lighter or darker than
    the ground) as far from it as it was. The ground is the grey most of its pixels share, not the
    median: in a box cut to a lone digit's ink the median is a mix of ground and ink (a white "2"
    on a selected row's blue, median 150, was put on grey and kept light on dark; the engine read
    nothing there, and "2" at 0.97 so). (Not stretched to full contrast: a calculator key's faint
    ridge so stretched was read as letters.) ``binary``: black on white, cut halfway between the
    ground and the ink, the ink's side found from the ink itself (a white title on a mid-blue bar
    is lighter than its ground, though the ground is not dark; as they were, a title bar's
    gradient and shading left the engine reading nothing on a grey Onyx bar)."""
    part = gray[box[1] : box[3], box[0] : box[2]]
    if not binary:
        common = int(np.bincount(part.ravel()).argmax()) if part.size else 255
        part = (255 - np.abs(part.astype(np.int16) - common)).astype(np.uint8)
    # Its own ground around it (a badge's navy, not the page's white, which would frame it).
    snippet = ImageOps.expand(Image.fromarray(part), border=PAD, fill=int(np.median(part)) if binary else 255)
    zoom = max(ZOOM, -(-height // max(1, box[3] - box[1])))
    snippet = snippet.resize((snippet.width * zoom, snippet.height * zoom), Image.Resampling.LANCZOS)
    if not binary:
        return snippet
    px = np.asarray(snippet, dtype=np.int16)
    ground = float(np.median(px))
    off = px - ground
    if (off > INK).sum() > (off < -INK).sum():  # more ink lighter than the ground: light text
        px, ground = 255 - px, 255 - ground
    ink = px[px < ground - INK]
    cut = (ground + float(np.median(ink))) / 2 if ink.size else ground - INK
    return Image.fromarray(np.where(px > cut, 255, 0).astype(np.uint8))


def read_snippets(
    engine: OcrEngine, gray: np.ndarray, boxes: Sequence[Box], *, binary: bool = False, height: int = 0
) -> list[tuple[int, OcrLine, int]]:
    """``boxes`` of ``gray`` read together on one sheet, one under another (one engine call): for
    each line read, the index of its box, the line (sheet coordinates) and its snippet's top.
    ``height``: each snippet enlarged to at least this many pixels (:func:`_snippet`)."""
    snippets = [_snippet(gray, box, binary=binary, height=height) for box in boxes]
    width = max(snippet.width for snippet in snippets) + 2 * GAP
    sheet = Image.new("L", (width, sum(snippet.height + GAP for snippet in snippets) + GAP), 255)
    slots = []
    y = GAP
    for snippet in snippets:
        sheet.paste(snippet, (GAP, y))
        slots.append((y, y + snippet.height))
        y += snippet.height + GAP
    out = []
    for line in engine.read_sheet(sheet.convert("RGB")).lines:
        middle = (line.box[1] + line.box[3]) / 2
        for i, (top, bottom) in enumerate(slots):
            if top - GAP / 2 <= middle <= bottom + GAP / 2:
                out.append((i, line, top))
                break
    return out


def fill_gaps(
    image: Image.Image, lines: list[OcrLine], engine: OcrEngine, panels: list[Panel] | None = None
) -> list[OcrLine]:
    """``lines`` and the words read in their grids' empty cells (unchanged when there are none);
    ``panels``: the picture's panes, when known (:func:`by_pane`). Words read across a table's
    rule are cut there first (:mod:`assistant.ocr.rule_cuts`): fused, a row's number and its date
    were in no column, and the date's cell in the rows read right looked empty."""
    gray = np.asarray(image.convert("L"))
    grids = GridsOnce()  # (each step's grids: found again only where a step changed the lines)
    found: Found = {}  # (the rule through each word left whole: looked for once, not again)
    lines = _rule_cuts_read(engine, gray, lines, cut_at_rules(gray, lines, found), found)
    lines = _cut_at_gutters(engine, gray, lines, grids)
    lines = _figures_read_short(engine, gray, lines, panels, grids)
    lines = _vouched_short(lines, panels, grids)
    cells = empty_cells(gray, lines, panels, image, grids)
    if not cells or sum(not c.coloured for c in cells) > MAX_SNIPPETS:  # (those by colour: no snippet)
        return lines
    return _abutting(gray, lines, _filled(engine, gray, cells))


#: Rows of its grid (besides its own) holding a word in its column that vouch for a short word
#: read unsurely (:func:`_vouched_short`).
TWINS = 2


def _vouched_short(
    lines: list[OcrLine], panels: list[Panel] | None, grids: GridsOnce | None = None
) -> list[OcrLine]:
    """``lines`` with each short word read unsurely (:data:`~assistant.ocr.loose.UNSURE`, which the
    layout drops as an icon or an edge read as letters) made sure enough to stay where its column
    vouches for it: :data:`TWINS` other rows of its table or listing or more hold the same word,
    read surely, over it (overlapping it across). A terminal's state column, htop's and top's
    "S", was lost in a row where the engine had run it on to the size before it ("1688S", unsure;
    cut at the space, both pieces kept its doubt): a table's column is its own evidence, as for a
    gap's reading (:func:`_vouched`)."""
    if not any(w.confidence < UNSURE and _short(w.text) for ln in lines for w in ln.words):
        return lines
    grids = grids or GridsOnce()
    sure: set[tuple[str, Box]] = set()
    for group in by_pane(lines, panels).values():
        for grid in grids(group)[0]:
            if grid.kind not in ("table", "terminal"):
                continue
            rows = [[w for c in r.cells for w in words_of(c)] for r in grid.rows]
            for i, row in enumerate(rows):
                for w in row:
                    if w.confidence >= UNSURE or not _short(w.text):
                        continue
                    twins = sum(
                        any(
                            v.text == w.text and v.confidence >= UNSURE and share_columns(v.box, w.box)
                            for v in other
                        )
                        for j, other in enumerate(rows)
                        if j != i
                    )
                    if twins >= TWINS:
                        sure.add((w.text, w.box))
    if not sure:
        return lines
    out = []
    for line in lines:
        if not any((w.text, w.box) in sure for w in line.words):
            out.append(line)
            continue
        words = [OcrWord(w.text, w.box, UNSURE) if (w.text, w.box) in sure else w for w in line.words]
        out.append(OcrLine(line.text, line.box, line.confidence, words))
    return out


def _short(text: str) -> bool:
    """A word as short as the layout drops when unsure (:func:`~assistant.ocr.loose.drop_unsure`)."""
    return sum(ch.isalnum() for ch in text) <= 2


#: Empty columns of pixels at most between a gap's ink and a word read beside it for the two to be
#: one word (letters stand a pixel apart or touch; a word space is three pixels or more).
ABUT = 1


def _abutting(gray: np.ndarray, lines: list[OcrLine], found: list[OcrLine]) -> list[OcrLine]:
    """``lines`` and the words ``found`` in their gaps, each found word whose ink touches a word's
    read on its row (:data:`ABUT`; the word's ink, not its box: an engine's box may take in the
    spaces before a word) put on that word's start or end: the engine read part of a word and
    lost the rest, which the gap's ink holds ("e" read, "Cod" found: a column's name "Code",
    not "Cod e"; "blem" read, "Pro" found)."""
    joined: dict[int, tuple[OcrWord, OcrWord | None, OcrWord | None]] = {}
    rest = []
    for line in found:
        box = line.box
        near = [
            w
            for ln in lines
            for w in ln.words
            if id(w) not in joined and same_row(w.box, box) and _touching(gray, box, w.box)
        ]
        if len(near) != 1 or " " in line.text:
            rest.append(line)
            continue
        word = near[0]
        before = box[2] <= word.box[0]
        # (letters or figures meeting: a tree's mark read "J." beside "/backups" is no part of it)
        meet = line.text[-1:] + word.text[:1] if before else word.text[-1:] + line.text[:1]
        if len(meet) < 2 or not meet.isalnum():
            rest.append(line)
            continue
        gap = OcrWord(line.text, box, line.confidence)
        joined[id(word)] = (word, gap, None) if before else (word, None, gap)
    if not joined:
        return lines + found

    def put(word: OcrWord) -> OcrWord:
        if id(word) not in joined:
            return word
        _, before, after = joined[id(word)]
        parts = [p for p in (before, word, after) if p is not None]
        return OcrWord("".join(p.text for p in parts), union_box([p.box for p in parts]), word.confidence)

    touched = [any(id(w) in joined for w in ln.words) for ln in lines]
    out = [
        OcrLine.of([put(w) for w in ln.words], ln.confidence) if t else ln
        for ln, t in zip(lines, touched, strict=True)
    ]
    return out + rest


def _touching(gray: np.ndarray, gap: Box, word: Box) -> bool:
    """Whether the ink of ``gap`` and of ``word``, each on its own ground (the commonest grey of
    its box: a gap may hold a selected row's bar, and an engine's box the spaces before a word),
    stand :data:`ABUT` empty columns apart or less, side by side, on one ground (a word beside
    a selected item's bar is no part of what the bar holds)."""
    a, b = _ink_extent(gray, gap), _ink_extent(gray, word)
    if a is None or b is None or abs(a[2] - b[2]) > INK:
        return False
    return 0 <= b[0] - a[1] <= ABUT or 0 <= a[0] - b[1] <= ABUT


def _ink_extent(gray: np.ndarray, box: Box) -> tuple[int, int, int] | None:
    """The x of the first inked column of ``box`` (:func:`ink_of`), one past its last, and its
    ground (the commonest grey); None when it has no ink."""
    part = gray[box[1] : box[3], box[0] : box[2]]
    if part.size == 0:
        return None
    cols = np.flatnonzero(ink_of(part).any(axis=0))
    ground = int(np.bincount(part.ravel()).argmax())
    return (box[0] + int(cols[0]), box[0] + int(cols[-1]) + 1, ground) if cols.size else None


def _figures_read_short(
    engine: OcrEngine,
    gray: np.ndarray,
    lines: list[OcrLine],
    panels: list[Panel] | None,
    grids: GridsOnce | None = None,
) -> list[OcrLine]:
    """``lines`` with each number in a grid whose box holds one glyph more than it has digits
    (:func:`_glyphs`) read again, on one sheet, and taken as read there when that is a number of
    as many digits as glyphs that holds the first reading at its start or end, read surely: an
    engine drops a lone digit's neighbour, "14" read "4" in a box round both (a table's first
    column, a "1" close to its border), and no gap is left for a second look to find."""
    grids = grids or GridsOnce()
    short = [
        w
        for group in by_pane(lines, panels).values()
        for grid in grids(group)[0]
        if grid.kind != "keys"
        for row in grid.rows
        for cell in row.cells
        for w in words_of(cell)
        if w.text.isdigit() and _glyphs(gray, w.box) == len(w.text) + 1
    ]
    if not short:
        return lines
    again: dict[int, list[OcrWord]] = {}
    for k, line, _ in read_snippets(engine, gray, [w.box for w in short], height=SNIPPET_HEIGHT):
        word, text = short[k], line.text.strip()
        if (
            line.confidence >= MIN_CONFIDENCE
            and text.isdigit()
            and len(text) == len(word.text) + 1
            and (text.startswith(word.text) or text.endswith(word.text))
        ):
            again[id(word)] = [OcrWord(text, word.box, word.confidence)]
    return cut_words(lines, again)


def _glyphs(gray: np.ndarray, box: Box) -> int:
    """Runs of inked columns (glyphs, where they stand apart) in ``box``, without a rule's
    (:func:`~assistant.ocr.rule_cuts.glyph_ink`: a table's border beside its first column)."""
    ink, _ = glyph_ink(gray, box)
    return len(true_runs(np.asarray(ink.any(axis=0))))


def _rule_cuts_read(
    engine: OcrEngine,
    gray: np.ndarray,
    before: list[OcrLine],
    lines: list[OcrLine],
    found: Found | None = None,
) -> list[OcrLine]:
    """``lines`` (``before`` with words cut at a table's rule, :func:`~assistant.ocr.rule_cuts.
    cut_at_rules`) with each piece of a cut word read again on one sheet: read across the rule,
    the glyphs beside it were read with the rule's stroke in them (a Qt table's row number "9" and
    its first cell "T-25" came back "97-25"). A piece's reading is taken where it is one word read
    surely, as many characters as the cut gave it. A lone character is not read again: alone, with
    nothing beside it, an engine reads a glyph worse (a row number's "8" came back "3", surely).
    A word a rule runs through that was left whole (its ink's share of the characters put the cut
    between two: the row header's frame beside a row number) is cut where one side, read alone,
    is read surely as the word's start or end ("715/05": "15/05" on the right, so "7" and "15/05").
    ``found``: the rule cut_at_rules found through each word it left whole (:data:`~assistant.ocr.
    rule_cuts.Found`), not looked for again."""
    old = {id(w) for line in before for w in line.words}
    pieces = [w for line in lines for w in line.words if id(w) not in old and len(w.text) > 1]
    known = found if found is not None else {}
    whole = [
        (w, rule)
        for line in lines
        for w in line.words
        if id(w) in old and (rule := known[id(w)] if id(w) in known else rule_through(gray, w))
    ]
    if not pieces and not whole:
        return lines
    sides = [
        box for w, (a, b) in whole for box in [(w.box[0], w.box[1], a, w.box[3]), (b, w.box[1], *w.box[2:])]
    ]
    read: dict[int, list[OcrLine]] = {}
    for k, line, _ in read_snippets(engine, gray, [w.box for w in pieces] + sides, height=SNIPPET_HEIGHT):
        read.setdefault(k, []).append(line)

    def sure(k: int) -> str:
        got = read.get(k, [])
        text = got[0].text.strip() if len(got) == 1 and got[0].confidence >= MIN_CONFIDENCE else ""
        return "" if " " in text else text

    again: dict[int, list[OcrWord]] = {}
    for k, word in enumerate(pieces):
        text = sure(k)
        if text and len(text) == len(word.text):
            again[id(word)] = [OcrWord(text, word.box, word.confidence)]
    for k, (word, (a, b)) in enumerate(whole):
        left, right, text = sure(len(pieces) + 2 * k), sure(len(pieces) + 2 * k + 1), word.text
        if 0 < len(right) < len(text) and text.endswith(right):
            left = text[: -len(right)].removesuffix("|")
        elif 0 < len(left) < len(text) and text.startswith(left):
            right = text[len(left) :].removeprefix("|")
        else:
            continue
        if left and right:
            x0, y0, x1, y1 = word.box
            cut = [
                OcrWord(left, (x0, y0, a, y1), word.confidence),
                OcrWord(right, (b, y0, x1, y1), word.confidence),
            ]
            again[id(word)] = cut
    return cut_words(lines, again)


def _cut_at_gutters(
    engine: OcrEngine, gray: np.ndarray, lines: list[OcrLine], grids: GridsOnce | None = None
) -> list[OcrLine]:
    """``lines`` with each word that runs across a table's gutter (cells read as one word,
    :mod:`assistant.ocr.gutter_cuts`) put as its pieces, read again on one sheet, where each piece
    is read surely as one word and together they spell the word as it was read."""
    found = across_gutters(gray, lines, grids or GridsOnce())
    if not found:
        return lines
    boxes = [box for _, parts in found.values() for box in parts]
    read: dict[int, list[OcrLine]] = {}
    for k, line, _ in read_snippets(engine, gray, boxes, height=SNIPPET_HEIGHT):
        read.setdefault(k, []).append(line)
    cut: dict[int, list[OcrWord]] = {}
    at = 0
    for key, (word, parts) in found.items():
        got = [read.get(at + i, []) for i in range(len(parts))]
        at += len(parts)
        if any(len(g) != 1 or g[0].confidence < MIN_CONFIDENCE for g in got):
            continue
        texts = [g[0].text.strip() for g in got]
        if "".join(texts).replace(" ", "") != word.text:
            continue
        cut[key] = [OcrWord(t, box, word.confidence) for t, box in zip(texts, parts, strict=True)]
    return cut_words(lines, cut)


def _filled(engine: OcrEngine, gray: np.ndarray, cells: list[Cell]) -> list[OcrLine]:
    """The words read in ``cells`` (a grid's empty cells, :func:`empty_cells`)."""
    # A cell whose ink is a word read elsewhere in its grid is that word (:func:`same_ink`); the
    # rest are read on one sheet, all the cells on it as before (what else a sheet holds changes
    # an engine's reading of a snippet: xcalc's key borders alone on it came back "ll").
    copies = [same_ink(gray, cell.box, cell.words) for cell in cells]
    found = [OcrLine(w.text, w.box, w.confidence, [w]) for w in copies if w is not None]
    # A cell found by its colour alone (:func:`~assistant.ocr.gaps.colour_ink`) is taken only as
    # such a copy: read on the sheet, tig's dark blue times on black came back "21:85", "+8004".
    # Faint cells (greyed-out text) are read apart (:func:`_read_faint`).
    left = [i for i, copy in enumerate(copies) if copy is None and not cells[i].coloured]
    faint = [i for i in left if is_faint(gray, cells[i][0])]
    # A mark (:func:`_mark`) stays on the sheet, but its reading is not taken.
    todo = [i for i in left if i not in faint and not cells[i].mark]
    sheet = [i for i in range(len(cells)) if i not in faint and not cells[i].coloured]
    read = _read_cells(engine, gray, cells, todo, sheet) if todo else []
    if faint:
        read += _read_faint(engine, gray, cells, faint)
    # A lone figure the sheet left unread is read again on a sheet of such figures alone: among a
    # calculator's keys a table's "1" came back as nothing and "ol" (half A multi-calc-term-rooms),
    # and alone as "1" (0.96).
    taken = {i for i, _ in read}
    again = [i for i in todo if cells[i][1] and i not in taken]
    if again and len(again) < len(todo):
        read += _read_cells(engine, gray, cells, again, again)
    return found + [line for _, line in read]


def _stretched(gray: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """``gray`` with each of ``boxes`` stretched to full contrast: its ground (median) white or
    black as it is nearer, its ink the other. Greyed-out text 25 levels off white was left blank
    by the engine."""
    out = gray.copy()
    for x0, y0, x1, y1 in boxes:
        part = gray[y0:y1, x0:x1].astype(np.float32)
        ground = float(np.median(part))
        off = np.abs(part - ground)
        reach = float(off.max())
        if reach == 0:
            continue
        # (ink from half its reach on: a greyed "5"'s upright is drawn lighter than its bars)
        level = np.clip(off * (2 * 255 / reach), 0, 255)
        out[y0:y1, x0:x1] = (255 - level if ground >= 128 else level).astype(np.uint8)
    return out


def _faint_runs(cells: list[Cell], faint: list[int]) -> list[list[int]]:
    """The faint cells (numbers into ``cells``) in runs along their rows, left to right: side by
    side on one row band, with no word of the grid between them."""
    runs: list[list[int]] = []
    for i in sorted(faint, key=lambda i: (cells[i][0][1], cells[i][0][0])):
        box, words = cells[i][0], cells[i][3]
        if runs:
            prev = cells[runs[-1][-1]][0]
            in_row = prev[1] <= box_middle(box) <= prev[3] and box[1] <= box_middle(prev) <= box[3]
            between = any(
                prev[2] <= w.box[0] and w.box[2] <= box[0] and w.box[1] < box[3] and box[1] < w.box[3]
                for w in words
            )
            if in_row and not between:
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def _read_faint(
    engine: OcrEngine, gray: np.ndarray, cells: list[Cell], faint: list[int]
) -> list[tuple[int, OcrLine]]:
    """Faint cells (greyed-out text) read at full contrast (:func:`_stretched`), each run of them
    along a row (:func:`_faint_runs`) as one line, the way it is written: a sheet of a dozen lone
    greyed digits one under another came back with three read; "2 3 4 5 6 7 8" in a row, whole.
    Each word read goes to the cell under its middle."""
    runs = _faint_runs(cells, faint)
    boxes = [union_box([cells[i][0] for i in run]) for run in runs]
    out = []
    for k, line, _ in read_snippets(engine, _stretched(gray, boxes), boxes, height=SNIPPET_HEIGHT):
        box = boxes[k]
        zoom = max(ZOOM, -(-SNIPPET_HEIGHT // max(1, box[3] - box[1])))
        for word in line.words or [OcrWord(line.text, line.box, line.confidence)]:
            x = box[0] - PAD + ((word.box[0] + word.box[2]) / 2 - GAP) / zoom
            at = [i for i in runs[k] if cells[i][0][0] - 2 <= x <= cells[i][0][2] + 2]
            if len(at) != 1:
                continue
            cell, figures, column = cells[at[0]][:3]
            text = _accepted(word.text, word.confidence, cell, figures, column)
            if text is not None:
                sure = max(word.confidence, MIN_CONFIDENCE)
                out.append((at[0], OcrLine(text, cell, sure, [OcrWord(text, cell, sure)])))
    return out


def _read_cells(
    engine: OcrEngine, gray: np.ndarray, cells: list[Cell], wanted: list[int], sheet: list[int]
) -> list[tuple[int, OcrLine]]:
    """The cells numbered ``sheet`` read on one sheet: of them, those numbered ``wanted`` whose
    reading is taken (:func:`_accepted`), each with its number."""
    out = []
    boxes = [cells[i][0] for i in sheet]
    for k, line, _ in read_snippets(engine, gray, boxes, height=SNIPPET_HEIGHT):
        i = sheet[k]
        box, figures, column = cells[i][:3]
        text = _accepted(line.text, line.confidence, box, figures, column) if i in wanted else None
        if text is not None:
            # a stroke the column vouches for is as sure as the rest (layout drops unsure marks)
            sure = max(line.confidence, MIN_CONFIDENCE)
            out.append((i, OcrLine(text, box, sure, [OcrWord(text, box, sure)])))
    return out


SAME_INK = 0.08  # ink pixels that may differ between two copies of one word, as a share of its ink
SAME_SLACK = 3  # pixels a word's box may be wider or taller than its ink (engines box loosely)
SAME_SURE = 0.8  # only a word read this surely is copied (a key's border read "ll" at 0.65 is not)
REACH = 1  # pixels round a read word's box looked at for its ink (engines' boxes may cut it)


#: Pixels a box is widened by, at most, on each side while its ink runs on past it (:func:`_ink_mask`).
GROW = 3


def _ink_mask(gray: np.ndarray, box: Box, level: float = INK) -> np.ndarray | None:
    """``box``'s ink (pixels ``level`` or more from the ground round it), out past the box's sides while
    the ink runs on (``GROW`` pixels at most: an engine's box may cut a glyph's soft edge, a "0"
    boxed 6 pixels wide on 8 pixels of ink, and a gap's copy of it, boxed round all its ink, did
    not match it), trimmed to the ink; None without ink."""
    bx0, by0, bx1, by1 = (max(0, v) for v in box)
    around = gray[max(0, by0 - PAD) : by1 + PAD, max(0, bx0 - PAD) : bx1 + PAD]
    # (the box and GROW pixels round it, the box's place in that: x0, y0, x1, y1)
    ox, oy = max(0, bx0 - GROW), max(0, by0 - GROW)
    far = np.abs(gray[oy : by1 + GROW, ox : bx1 + GROW].astype(np.int16) - int(np.median(around))) > level
    x0, y0, x1, y1 = bx0 - ox, by0 - oy, bx1 - ox, by1 - oy
    for _ in range(GROW):
        left = x0 > 0 and bool(far[y0:y1, x0 - 1].any())
        right = x1 < far.shape[1] and bool(far[y0:y1, x1].any())
        top = y0 > 0 and bool(far[y0 - 1, x0:x1].any())
        bottom = y1 < far.shape[0] and bool(far[y1, x0:x1].any())
        if not (left or right or top or bottom):
            break
        x0, x1, y0, y1 = x0 - left, x1 + right, y0 - top, y1 + bottom
    ink = far[y0:y1, x0:x1]  # (h, w)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _faint_level(gray: np.ndarray, box: Box) -> float | None:
    """Half the greatest distance of the grey in ``box`` from its ground (the median round it), where
    that is over :data:`FAINT` and under :data:`INK`: where faint ink (or coloured ink whose grey is
    near its ground's) is told from ground; None otherwise."""
    x0, y0, x1, y1 = (max(0, v) for v in box)
    around = gray[max(0, y0 - PAD) : y1 + PAD, max(0, x0 - PAD) : x1 + PAD]
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.size == 0:
        return None
    reach = int(np.abs(part - int(np.median(around))).max())
    return reach / 2 if FAINT < reach <= INK else None


def _around(box: Box) -> Box:
    """``box`` and ``REACH`` pixels round it: both inks are taken from a little round their boxes
    (an engine boxed a lone "0" a pixel right of its ink, and the gap's box, cut where the ink is
    darker than the faintest edge :func:`_ink_mask` takes, left the faint edge out: the two
    masks of one "0" differed, and the gap's "0" was lost)."""
    return (box[0] - REACH, box[1] - REACH, box[2] + REACH, box[3] + REACH)


def same_ink(gray: np.ndarray, box: Box, words: list[OcrWord]) -> OcrWord | None:
    """The word of ``words`` (a grid's, read) whose ink is the gap's ink at ``box``, pixel for
    pixel, when exactly one text matches; else None. A listing repeats its cells ("1", "root",
    "-rw-------") in one font on one pixel grid, so a cell the engine skipped is often drawn
    elsewhere and read there; read alone, its lone "1" came back as "4" (half A
    multi-dark-terminals-dialog, green on black). No engine call. Ink of little contrast in grey
    (:func:`_faint_level`) is compared at its own level: a terminal's red "0" on dark blue, 24
    grey levels off, lost in four rows of ``top`` and read "or" alone, is the "0" read in the
    others."""
    level: float = INK
    mask = _ink_mask(gray, _around(box))
    if mask is None and (faint := _faint_level(gray, box)) is not None:
        level, mask = faint, _ink_mask(gray, _around(box), faint)
    if mask is None:
        return None
    h, w = mask.shape
    texts: dict[str, OcrWord] = {}
    for word in words:
        bw, bh = word.box[2] - word.box[0], word.box[3] - word.box[1]
        # (a box may be cut inside its ink by up to GROW pixels a side, :func:`_ink_mask`)
        fits = -2 * GROW <= bw - w <= SAME_SLACK and -2 * GROW <= bh - h <= 2 * SAME_SLACK
        # A word read in the gap's own column is vouched for by it, as a reading is (:func:`_accepted`):
        # a terminal's column of "0"s read at 0.61 where one was left unread, the same ink.
        column = min(box[2], word.box[2]) > max(box[0], word.box[0])
        sure = word.confidence >= (STROKE_CONFIDENCE if column else SAME_SURE)
        if not fits or not sure or not any(ch.isalnum() for ch in word.text):
            continue
        if overlap_share(box, word.box) > 0:
            continue  # the word itself, a row's band reaching it: no copy
        other = _ink_mask(gray, _around(word.box), level)
        same = other is not None and other.shape == mask.shape
        if same and int((other ^ mask).sum()) <= SAME_INK * max(int(mask.sum()), 1):
            texts.setdefault(word.text, word)
    if len(texts) != 1:
        return None
    (word,) = texts.values()
    return OcrWord(word.text, box, max(word.confidence, MIN_CONFIDENCE))
