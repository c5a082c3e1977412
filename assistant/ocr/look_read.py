"""The second look's reading: the places and lines cut out of the picture, read by PP-OCR's
recogniser within a budget of pixels of line, and the words put back where they lie
(:mod:`assistant.ocr.second_look`)."""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

import numpy as np

from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in, overlap_share
from assistant.ocr.carets import caret_before
from assistant.ocr.ink import line_bands, off_ground
from assistant.ocr.key_labels import key_text
from assistant.ocr.keys import key_margin
from assistant.ocr.line_reader import LAYOUT, LineReader, ReadLine

if TYPE_CHECKING:
    from assistant.ocr.second_look import SecondLookConfig


OPTION = re.compile(r"--?[^\W\d_][,:;]?")  # a command's option, as a man page or a listing shows it
CONTROL = re.compile(r"\^[A-Z]")  # a caret and a capital: a control key, as nano's key bar shows it
KEY_SINGLE = 0.75  # the least score of a lone letter or digit read on a key (xcalc's "e": 0.78)


def line_cost(box: Box) -> int:
    """Pixels of line the recogniser reads for ``box``: its width at the height of 48, and a gap."""
    return round((box[2] - box[0]) * 48 / max(1, box[3] - box[1])) + LAYOUT.gap


def _crop(rgb: np.ndarray, box: Box, pad: int) -> tuple[np.ndarray, Box]:
    """``box`` grown by ``pad`` (within the picture) and its pixels."""
    h, w = rgb.shape[:2]
    x0, y0, x1, y1 = max(0, box[0] - pad), max(0, box[1] - pad), min(w, box[2] + pad), min(h, box[3] + pad)
    return rgb[y0:y1, x0:x1], (x0, y0, x1, y1)


def _accepted(text: str, score: float, cfg: SecondLookConfig, again: bool = False, key: bool = False) -> bool:
    """A reading sure enough to take: a lone letter or digit needs ``cfg.min_score_single`` (icons
    and corners read as "1" or "x"), unless it comes with marks round it where the first engine
    read a word (``again``: a man page's option "-l:" that tesseract read "-1:"), or is shaped as
    an option ("-c", "-l,": an icon is not read with a hyphen before a letter) or a control key
    (nano's "^G", a cell of its key bar in reverse video: nor with a caret); on a keypad's key
    (``key``: ink inside a key's outline is its label) with marks ("x!") as any word, alone
    ``KEY_SINGLE`` (xcalc's "0" and "e" read right at 0.78 to 0.95)."""
    letters, stripped = sum(ch.isalnum() for ch in text), text.strip()
    shaped = bool(OPTION.fullmatch(stripped) or CONTROL.fullmatch(stripped))
    marked = ((again or key) and len(stripped) > 1) or shaped
    single = letters == 1 and not marked
    least = cfg.min_score_single if single else cfg.min_score
    return letters > 0 and score >= (min(least, KEY_SINGLE) if key else least)


