"""Zeros drawn with a dot or a slash inside, read as "@".

Programmers' terminal fonts (mononoki, Agave, Hermit, and many more) draw the zero with a dot or a
slash so that it is not taken for an "O"; both engines read such a zero as "@": "353.@ MiB",
"@8:12", "dbe@@d5". An "@" is made a zero only where the word then is a number or a hash: a real
"@" also stands after a figure ("user1@host:~$", "alice42@example.com", "1920x1080@60Hz"), and
those words are neither.
"""

from __future__ import annotations

import re

import numpy as np
from PIL import Image

from assistant.masks import true_runs
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.ink import off_ground

# A run of "@" (or of a slashed or dotted zero's other readings, "€", "¢" and "©") in a word.
_RUN = re.compile(r"[@€¢©]+")
# What a word with its zeros back must be: figures (a size's unit, a share, a date, a time, a
# time zone's "+0000"), or a hash.
_NUMBER = re.compile(r"[-+]?\d[\d.,:/-]*(?:[KMGTPE]i?B?|%)?|[0-9a-f]{7,}")
# Between figures, or after a sign or a separator that follows one.
_JOINS = ".:,-/"


def _is_zero(text: str, start: int, end: int) -> bool:
    """Whether the run of "@" at ``text[start:end]`` is zeros: a figure before it (or a figure's
    point or colon: "353.@", "07:@5"), or a figure after it with no letter before it ("@8:12",
    a name's "@" stands after a letter), or two or more of them inside a word ("dbe@@d5"); and,
    whatever it was read as, first in the word before a figure's colon or point and a figure
    ("@:00.00", "©:00.00": a time; "@.0%")."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    two_back = text[start - 2] if start > 1 else ""
    # (only "@" and "©": a price's "€.99" or "¢.5" keeps its sign)
    if start == 0 and after and after in ".:" and text[end + 1 : end + 2].isdigit():
        return set(text[start:end]) <= {"@", "©"}
    if "@" not in text[start:end]:
        # A slashed zero read "€" or "¢" only inside figures ("2024-€2-22", "+€222"), and straight
        # after a figure only in a date, a time or a time zone: a price's "€20" or "20€" keeps its
        # sign, and "2€50" alone is a price (two euros fifty), said as written.
        dated = text[:1] == "+" or any(c in ":/-" for c in text)
        inside = (
            (before.isdigit() and dated)
            or (before in _JOINS and two_back.isdigit())
            or (before == "+" and start == 1)
        )
        return inside and after.isdigit()
    if before.isdigit() or (before and before in _JOINS and two_back.isdigit()):
        return True
    if after.isdigit() and not before.isalpha():
        return True
    return end - start >= 2 and (before.isalnum() or after.isalnum())


def zeros(text: str) -> str:
    """``text`` (one word) with its runs of "@" that stand for zeros made "0"."""
    if not _RUN.search(text):
        return text
    fixed = _RUN.sub(
        lambda m: "0" * len(m.group()) if _is_zero(text, m.start(), m.end()) else m.group(), text
    )
    return fixed if _NUMBER.fullmatch(fixed) else text


def zeros_read(lines: list[OcrLine], exact: frozenset[OcrWord] = frozenset()) -> list[OcrLine]:
    """``lines`` with their words' dotted zeros read as zeros (words read exactly left as they are)."""
    out = []
    for line in lines:
        words = [
            w if w in exact or (fixed := zeros(w.text)) == w.text else OcrWord(fixed, w.box, w.confidence)
            for w in line.words
        ]
        changed = any(a is not b for a, b in zip(words, line.words, strict=True))
        out.append(OcrLine.of(words) if changed else line)
    return out


# A word of figures (a date, a time, a size, a count) or a hash, in which a figure may be a zero
# read for the look-alike its stroke or dot makes it.
_FIGURES = re.compile(r"[-+]?\d[\d.,:/-]*\d[KMGTPE]?i?B?%?|[0-9a-f]{7,}")
_LOOK_ALIKES = frozenset("6892")  # a slashed or dotted zero read for these


