"""The first engine's unsure words that an X core bitmap font reads whole, made sure before the
second look (:mod:`assistant.ocr.second_look`) spends the recogniser on them.

On a screen in a core font (xterm, man pages, xmessage, xcalc) tesseract is unsure of many words
it read right, or nearly (bold man-page names, ``ls -l`` modes, 6x10's small letters), and the
second look read each of their lines again with PP-OCR's recogniser: on half A's core-font
screens that cost more than tesseract itself (term-core-8x13-cron, man-chmod-7x13: a second and
more), for words whose every cell is, pixel for pixel, one glyph of the font
(:mod:`assistant.ocr.bitmap_fonts`). Such a word is what the font says it is; it is taken so, as
sure as a word found between others, and its ink is no more left to the recogniser. The glyph
vote at the end (:func:`assistant.ocr.glyph_vote.vote_glyphs`) still reads the grid as before.

After the second look, a word in a core font that lies on no grid (a button's label in an oval of
its own: xmessage's, Athena's) is read from the font's glyphs all the same where every cell is one
(:func:`font_alone`): the engines misread such labels ("Shou", "Gkip", "Cance1") whatever their
confidence.
"""

from __future__ import annotations

import numpy as np

from assistant.masks import label, regions
from assistant.ocr.bitmap_fonts import FOUND, LIKE, SLACK, core_fonts, glyph_at, grid_font, read_word
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.cell_grid import GridConfig, GridWord, Inks, grids, measured

# A word read alone from a core font (:func:`font_alone`): this many letters and digits at least,
# and its ink flat: this share of its pixels at most between ground and ink (no antialiasing).
ALONE_LEAST = 3
ALONE_BLEND = 0.08
ALONE_GREYS = 4  # greys in its box at most


def font_sure(
    lines: list[OcrLine],
    gray: np.ndarray,
    sure: float,
    cfg: GridConfig | None = None,
    inks: Inks | None = None,
) -> list[OcrLine]:
    """``lines`` with the words below ``sure`` read as the font reads them, with confidence
    ``FOUND``, on each line whose every such word lies on a grid drawn in a core font and has
    every cell a glyph of it (its reading at least ``LIKE`` like the engine's, a single word: no
    bare cell inside). A line with a word the font cannot read (another font, a cursor, an icon)
    is left as it was, for the second look: its unsure words are read again together, as one
    line (made sure one by one, the line's others were read in pieces, and a live xmessage's
    window lost words). The second look's budget stays as it was: what it saves goes to ink no
    word was read on (cut by as much, half A's man pages lost words there). ``inks``: the words'
    ink measured before (:class:`~assistant.ocr.cell_grid.Inks`)."""
    cfg = cfg or GridConfig()
    if not any(w.confidence < sure for line in lines for w in line.words):
        return lines
    fixes: dict[tuple[int, int], OcrWord] = {}
    for placed, pitch in grids(measured(lines, gray, cfg, inks=inks), cfg):
        if not any(lines[w.line].words[w.index].confidence < sure for w, _ in placed):
            continue
        found = grid_font(placed, pitch, gray)
        if found is None:
            continue
        font, shift = found
        for word, start in placed:
            old = lines[word.line].words[word.index]
            if old.confidence >= sure or old.box[3] - old.box[1] > font.ascent + font.descent + SLACK:
                continue  # (a box round a row and more: which row's word the engine read is unsure)
            read = read_word(word, gray, start + shift, font, least=LIKE)
            if (
                read is None
                or " " in read[0]
                or len(read[0]) != len(word.text)
                or _swapped(read[0], old.text)
            ):
                continue  # a space inside, cells the engine's box did not cover, "l" for "1": read again
            # (boxed as the engine boxed it: the same ink, and the words round it placed alike)
            fixes[(word.line, word.index)] = OcrWord(read[0], old.box, max(FOUND, sure))
    if not fixes:
        return lines
    out = []
    for li, line in enumerate(lines):
        unsure = [wi for wi, w in enumerate(line.words) if w.confidence < sure]
        if not unsure or not all((li, wi) in fixes for wi in unsure):
            out.append(line)  # a line the font does not read whole is read again as it was
            continue
        words = [fixes.get((li, wi), w) for wi, w in enumerate(line.words)]
        out.append(OcrLine.of(words, line.confidence))
    return out


def _swapped(text: str, engine: str) -> bool:
    """A letter of ``engine``'s reading a digit in ``text`` or the other way round: another core
    font of the same pitch may draw one as this font draws the other (xmessage's buttons in
    ``fixed`` over its 6x10 text: 6x10 read "Cancel" "Cance1"), and the engine saw the word's
    context."""
    return any(
        a != b and a.isdigit() != b.isdigit()
        for a, b in zip(text, engine, strict=False)
        if a.isalnum() and b.isalnum()
    )