def read_places(
    rgb: np.ndarray,
    gray: np.ndarray,
    places: list[Box],
    reader: LineReader,
    cfg: SecondLookConfig,
    lines: list[Box] | None = None,
    budget: tuple[int, list[Box]] | None = None,
    keys: list[Box] | None = None,
    refused: list[OcrWord] | None = None,
    areas: list[list[Box]] | None = None,
) -> tuple[list[OcrLine], list[Box], int]:
    """Each place cut into its lines, and ``lines`` (boxes of one line each) as they are, read in
    one go; the words put where they are, the boxes that were read and the pixels of line read
    (the same ink twice is read once). ``budget``: the pixels of
    line to read, and the keypads whose lines are counted apart, against ``cfg.keypad_budget``
    (None: ``cfg.budget`` for all). ``keys``: the faces of a keypad's keys, whose cuts are read as
    keys' labels (:func:`_placed`). ``refused``: gets the lone figures read off keys
    but not sure enough to take, placed (:mod:`assistant.ocr.vouched` may take them). ``areas``:
    the parts of each window on the picture (a live screen's), whose cuts are read on strips of
    their own (:meth:`LineReader.read`)."""
    h, reach = gray.shape[0], cfg.cell // 2  # more room above and below: ink cells miss a stem's end
    cuts = [
        _inked(gray, (place[0] + cfg.margin, top, place[2] - cfg.margin, bottom), cfg.step)
        for place in places
        for top, bottom in line_bands(
            gray, (place[0], max(0, place[1] - reach), place[2], min(h, place[3] + reach)), cfg.step
        )
    ]
    most, keypads = budget or (cfg.budget, [])
    crops: list[np.ndarray] = []
    # Which crop's reading each box gets, and whether it is an unsure word's line.
    read_as: list[tuple[int, Box, bool]] = []
    seen: dict[bytes, tuple[int, Box]] = {}
    spent, on_keypads = 0, 0
    groups: list[int] = []  # per crop, the area it lies in
    # A key's label gets more room round it (its key's face is bare: keys.bare_keys).
    pads = [key_margin(c) if within(c, keys or []) else 3 for c in cuts]
    for cut, again in [(_crop(rgb, c, p)[1], False) for c, p in zip(cuts, pads, strict=True)] + [
        (b, True) for b in lines or []
    ]:
        crop = rgb[cut[1] : cut[3], cut[0] : cut[2]]
        if crop.shape[0] < 6 or crop.shape[1] < 4:
            continue
        key = ink_key(crop, cfg.step)
        # The same ink read already elsewhere ("-rw-r--r--" thirty times): free. (At the same
        # place, a second cut is read again: on another strip it may read where the first did not.)
        if key is not None and key in seen and overlap_share(cut, seen[key][1]) == 0:
            read_as.append((seen[key][0], cut, again))
            continue
        if within(cut, keypads):
            if on_keypads + line_cost(cut) > cfg.keypad_budget:
                continue
            on_keypads += line_cost(cut)
        elif spent + line_cost(cut) > most:
            continue  # a shorter one further on may still fit
        else:
            spent += line_cost(cut)
        if key is not None and key not in seen:
            seen[key] = (len(crops), cut)
        read_as.append((len(crops), cut, again))
        crops.append(np.ascontiguousarray(crop))
        groups.append(_area_of(cut, areas or []))
    reads = reader.read(crops, groups) if areas else reader.read(crops)
    out: list[OcrLine] = []
    for index, cut, again in read_as:
        read = reads[index]
        if words := _placed(read, cut, cfg, again, within(cut, keys or []), gray, refused):
            out.append(OcrLine.of(words))
    return out, [box for _, box, _ in read_as], spent + on_keypads


def _area_of(box: Box, areas: list[list[Box]]) -> int:
    """Index of the area (a list of parts) holding ``box``'s centre; -1: none."""
    return next((n for n, parts in enumerate(areas) for p in parts if centre_in(box, p)), -1)


def _inked(gray: np.ndarray, cut: Box, step: int) -> Box:
    """``cut`` (one line of a place) narrowed to the columns that hold its ink: a place's lines
    are as wide as its widest, and the recogniser's cost grows with the width it reads (a light
    dialog's three lines of a 360-pixel place, the last of them 100 pixels of text, used up the
    budget before its fourth line was read)."""
    x0, y0, x1, y1 = cut
    if x1 - x0 < 2 or y1 <= y0:
        return cut
    cols = np.flatnonzero((off_ground(gray[y0:y1, x0:x1].astype(np.int16)) > step).any(axis=0))
    if cols.size == 0:
        return cut
    return (x0 + max(0, int(cols[0]) - 1), y0, x0 + min(x1 - x0, int(cols[-1]) + 2), y1)


def _placed(
    read: ReadLine,
    cut: Box,
    cfg: SecondLookConfig,
    again: bool,
    key: bool,
    gray: np.ndarray | None = None,
    refused: list[OcrWord] | None = None,
) -> list[OcrWord]:
    """The words of ``read`` taken (:func:`_accepted`), placed in ``cut`` by where they lie on it,
    kept to their own line's ink in ``gray`` (:func:`_ink_rows`); on a key (``key``), as a key's
    label reads (:func:`assistant.ocr.keys.key_text`), boxed as its cut."""
    x0, y0, x1, y1 = cut
    span = x1 - x0
    out = []
    for w in read.words:
        text = _latin_x(w.text.strip())
        box = (x0 + round(w.start * span), y0, x0 + round(w.end * span), y1)
        if gray is not None and not key:  # (a key's label is placed by its key: keys.py)
            top, bottom = _ink_rows(gray, box, cfg.step)
            box = (box[0], top, box[2], bottom)
            if len(text) == 1 and "A" <= text <= "Z" and caret_before(gray, box):
                text = "^" + text  # nano's "^W" in reverse video, its small caret not read
        taken = _accepted(text, w.confidence, cfg, again, key)
        if not taken and (refused is None or key or len(text) != 1 or not text.isdigit()):
            continue
        word = OcrWord(key_text(text) if key else text, box, w.confidence)
        if taken:
            out.append(word)
        elif refused is not None:
            refused.append(word)
    return out


