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
from assistant.ocr.gaps import GAP, MIN_CONFIDENCE, PAD, ZOOM, _ink_runs, fill_gaps, read_snippets
from assistant.ocr.layout import on_title_bar
from assistant.ocr.panels import Panel

SURE = 0.9  # a title word read with less confidence than this is in doubt


def _title_box(gray: np.ndarray, bar: Box) -> Box | None:
    """A title bar's title: the bar inside its border cut to its ink, without the icon at its left
    end and the buttons at its right (ink apart from the rest by a bar's height, near the ends;
    read with the title they came back as "xX" and "-oxX"). None: nothing written on it."""
    x0, y0, x1, y1 = bar[0] + 2, bar[1] + 2, bar[2] - 2, bar[3] - 1
    high = bar[3] - bar[1]
    crop = gray[y0:y1, x0:x1].astype(np.int16)
    runs = _ink_runs(crop, high) if crop.size else []
    if len(runs) > 1 and runs[0][0] < high and runs[0][1] - runs[0][0] <= 1.5 * high:
        runs = runs[1:]  # the icon
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


def title_places(gray: np.ndarray, lines: Sequence[OcrLine], bars: Sequence[Box]) -> list[tuple[Box, Box]]:
    """Each doubtful bar of ``bars`` with its title's box (bars with nothing written left out)."""
    return [(bar, t) for bar in bars if _doubtful(lines, bar) and (t := _title_box(gray, bar)) is not None]


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
    """:func:`~assistant.ocr.gaps.fill_gaps`, then the titles on the title bars of the panes
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
        return reread_titles(image, full, engine, bars), panels  # rare: a gap's word on a bar
    return put_titles(full, places, again), panels