def _struck(glyph: np.ndarray) -> bool:
    """Whether ``glyph`` (2-D bool ink, one character's columns, its inked rows) is a zero with a
    stroke or a dot inside: every row of its middle half has ink at both its sides (a closed
    ring: an "8" is pinched at its waist, a "6" open above its bowl, a "9" below it, a "2"
    slants) and some row crosses ink three times, the two sides and the stroke between them (a
    plain zero crosses twice)."""
    h, w = glyph.shape
    if h < 5 or w < 3:
        return False
    middle = glyph[h // 4 : h - h // 4]  # (rows, w)
    if not (middle[:, :2].any(axis=1).all() and middle[:, -2:].any(axis=1).all()):
        return False
    starts = middle[:, 1:] & ~middle[:, :-1]  # (rows, w - 1): where a run of ink begins after ground
    return bool((starts.sum(axis=1) + middle[:, 0] >= 3).any())


def _doubted(text: str) -> list[int]:
    """The places in ``text`` of look-alikes that may be struck zeros: in its pieces (between
    spaces: a cell read again may hold two) that are figures or a hash."""
    out, at = [], 0
    for piece in text.split(" "):
        if _FIGURES.fullmatch(piece):
            out += [at + k for k, ch in enumerate(piece) if ch in _LOOK_ALIKES]
        at += len(piece) + 1
    return out


def struck_zeros(text: str, part: np.ndarray) -> str:
    """``text``, read from ``part`` (grey, its box and a pixel round it), with its struck zeros
    (Spleen's and Hermit's slash, a dot) read as "8", "6", "9" or "2" made "0" again, in its
    pieces that are figures or a hash (:func:`_struck`). Each character is one patch of ink
    (figures stand apart in a fixed-width font); where the ink does not part into as many patches
    as the text has characters (spaces aside), the text is left as read."""
    doubted = _doubted(text)
    chars = [k for k, ch in enumerate(text) if ch != " "]
    if not doubted or part.shape[0] < 6 or part.shape[1] < 2 * len(chars):
        return text
    off = off_ground(part.astype(np.int16))
    top = float(off.max())
    if top < 12:
        return text
    ink = off > 0.5 * top  # (h, w): faint text on a dark ground too (its strokes are its brightest)
    patches = true_runs(np.asarray(ink.any(axis=0)))
    if len(patches) != len(chars):
        return text
    out = list(text)
    for k, (a, b) in zip(chars, patches, strict=True):
        if k in doubted:
            cols = ink[:, a:b]
            rows = np.flatnonzero(cols.any(axis=1))
            if _struck(cols[rows[0] : rows[-1] + 1]):
                out[k] = "0"
    return "".join(out)


def struck_read(lines: list[OcrLine], picture: Image.Image) -> list[OcrLine]:
    """``lines``, read from ``picture``, with the struck zeros of their words of figures read as
    zeros (:func:`struck_zeros`); only those words' boxes are looked at (each cut out and made
    grey alone: a whole screen made grey costs more than the few dozen words of a listing)."""
    out = []
    for line in lines:
        words = []
        for w in line.words:
            fixed = w.text
            if _doubted(fixed):
                x0, y0, x1, y1 = w.box
                left, top = max(0, x0 - 1), max(0, y0 - 1)
                right, foot = min(picture.width, x1 + 1), min(picture.height, y1 + 1)
                if right > left and foot > top:  # (a box off the picture is left as read)
                    part = picture.crop((left, top, right, foot)).convert("L")
                    fixed = struck_zeros(fixed, np.asarray(part))
            words.append(w if fixed == w.text else OcrWord(fixed, w.box, w.confidence))
        changed = any(a is not b for a, b in zip(words, line.words, strict=True))
        out.append(OcrLine.of(words, line.confidence) if changed else line)
    return out
