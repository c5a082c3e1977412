"""Control keys in caret notation ("^X") that tesseract read as a letter ("AX", "ax").

A terminal program names its keys in caret notation: nano's key bar "^G Help ^O Write Out ^X
Exit", a shell's "^C". Tesseract reads the caret as an "A" ("AK Cut", "AR Read File"; a small
Courier caret as a "4", "4G"), and a
listener hears a word "ak", not the key. The two are told apart by their shape, in any font: an
"A" (or an "a") stands on the baseline, a caret floats at the top of the line, its foot well above
the foot of the capital beside it. A word of two characters whose first one was read "A" or "a"
is read with a caret where the ink of that first character starts at the top of the line's
capitals and ends well above their foot. After a caret stands a capital or one of the few marks of
caret notation, never a digit:
"^0" is the "^O" of the letter O, whichever engine read it (PP-OCR's recogniser reads the caret
itself right). In a square or thin bitmap font (IBM 3270, Terminus, Spleen) the caret is read as a
mark ("*G", "“O", "°X"), told by the same shape; a mark before a capital is also a quote in
prose, so such a key is taken only with another key on its row, as a key bar names them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.masks import true_runs
from assistant.ocr.boxes import OcrLine, OcrWord, same_row
from assistant.ocr.ink import off_ground


@dataclass(frozen=True)
class CaretConfig:
    contrast: int = 48  # grey levels off the ground: ink
    # The first character is a caret when its ink starts within ``top`` of the capitals' height
    # below their top and ends above ``foot`` of their height (an "A" reaches the foot; a caret
    # stops a third or more above it in every font).
    top: float = 0.2
    foot: float = 0.75
    # Before a lone capital (caret_before: no word was read with it, so an "A" is not the
    # question, any glyph is), a caret ends above the capital's middle.
    lone_foot: float = 0.5


CARET_ALIKE = frozenset("Aa4")
#: Marks that a caret in a square or thin bitmap font (IBM 3270, Terminus) is read as: "*G", "“O".
#: A quote before a capital is also prose ('"I said'), so these are taken only with another key
#: on the same row: a key bar names its keys side by side.
CARET_MARKS = frozenset('*\u201c\u201d"\u00b0')


def _capitals(line: OcrLine, word: OcrWord) -> tuple[float, float] | None:
    """The top and the height of the capitals of ``line``, from its other words' boxes (an engine
    boxes a word from its ink): the highest top, and the highest foot (a word with a descender
    reaches lower than the baseline, one without stands on it; taken high, a caret is told by
    a stricter measure). None when it has no other word."""
    others = [w.box for w in line.words if w is not word and len(w.text) >= 2]
    if not others:
        return None
    top = float(min(b[1] for b in others))
    foot = float(min(b[3] for b in others))
    return (top, foot - top) if foot - top >= 4 else None


#: What follows a caret in caret notation: the control characters' letters and marks (``^@``
#: to ``^_``, and ``^?``; nano's ``^/``), and a zero read for the "O" ("^O"). Not a small letter
#: ("At", "as" are words), and no other mark: "A)", "4)" are a list's labels, and a parenthesis
#: is tall enough to make the "A" before it look like a caret.
KEY_AFTER_CARET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[\\]^_?/0")


def _key_letter(ch: str) -> bool:
    """``ch`` can follow a caret (:data:`KEY_AFTER_CARET`)."""
    return ch in KEY_AFTER_CARET


def _glyphs(word: OcrWord, gray: np.ndarray, cfg: CaretConfig) -> list[tuple[int, int]]:
    """The first and last rows (in the picture) of the ink of each run of inked columns of
    ``word``'s box, left to right: its characters, near enough in a word of two."""
    x0, y0, x1, y1 = (max(0, v) for v in word.box)
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.shape[0] < 3 or part.shape[1] < 3:
        return []
    ink = off_ground(part) > cfg.contrast  # (h, w)
    out = []
    for a, b in true_runs(np.asarray(ink.any(axis=0))):
        rows = np.flatnonzero(ink[:, a:b].any(axis=1))
        out.append((y0 + int(rows[0]), y0 + int(rows[-1])))
    return out


