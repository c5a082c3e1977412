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
"""

from __future__ import annotations

import numpy as np

from assistant.ocr.bitmap_fonts import FOUND, LIKE, SLACK, grid_font, read_word
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.cell_grid import GridConfig, grids, measured


def font_sure(
    lines: list[OcrLine], gray: np.ndarray, sure: float, cfg: GridConfig | None = None
) -> list[OcrLine]:
    """``lines`` with the words below ``sure`` read as the font reads them, with confidence
    ``FOUND``, on each line whose every such word lies on a grid drawn in a core font and has
    every cell a glyph of it (its reading at least ``LIKE`` like the engine's, a single word: no
    bare cell inside). A line with a word the font cannot read (another font, a cursor, an icon)
    is left as it was, for the second look: its unsure words are read again together, as one
    line (made sure one by one, the line's others were read in pieces, and a live xmessage's
    window lost words). The second look's budget stays as it was: what it saves goes to ink no
    word was read on (cut by as much, half A's man pages lost words there)."""
    cfg = cfg or GridConfig()
    if not any(w.confidence < sure for line in lines for w in line.words):
        return lines
    fixes: dict[tuple[int, int], OcrWord] = {}
    for placed, pitch in grids(measured(lines, gray, cfg), cfg):
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
