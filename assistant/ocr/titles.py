"""A window's title read again, from its title bar alone, where the first reading is in doubt.

The title says which window this is, so it is worth one more engine call when the page-wide reading
of a bar was unsure or empty: a white title on a blue or dark bar, with a gradient and a shadow
under the letters, came back as "Save Shanges", "Batr" or nothing at all. Each doubtful bar
(:mod:`assistant.ocr.frames` finds them) is cut to its ink, enlarged and made black on white, and
the bars are read together on one sheet (their own sheet: read among a table's snippets, "Field
Notes" came back as "FieldNotes"). The second reading replaces the first unless it found clearly
fewer letters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PIL import Image

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in
from assistant.ocr.gap_reading import GAP, MIN_CONFIDENCE, ZOOM, fill_gaps, read_snippets
from assistant.ocr.gaps import PAD, _column_runs
from assistant.ocr.layout import on_title_bar
from assistant.ocr.panels import Panel
from assistant.ocr.title_spaces import spaced_titles

SURE = 0.9  # a title word read with less confidence than this is in doubt
INK = 60  # grey levels off a bar's ground (:func:`_bar_ink`): a letter's ink
GROUND = 20  # ... and this close to a row's fitted ground: that row's ground
SLACK = 2  # pixels an engine's word box may miss of its own letters at either side
UNREAD = 0.4  # unread ink this share of the title's height or taller is a letter (not a speck)


def _bar_ink(crop: np.ndarray) -> np.ndarray:
    """Where ``crop`` ``(h, w)`` (a title bar, grey) holds ink: far from its row's ground, a straight
    line along the row fitted to the pixels near it. A bar shaded from one end to the other
    (Artwiz-boxed: from grey 24 to 58 along its top row, a highlight from 113 to 180 along its
    bottom) is all ground so; against the bar's median grey its light end was ink, and a title box
    ran on over it to the buttons."""
    crop = crop.astype(np.float32)
    xs = np.arange(crop.shape[1], dtype=np.float32)
    near = np.abs(crop - np.median(crop, axis=1, keepdims=True)) <= 2 * GROUND  # (h, w)
    ground = crop
    for _ in range(3):
        weight = near.astype(np.float32)
        total = weight.sum(axis=1, keepdims=True) + 1e-6
        mid = (weight * xs).sum(axis=1, keepdims=True) / total  # (h, 1)
        mean = (weight * crop).sum(axis=1, keepdims=True) / total
        dx = xs - mid  # (h, w)
        slope = (weight * dx * (crop - mean)).sum(axis=1, keepdims=True) / (
            (weight * dx**2).sum(axis=1, keepdims=True) + 1e-6
        )
        ground = mean + slope * dx
        near = np.abs(crop - ground) <= GROUND
    return np.asarray(np.abs(crop - ground) > INK)


def _inside(bar: Box) -> Box:
    """The bar inside its border."""
    return bar[0] + 2, bar[1] + 2, bar[2] - 2, bar[3] - 1


def _title_box(ink: np.ndarray, bar: Box) -> Box | None:
    """A title bar's title: the bar inside its border (``ink``: its :func:`_bar_ink`) cut to its ink,
    without the icon at its left end and the buttons at its right (ink apart from the rest by a
    bar's height, near the ends; read with the title they came back as "xX" and "-oxX"). None:
    nothing written on it."""
    x0, y0, x1, y1 = _inside(bar)
    high = bar[3] - bar[1]
    runs = _column_runs(ink, high)
    if len(runs) > 1 and runs[0][0] < high and runs[0][1] - runs[0][0] <= 3 * high:
        runs = runs[1:]  # the icon (and a handle of another shade beside it: Artwiz-boxed's grey)
    if len(runs) > 1 and (x1 - x0) - runs[-1][1] < high and runs[-1][1] - runs[-1][0] <= 5 * high:
        runs = runs[:-1]  # the buttons
    return (x0 + runs[0][0], y0, x0 + runs[-1][1], y1) if runs else None


def _on_sheet(word: OcrWord, top: int, box: Box) -> Box:
    """A word's box on the sheet back in the picture (its snippet put at (GAP, top), enlarged)."""
    sx0, sy0, sx1, sy1 = word.box

    def x(v: int) -> int:
        return box[0] - PAD + (v - GAP) // ZOOM

    def y(v: int) -> int:
        return box[1] - PAD + (v - top) // ZOOM

    return (x(sx0), y(sy0), x(sx1), y(sy1))


def _words(lines: Sequence[OcrLine]) -> list[OcrWord]:
    return [w for ln in lines for w in (ln.words or [OcrWord(ln.text, ln.box, ln.confidence)])]


def _letters(lines: Sequence[OcrLine]) -> int:
    """Letters and digits in the sure words of ``lines``."""
    return sum(ch.isalnum() for w in _words(lines) if w.confidence >= MIN_CONFIDENCE for ch in w.text)


def _on_bar(box: Box, bar: Box) -> bool:
    """Whether a line read on the bar's row reaches into the bar (an engine may run a neighbouring
    window's "9120" and the title together into one line), on it as the layout says
    (:func:`~assistant.ocr.layout.on_title_bar`: not a window's first row boxed a little high)."""
    return on_title_bar(box, bar) and min(box[2], bar[2]) > max(box[0], bar[0])


def _doubtful(lines: Sequence[OcrLine], bar: Box) -> bool:
    """Whether what was read on ``bar`` has no word of three letters or more, or an unsure one."""
    words = [
        w
        for w in _words([ln for ln in lines if centre_in(ln.box, bar)])
        if sum(map(str.isalnum, w.text)) >= 3
    ]
    return not words or any(w.confidence < SURE for w in words)


def _unread(ink: np.ndarray, lines: Sequence[OcrLine], bar: Box, title: Box) -> bool:
    """Whether the title's ink holds a letter no word read on ``bar`` covers: a letter dropped
    between two sure words ("Garden ournal" at 0.97 and 1.0 on a shaded Artwiz-boxed bar, the
    "J" left out between the two boxes), or a word before or after them ("plants - xterm" read
    "xterm"). Ink beginning within a bar's height of its left end is the window's icon, not text
    (a title begins after it). ``ink``: the bar's inside's :func:`_bar_ink` (judged on the whole bar)."""
    words = _words([ln for ln in lines if centre_in(ln.box, bar)])
    x0 = _inside(bar)[0]
    ink = ink[:, title[0] - x0 : title[2] - x0]  # (h, w)
    rows = np.flatnonzero(ink.any(axis=1))
    if not words or rows.size == 0:
        return False
    icon = bar[0] + (bar[3] - bar[1]) - title[0]  # the title box's columns before this: the icon's
    high = rows[-1] + 1 - rows[0]
    covered = np.zeros(ink.shape[1], dtype=bool)
    for w in words:
        covered[max(0, w.box[0] - title[0] - SLACK) : max(0, w.box[2] - title[0] + SLACK)] = True
    left = ink & ~covered  # (h, w)
    for a, b in _column_runs(left, 1):
        inked = np.flatnonzero(left[:, a:b].any(axis=1))
        if b - a >= 2 and inked[-1] + 1 - inked[0] >= UNREAD * high and a >= icon:
            return True
    return False


def title_places(gray: np.ndarray, lines: Sequence[OcrLine], bars: Sequence[Box]) -> list[tuple[Box, Box]]:
    """Each doubtful bar of ``bars`` with its title's box (bars with nothing written left out): a
    bar whose words are unsure or too few (:func:`_doubtful`), or whose title holds a letter none
    of them covers (:func:`_unread`)."""
    places = []
    for bar in bars:
        x0, y0, x1, y1 = _inside(bar)
        crop = gray[y0:y1, x0:x1]
        if crop.size == 0:
            continue  # nothing written on it
        ink = _bar_ink(crop)  # (h, w): once, for the title's box and its unread letters
        title = _title_box(ink, bar)
        if title is not None and (_doubtful(lines, bar) or _unread(ink, lines, bar, title)):
            places.append((bar, title))
    return places


def read_titles(
    engine: OcrEngine, gray: np.ndarray, places: Sequence[tuple[Box, Box]]
) -> dict[int, list[OcrLine]]:
    """The sure words read again on each of ``places`` (by index), in the picture's coordinates."""
    again: dict[int, list[OcrLine]] = {}
    for i, line, top in read_snippets(engine, gray, [t for _, t in places], binary=True):
        for w in line.words:  # its sure words: the bar's buttons read as "=|{5)|x/" are not
            if w.confidence >= MIN_CONFIDENCE:
                word = OcrWord(w.text, _on_sheet(w, top, places[i][1]), w.confidence)
                again.setdefault(i, []).append(OcrLine(word.text, word.box, word.confidence, [word]))
    return again


def put_titles(
    lines: list[OcrLine], places: Sequence[tuple[Box, Box]], again: dict[int, list[OcrLine]]
) -> list[OcrLine]:
    """``lines`` with each bar's first reading replaced by the second, unless that found clearly
    fewer letters."""
    out = list(lines)
    for i, new in again.items():
        bar = places[i][0]
        old = [ln for ln in out if _on_bar(ln.box, bar)]
        if _letters(new) >= 0.8 * _letters(old):
            out = [ln for ln in out if not any(ln is o for o in old)] + new
    return out


def reread_titles(
    image: Image.Image, lines: list[OcrLine], engine: OcrEngine, bars: Sequence[Box]
) -> list[OcrLine]:
    """``lines`` with the titles on the doubtful ``bars`` read again (unchanged when none is)."""
    gray = np.asarray(image.convert("L"))
    places = title_places(gray, lines, bars)
    if not places:
        return lines
    return put_titles(lines, places, read_titles(engine, gray, places))


def gaps_and_titles(
    image: Image.Image,
    lines: list[OcrLine],
    engine: OcrEngine,
    panes: Callable[[Image.Image], list[Panel]] | list[Panel],
) -> tuple[list[OcrLine], list[Panel]]:
    """:func:`~assistant.ocr.gap_reading.fill_gaps`, then the titles on the title bars of the panes
    ``panes`` finds (or the panes already found) read again (:func:`reread_titles`): ``lines``
    after both, and the panes.

    The two second looks are each one engine call, mostly a process's start and its model's load
    (about 100 ms each on a 2-core machine), so they run at once: the gaps in a worker thread, the
    panes and the titles here. The titles in doubt are chosen from the first reading; a word the
    gaps found on a title bar (which could change that choice) has the titles read again after it,
    one after the other as before, so the words read are the same either way.
    """
    gray = np.asarray(image.convert("L"))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gaps") as pool:
        filled = pool.submit(fill_gaps, image, lines, engine, panes if isinstance(panes, list) else None)
        panels = panes if isinstance(panes, list) else panes(image)
        bars = [p.bar for p in panels if p.bar is not None]
        places = title_places(gray, lines, bars)
        again = read_titles(engine, gray, places) if places else {}
        full = filled.result()
    found = full[len(lines) :]
    if any(centre_in(ln.box, bar) or _on_bar(ln.box, bar) for ln in found for bar in bars):
        full = reread_titles(image, full, engine, bars)  # rare: a gap's word on a bar
    else:
        full = put_titles(full, places, again)
    inside = [_inside(bar) for bar in bars]  # the titles' spaces read over (title_spaces.py)
    return spaced_titles(gray, full, inside, _bar_ink), panels