def font_alone(
    lines: list[OcrLine], gray: np.ndarray, cfg: GridConfig | None = None, inks: Inks | None = None
) -> list[OcrLine]:
    """``lines`` with each word that is, cell for cell, a core font's glyphs read as the font
    reads it, grid or none: a button's label in an oval of its own (xmessage's, Athena's) stands
    on no grid of the window's text, a row too short for one (:mod:`assistant.ocr.glyph_reading`
    wants three), and the engines misread a small bitmap font's letters ("Shou" for "Show"). The
    word's ink must be flat (a bitmap font has no antialiasing), its every cell exactly one glyph
    of a font whose pitch its width fits, on one baseline, the reading as long as the engine's and
    like it (:data:`~assistant.ocr.bitmap_fonts.LIKE`); a font's glyphs pixel for pixel over
    three letters are no chance."""
    cfg = cfg or GridConfig()
    # Only words drawn in a few greys (ground, ink, perhaps an outline): an antialiased word has
    # dozens, and is left at once.
    at = [
        (li, wi)
        for li, line in enumerate(lines)
        for wi, w in enumerate(line.words)
        if sum(ch.isalnum() for ch in w.text) >= ALONE_LEAST and _few_greys(w.box, gray)
    ]
    if not at:
        return lines
    alone = [OcrLine.of([lines[li].words[wi]]) for li, wi in at]
    fixes: dict[tuple[int, int], OcrWord] = {}
    for word in measured(alone, gray, cfg, inks=inks):
        old = alone[word.line].words[0]
        read = (_alone(word, gray) if _flat(word) else None) or _alone_in_outline(word, old.box, gray, cfg)
        if read is not None and read != word.text:
            fixes[at[word.line]] = OcrWord(read, old.box, max(FOUND, old.confidence))
    if not fixes:
        return lines
    out = []
    for li, line in enumerate(lines):
        if any(key[0] == li for key in fixes):
            line = OcrLine.of([fixes.get((li, wi), w) for wi, w in enumerate(line.words)], line.confidence)
        out.append(line)
    return out


def _alone(word: GridWord, gray: np.ndarray) -> str | None:
    """``word`` as the one core font that reads it whole reads it (see :func:`font_alone`)."""
    n, width, tall = len(word.text), word.box[2] - word.box[0], word.box[3] - word.box[1]
    found: set[str] = set()
    for font in core_fonts():
        p = font.pitch
        if not (n * p - p <= width <= n * p + 1) or tall > font.ascent + font.descent:
            continue
        for start in range(word.box[0] - p // 2, word.box[0] + 1):  # (ink begins in a cell's first half)
            if not glyph_at(word, gray, start, font):
                continue
            read = read_word(word, gray, start, font, least=LIKE)
            if read is not None and read[0] == word.text:
                return word.text  # the engine read it right: nothing to put right, nor to look further for
            if read is not None and len(read[0]) == n and " " not in read[0]:
                found.add(read[0])
    return found.pop() if len(found) == 1 else None


def _alone_in_outline(
    word: GridWord, box: tuple[int, int, int, int], gray: np.ndarray, cfg: GridConfig
) -> str | None:
    """``word`` read as :func:`_alone` reads it with the outline round it left out: ink that
    encloses two or more of the word's strokes (an oval's or a rounded button's arc, which touches
    the first and last letters' cells, or which the engine's box took in whole)."""
    m = box[3] - box[1]
    x0, y0 = max(0, box[0] - m), max(0, box[1] - m)
    x1, y1 = min(gray.shape[1], box[2] + m), min(gray.shape[0], box[3] + m)
    part = gray[y0:y1, x0:x1].copy()
    labels, count = label(np.abs(part.astype(np.float32) - word.ground) > cfg.min_contrast)
    if count < 3:
        return None
    boxes = regions(labels, count)[1].T  # (4, count): x0, y0, x1, y1 of each piece of ink
    bx0, by0, bx1, by1 = boxes[:, :, None]  # (4, count, 1) against (count,) below
    inside = (bx0 < boxes[0]) & (boxes[2] < bx1) & (by0 < boxes[1]) & (boxes[3] < by1)  # (count, count)
    outline = inside.sum(axis=1) >= 2
    if not outline.any():
        return None
    part[np.concatenate([[False], outline])[labels]] = int(word.ground)
    local = (box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0)
    found = measured([OcrLine.of([OcrWord(word.text, local, 1.0)])], part, cfg)
    return _alone(found[0], part) if found and _flat(found[0]) else None


def _few_greys(box: tuple[int, int, int, int], gray: np.ndarray) -> bool:
    """The pixels in ``box`` take ``ALONE_GREYS`` grey levels at most (a bitmap font's word)."""
    part = gray[max(0, box[1]) : box[3], max(0, box[0]) : box[2]]
    return part.size > 0 and int(np.count_nonzero(np.bincount(part.ravel(), minlength=256))) <= ALONE_GREYS


def _flat(word: GridWord) -> bool:
    """``word``'s ink is flat, as a bitmap font's is: few pixels between ground and ink."""
    return float(((word.ink > 0.15) & (word.ink < 0.85)).mean()) <= ALONE_BLEND