def _ink_rows(gray: np.ndarray, box: Box, step: int, pad: int = 2) -> tuple[int, int]:
    """The top and bottom of ``box`` kept to the line of ink it holds: a cut is a line's ink with a
    margin, and a place's cut may reach over a row and a half of a terminal, so words boxed as
    their cut were taller than their row ("-rw-r--r--" 22 pixels on rows 13 apart) and broke a
    listing's rows. The run of ink rows with the most strokes (gaps of a pixel bridged: an "i"'s
    dot), with ``pad`` pixels round it short of any other run (a word of small letters boxed to
    them alone, "--norc" 6 pixels by "bash" 9, was taken for a line's foot read again)."""
    x0, y0, x1, y1 = box
    part = gray[y0:y1, x0:x1].astype(np.int16)
    if part.shape[0] < 3 or part.shape[1] < 1:
        return y0, y1
    ink = off_ground(part) > step  # (h, w)
    # Strokes per row: a title bar's edge or a rule above a prompt is ink too, more of it than the
    # prompt's, but one run across; text crosses from ground to ink again and again.
    strokes = np.abs(np.diff(ink.astype(np.int8), axis=1)).sum(axis=1)  # (h,)
    runs: list[list[int]] = []
    for y in np.flatnonzero(ink.any(axis=1)).tolist():
        if runs and y - runs[-1][1] <= 1:
            runs[-1][1] = y + 1
        else:
            runs.append([y, y + 1])
    if not runs:
        return y0, y1
    k = max(range(len(runs)), key=lambda i: int(strokes[runs[i][0] : runs[i][1]].sum()))
    a, b = runs[k]
    top = max(a - pad, runs[k - 1][1] if k > 0 else 0)
    bottom = min(b + pad, runs[k + 1][0] if k + 1 < len(runs) else part.shape[0])
    return y0 + top, y0 + bottom


def _latin_x(text: str) -> str:
    """The recogniser's "×" in a word ("1/×", "y^×", "×or" on calculator keys) is the letter x."""
    return text.replace("×", "x") if len(text) > 1 else text


def within(box: Box, areas: list[Box]) -> bool:
    """``box`` lies mostly (over half of it) in one of ``areas``."""
    return any(overlap_share(box, a) > 0.5 for a in areas)


def ink_key(crop: np.ndarray, step: int) -> bytes | None:
    """The pixels of ``crop`` ((h, w, 3) uint8) cut to its ink (rows and columns that differ from
    the ground at its edge by more than ``step``), hashed with their shape: the same word on a
    terminal's character grid gives the same key wherever its box was cut. None when no ink
    stands out that clearly (faint text: read each time, never taken for another)."""
    ink = off_ground(crop.astype(np.int16).sum(axis=2)) > 3 * step  # (h, w)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    part = crop[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    return hashlib.blake2b(np.asarray(part.shape, dtype=np.int32).tobytes() + part.tobytes()).digest()


_CAPITALS = {"8": "B", "0": "O"}


def spelt(line: OcrLine) -> OcrLine:
    """``line`` (the recogniser's) with a word's first letter that it read as its look-alike digit
    put right: a capital B or O before three lower-case letters or more ("8ackup" for tesseract's
    unsure "Backup", half A multi-xmessage-over-notes); "8bit" and "0day" are rarer on a screen
    than a word that starts with a capital."""
    words = [
        OcrWord(_CAPITALS[w.text[0]] + w.text[1:], w.box, w.confidence)
        if re.fullmatch(r"[80][a-z]{3,}", w.text)
        else w
        for w in line.words
    ]
    if all(a is b for a, b in zip(words, line.words, strict=True)):
        return line
    return OcrLine(" ".join(w.text for w in words), line.box, line.confidence, words)