def carets(lines: list[OcrLine], gray: np.ndarray, cfg: CaretConfig | None = None) -> list[OcrLine]:
    """``lines`` with the control keys read with an "A" (or a "4") for their caret read "^X", and
    "^0" read "^O" (see the module docstring); ``gray`` the picture the words' boxes lie in. Lines
    without one are kept as they are."""
    cfg = cfg or CaretConfig()
    keys: dict[tuple[int, int], OcrWord] = {}
    for j, line in enumerate(lines):
        for i, word in enumerate(line.words):
            text = word.text
            if text == "^0":  # (a caret read right, its letter as a figure)
                keys[j, i] = OcrWord("^O", word.box, word.confidence)
            elif (
                len(text) == 2
                and text[0] in CARET_ALIKE | CARET_MARKS
                and _key_letter(text[1])
                and _caret_shaped(line, word, gray, cfg)
            ):
                key = text[1].upper() if text[1] != "0" else "O"
                keys[j, i] = OcrWord("^" + key, word.box, word.confidence)
    # A mark is a caret only with another key on its row, mended or read right (a key bar names
    # its keys side by side; two quoted capitals on two lines of prose are no key bar).
    marks = [at for at in keys if lines[at[0]].words[at[1]].text[0] in CARET_MARKS]
    read = [w.box for line in lines for w in line.words if len(w.text) == 2 and w.text[0] == "^"]
    lone = [
        at
        for at in marks
        if not any(other != at and same_row(keys[at].box, keys[other].box) for other in keys)
        and not any(same_row(keys[at].box, box) for box in read)
    ]
    for at in lone:
        del keys[at]
    out = []
    for j, line in enumerate(lines):
        words = [keys.get((j, i), word) for i, word in enumerate(line.words)]
        out.append(line if words == line.words else OcrLine.of(words, line.confidence))
    return out


def _caret_shaped(line: OcrLine, word: OcrWord, gray: np.ndarray, cfg: CaretConfig) -> bool:
    """Whether the first character of the two-character ``word`` of ``line`` is a caret by its
    ink: starting at the capitals' top, ending well above their foot."""
    glyphs = _glyphs(word, gray, cfg)
    if not glyphs:
        return False
    if word.text[0] in CARET_MARKS and len(glyphs) > 2:
        # (a caret read as a mark of two strokes, "“", may be inked in two runs: the key's
        # letter is the last run, the caret all before it)
        glyphs = [(min(g[0] for g in glyphs[:-1]), max(g[1] for g in glyphs[:-1])), glyphs[-1]]
    rows, rest = glyphs[0], glyphs[1:]
    # Measured by the character beside it where the box holds it (a key's capital, taller
    # than a caret: a "." after a "4" is no measure), else by the line's words.
    if rest and rest[0][1] - rest[0][0] > rows[1] - rows[0]:
        caps: tuple[float, float] | None = (rest[0][0], rest[0][1] + 1 - rest[0][0])
    elif rest:
        return False
    else:
        caps = _capitals(line, word)
    if caps is None:
        return False
    top, height = caps
    return rows[0] <= top + cfg.top * height and rows[1] < top + cfg.foot * height


def caret_before(gray: np.ndarray, box: tuple[int, int, int, int], cfg: CaretConfig | None = None) -> bool:
    """Whether a caret stands just left of the lone capital boxed ``box`` in ``gray``: the
    recogniser reads a key of nano's bar in reverse video ("^W", its caret three pixels high) as the
    capital alone, unsure, and a lone capital is too often an icon's stroke to be taken on its own
    score. The caret is the last glyph before the capital, within a capital's width of it, its ink
    (off the ground inside the capital's box) starting at the capital's top and ending well above
    its middle (:class:`CaretConfig`'s ``top`` and ``lone_foot``); nothing else may stand between."""
    cfg = cfg or CaretConfig()
    x0, x1 = box[0], min(box[2], gray.shape[1])
    y0, y1 = max(0, box[1]), min(box[3], gray.shape[0])
    wide = x1 - x0
    if wide < 3 or y1 - y0 < 5 or x0 - wide - 2 < 0:
        return False
    part = gray[y0:y1, x0 - wide - 2 : x1].astype(np.int16)  # (h, 2 * wide + 2)
    ground = float(np.median(gray[y0:y1, x0:x1]))  # a capital's strokes are thin: its box is ground
    ink = np.abs(part - ground) > cfg.contrast  # (h, w)
    # A reverse-video cell's edges (and rules) across or down the part are no glyph's ink: a bold
    # caret's foot may touch the cell's side.
    ink[ink.mean(axis=1) > 0.9] = False
    ink[:, ink.mean(axis=0) > 0.8] = False
    runs = true_runs(np.asarray(ink.any(axis=0)))
    # The capital: the run of inked columns nearest its box's middle (a reverse-video cell's edge
    # may stand after it); its rows the longest run of them (a line above may reach in).
    if not runs:
        return False
    middle = wide + 2 + wide / 2
    at = min(range(len(runs)), key=lambda k: max(0.0, runs[k][0] - middle, middle - runs[k][1]))
    if at == 0:
        return False
    stretches = true_runs(np.asarray(ink[:, runs[at][0] : runs[at][1]].any(axis=1)))
    top, bottom = max(stretches, key=lambda r: r[1] - r[0])
    height = bottom - top
    if height < 5:
        return False
    a, b = runs[at - 1]
    rows = np.flatnonzero(ink[:, a:b].any(axis=1))
    return (
        a > 0  # the whole glyph within reach, not a neighbour's edge cut off
        and b - a <= runs[at][1] - runs[at][0] + 1
        and abs(int(rows[0]) - top) <= cfg.top * height
        and int(rows[-1]) < top + cfg.lone_foot * height
    )
