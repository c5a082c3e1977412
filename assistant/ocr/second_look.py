"""A second engine where the first left ink unread: tesseract first, PP-OCR's recogniser on the rest.

Tesseract is quick on clean screen text but drops what its page layout takes for pictures: a
calculator's keys, the numbers round a dial, light grey notes, white-on-black status lines
(datasets/screens, half A: of 182 words the assistant missed, tesseract found no word, or an
unsure or wrong one, at the place of 165, and RapidOCR read 172 of them right). RapidOCR reads
those, but on a whole screen it costs four to five times tesseract's time, and its detector alone
more than tesseract. So tesseract reads the screen; then the places where text-like ink is left
without a sure word, and the lines of tesseract's unsure words, are cut out and read by the
recogniser alone (:class:`assistant.ocr.line_reader.LineReader`, short pictures side by side on
strips), and its words replace the unsure ones or fill the gaps.

Text-like ink is found from the pixels (:mod:`assistant.ocr.ink`); a tangle of it too tall for a
line (a keypad, a dial) is looked into without its stipple and the outlines round keys
(:mod:`assistant.ocr.outlines`), one place per key. What is read is cut, budgeted and placed by
:mod:`assistant.ocr.look_read`; the budget is sized by the text tesseract read
(:mod:`assistant.ocr.look_budget`), keys and dials apart.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from PIL import Image

from assistant.masks import dilate, label, regions
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import Box, OcrLine, OcrWord, overlap_share, union_box
from assistant.ocr.carets import carets
from assistant.ocr.cell_grid import Inks
from assistant.ocr.dotted_zeros import zeros_read
from assistant.ocr.faint import faint_read
from assistant.ocr.font_first import font_alone, font_sure
from assistant.ocr.glyph_reading import read_labels
from assistant.ocr.glyph_vote import vote_glyphs
from assistant.ocr.ink import crossed, grown, ink_cells, line_places, masked
from assistant.ocr.key_bars import key_bars
from assistant.ocr.keys import bare_keys, given_way, key_places, keyed, keypad_areas, keypad_keys, on_keys
from assistant.ocr.line_reader import WINDOW_AREAS, LineReader
from assistant.ocr.look_budget import BudgetConfig, LookBudget
from assistant.ocr.look_read import read_places, spelt, within
from assistant.ocr.marks import without_marks
from assistant.ocr.outlines import Tidied, despeckled, frame_mask, lightest, placed, tidied_box, tidy
from assistant.ocr.spaces import split_lines
from assistant.ocr.tesseract import content_span, rule_mask
from assistant.ocr.vouched import vouched

LINE_SHARE = 4  # a line found inside a tangle is at most this share of ``max_height`` tall


@dataclass(frozen=True)
class SecondLookConfig:
    cell: int = 8  # pixels per side of the cells ink is judged on
    step: int = 24  # grey levels: a change this large between neighbouring pixels is a stroke's edge
    # The first engine's words this confident cover their ink; below it, words are read again (on
    # half A, tesseract's words from 0.8 up were right 1339 times in 1348, below it 74 in 121).
    sure: float = 0.8
    # The recogniser's words below these scores are not taken; a lone letter or digit needs more
    # (half A: its single characters below 0.99 were icons and corners 60 times in 75, "1", "x").
    min_score: float = 0.7
    min_score_single: float = 0.97
    floor: float = 0.3  # the first engine's words below this are dropped whatever the second reads
    doubt: float = 0.6  # ... and below this where the second read the place and found nothing
    margin: int = 6  # pixels of the picture kept around each place cut out
    max_height: int = 160  # pixels: a taller place is a picture, a pane or a tangle of keys, not text
    min_density: float = 0.2  # share of a place's cells that hold ink (a lone speck is not text)
    max_places: int = 120  # beyond this, the picture is no screen of text (a photo, a pattern)
    # Tangles (ink too tall for a line: a keypad, a dial) looked into for the labels inside, the
    # first few of at most this many pixels each (a whole pane or a picture is left alone).
    max_tangles: int = 4
    max_tangle_pixels: int = 400_000
    # Places looked at for outlines (buttons, fields): the first so many of at most so many pixels
    # (a photo's many big places would cost seconds).
    max_tidied: int = 40
    max_tidy_pixels: int = 40_000
    # Most the recogniser reads per picture, in pixels of line at its height of 48: places where
    # the first engine read nothing first, then its unsure words, least sure first. Half A: 6400
    # gave recall 0.948 at 1.06x raw tesseract's median time (file path); 3200 gave 0.933 at 1.11x.
    # (read_places' default; SecondLookOcr sizes it per picture by the text the first engine
    # read: assistant.ocr.look_budget.)
    budget: int = 6400
    keypad_budget: int = 9600  # and on top of it, the keys and dials of tangles (xcalc: ~7000)
    font_first: bool = True  # unsure words a core bitmap font reads whole made sure first (font_first.py)


def plausible(word: OcrWord) -> bool:
    """A word's box could hold its letters: no narrower than 0.15 of its height per character
    (tesseract read a calculator's column of keys "7 4 1 0" as "or", 11 x 140 pixels)."""
    x0, y0, x1, y1 = word.box
    return x1 - x0 >= 0.15 * (y1 - y0) * len(word.text)


def _covered(lines: list[OcrLine], shape: tuple[int, int], cfg: SecondLookConfig) -> np.ndarray:
    """Cells under the first engine's sure words (their ink is read)."""
    c = cfg.cell
    covered = np.zeros(shape, dtype=bool)
    for line in lines:
        for word in line.words or [OcrWord(line.text, line.box, line.confidence)]:
            if word.confidence < cfg.sure or not plausible(word):
                continue
            x0, y0, x1, y1 = word.box
            covered[max(0, y0 // c) : -(-y1 // c), max(0, x0 // c) : -(-x1 // c)] = True
    return covered


def _same_row(a: Box, b: Box) -> bool:
    """``b`` beside ``a`` on one line: overlapping by half the lower one's height, a word's gap apart."""
    h = min(a[3] - a[1], b[3] - b[1])
    return min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * h and b[0] - a[2] < 2 * max(a[3] - a[1], b[3] - b[1])


def unsure_words(lines: list[OcrLine], cfg: SecondLookConfig) -> list[Box]:
    """The boxes of the first engine's unsure words of plausible shape, neighbours on a line joined
    (tesseract's "Qoeaack" for a calculator's row "STO 7 8 9 *": read again, as one line); the
    least sure first."""
    runs: list[tuple[float, Box]] = []
    for line in lines:
        run: list[OcrWord] = []
        for word in [*line.words, None]:
            unsure = word is not None and word.confidence < cfg.sure and plausible(word)
            if unsure and run and not _same_row(run[-1].box, word.box):  # type: ignore[union-attr]
                runs.append((min(w.confidence for w in run), union_box([w.box for w in run])))
                run = []
            if unsure:
                run.append(word)  # type: ignore[arg-type]
            elif run:
                runs.append((min(w.confidence for w in run), union_box([w.box for w in run])))
                run = []
    return [box for _, box in sorted(runs, key=lambda r: r[0])]


@dataclass
class InkMap:
    """What the pixels alone say, before any word is read (:func:`ink_map`): computed while the
    first engine reads, on the core its reading leaves idle."""

    rules: np.ndarray  # (h, w) bool: rules and borders around keys and fields, grown by their bevel
    ink: np.ndarray  # (h // cell, w // cell) bool: cells holding a stroke's edge, rules left out
    keypads: list[Box]  # where rows of short labels lie (assistant.ocr.keys.keypad_areas)


def ink_map(gray: np.ndarray, cfg: SecondLookConfig) -> InkMap | None:
    """The picture's rules, ink cells and keypads; None when it is all flat."""
    span = content_span(gray, cfg.cell)
    if span is None:
        return None
    # Judged within the content only (cell-aligned, so that cells keep their place on the grid).
    gx, gy = span[0] // cfg.cell * cfg.cell, span[1] // cfg.cell * cfg.cell
    part = gray[gy : span[3], gx : span[2]]
    rules = np.zeros(gray.shape, dtype=bool)
    # The rules and borders around keys and fields left out, with the light bevel beside them.
    rules[gy : span[3], gx : span[2]] = grown(rule_mask(part), 2)
    c = cfg.cell
    ink = np.zeros((gray.shape[0] // c, gray.shape[1] // c), dtype=bool)
    found = ink_cells(part, c, cfg.step, rules[gy : span[3], gx : span[2]])
    ink[gy // c : gy // c + found.shape[0], gx // c : gx // c + found.shape[1]] = found
    return InkMap(rules, ink, keypad_areas(ink, c))


def unread_places(
    gray: np.ndarray,
    lines: list[OcrLine],
    cfg: SecondLookConfig,
    tidied: list[Tidied] | None = None,
    keypads: list[Box] | None = None,
    found: InkMap | None = None,
) -> list[Box]:
    """Boxes (image pixels) around ink with no sure word on it, biggest first; ``tidied`` gets the
    keypads and dials looked into, without their stipple and outlines (to be read so), and
    ``keypads`` where rows of short labels lie (:func:`assistant.ocr.keys.keypad_areas`).
    ``found``: :func:`ink_map` of ``gray`` if already made."""
    found = found or ink_map(gray, cfg)
    if found is None:
        return []
    if keypads is not None:
        keypads += found.keypads
    covered = _covered(lines, found.ink.shape, cfg)
    places, tangles = _places(found.ink & ~covered, gray, found.rules, cfg)
    for x0, y0, x1, y1 in tangles[: cfg.max_tangles]:
        places += _untangled(gray, (x0, y0, x1, y1), covered, found.rules, cfg, tidied)
    places.sort(key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))
    return places[: cfg.max_places]


def _places(
    left: np.ndarray,
    gray: np.ndarray,
    rules: np.ndarray,
    cfg: SecondLookConfig,
    origin: tuple[int, int] = (0, 0),
    tangle: bool = False,
    split: bool = True,
) -> tuple[list[Box], list[Box]]:
    """The places of text in ``left`` (cells of ink unread; its cell (0, 0) at ``origin``, in
    cells), and the tangles: parts too tall for a line, in cells of the whole picture. ``tangle``:
    ``left`` is inside one (a keypad, a display: see :func:`assistant.ocr.ink.crossed`)."""
    if not left.any():
        return [], []
    # A one-cell gap between ink above and below closed: the stem of a "1" joins its flag and foot.
    left = left.copy()
    left[1:-1] |= left[:-2] & left[2:]
    labels, count = label(left)  # 8-connected parts of the cell grid
    areas, boxes = regions(labels, count)
    c, h, w = cfg.cell, gray.shape[0], gray.shape[1]
    places, tangles, sparse = [], [], []
    for k, (area, (x0, y0, x1, y1)) in enumerate(zip(areas.tolist(), boxes.tolist(), strict=True)):
        x0, x1, y0, y1 = x0 + origin[0], x1 + origin[0], y0 + origin[1], y1 + origin[1]
        if (y1 - y0) * c > cfg.max_height:
            if tangle:  # still too tall inside a tangle: lines one under another (ink.line_places)
                part = labels[y0 - origin[1] : y1 - origin[1], x0 - origin[0] : x1 - origin[0]] == k + 1
                lines = line_places(gray, part, (x0, y0), c, cfg.step, cfg.max_height // LINE_SHARE)
                places += [(max(0, a - cfg.margin), b, min(w, x + cfg.margin), y) for a, b, x, y in lines]
            else:
                tangles.append((x0, y0, x1, y1))
            continue
        if area / ((y1 - y0) * (x1 - x0)) < cfg.min_density or area < 2:
            if split and area >= 6:
                sparse.append(k + 1)
            continue
        m = cfg.margin
        box = (max(0, x0 * c - m), max(0, y0 * c - m), min(w, x1 * c + m), min(h, y1 * c + m))
        reach = (box[0], max(0, box[1] - c // 2), box[2], min(h, box[3] + c // 2))  # a stem's end
        if max(y1 - y0, x1 - x0) <= 4 and crossed(gray, reach, cfg.step, rules, bridge=tangle):
            continue
        places.append(box)
    if sparse:
        # A line with text at its end (a dial's "8" at the tip of a clock's hand): where its cells
        # crowd (three ink neighbours or more, as a letter's do, not a line's), a place of its own.
        line = np.isin(labels, sparse)
        near = sum(np.roll(np.roll(line, dy, 0), dx, 1) for dy in (-1, 0, 1) for dx in (-1, 0, 1)) - line
        crowded = dilate(line & (near >= 3), 1) & line
        places += _places(crowded, gray, rules, cfg, origin, tangle, split=False)[0]
    return places, tangles


def _untangled(
    gray: np.ndarray,
    cells: Box,
    covered: np.ndarray,
    rules: np.ndarray,
    cfg: SecondLookConfig,
    tidied: list[Tidied] | None = None,
) -> list[Box]:
    """The places of text inside a tangle (``cells``: its box on the cell grid): ink again, with
    stipple dots and the outlines round keys and dials left out (:mod:`assistant.ocr.outlines`);
    a keypad's keys become one place each."""
    c = cfg.cell
    x0, y0, x1, y1 = cells
    if (x1 - x0) * (y1 - y0) * c * c > cfg.max_tangle_pixels:
        return []  # a pane or a picture, not a keypad: left as it was
    part = despeckled(gray[y0 * c : y1 * c, x0 * c : x1 * c], cfg.step)
    outlines = grown(frame_mask(part), 3)
    local = rules[y0 * c : y1 * c, x0 * c : x1 * c] | outlines
    ink = ink_cells(part, c, cfg.step, local) & ~covered[y0:y1, x0:x1]
    tidied_part = np.where(outlines, lightest(part, 3), part)
    if tidied is not None:
        tidied.append(((x0 * c, y0 * c, x1 * c, y1 * c), tidied_part))
    clean = gray.copy()  # judged without stipple and outlines (they are no lines run out of a box)
    clean[y0 * c : y1 * c, x0 * c : x1 * c] = tidied_part
    local = rules | placed(local, rules.shape, (x0 * c, y0 * c))
    places, _ = _places(ink, clean, local, cfg, (x0, y0), tangle=True)
    return places


def unsure_places(gray: np.ndarray, lines: list[OcrLine], cfg: SecondLookConfig) -> list[Box]:
    """The unsure words' boxes (:func:`unsure_words`) with ``margin`` around: each is read as one line."""
    h, w, m = gray.shape[0], gray.shape[1], cfg.margin
    return [
        (max(0, x0 - m), max(0, y0 - m // 2), min(w, x1 + m), min(h, y1 + m // 2))
        for x0, y0, x1, y1 in unsure_words(lines, cfg)
    ]


def _by_height(boxes: list[Box], lines: list[OcrLine], cfg: SecondLookConfig) -> tuple[list[Box], list[Box]]:
    """``boxes`` of one line (no taller than twice the first engine's sure words, median) and
    taller ones: an unsure "word" spanning a row of buttons and the field above them, cut into its
    lines like a place (xmessage's "Open folder" and "Ignore" under a text box)."""
    heights = [w.box[3] - w.box[1] for ln in lines for w in ln.words if w.confidence >= cfg.sure]
    if not heights:
        return boxes, []
    most = 2 * float(np.median(heights)) + cfg.margin
    return [b for b in boxes if b[3] - b[1] <= most], [b for b in boxes if b[3] - b[1] > most]


def _inner(place: Box, cfg: SecondLookConfig) -> Box:
    """A place without the margin kept round its ink (a short word's margin is most of its box, and
    an unsure word's line over the same ink covered under half of it: the ink was read twice)."""
    m = cfg.margin
    x0, y0, x1, y1 = place
    return (x0 + m, y0 + m, max(x0 + m + 1, x1 - m), max(y0 + m + 1, y1 - m))


def _within(box: Box, tidied: list[Tidied]) -> bool:
    """``box`` lies (mostly) in a tidied keypad or dial."""
    return within(box, [t[0] for t in tidied])


def _keep(line: OcrLine, keep: list[OcrWord]) -> OcrLine | None:
    """``line`` with only the words ``keep`` (itself when all are kept; None when none is)."""
    if len(keep) == len(line.words):
        return line
    if not keep:
        return None
    return OcrLine(" ".join(w.text for w in keep), union_box([w.box for w in keep]), line.confidence, keep)


def merge(
    first: list[OcrLine], second: list[OcrLine], cfg: SecondLookConfig, looked: list[Box] | None = None
) -> list[OcrLine]:
    """The second engine's words where no sure word of the first lies; the first engine's words
    without those of implausible shape, the unsure ones that a word of the second lies on, and the
    very unsure ones (below ``doubt``) where the second engine ``looked`` and read nothing it was
    sure of (an icon read as "BEES": the garbage is dropped, not spoken)."""
    sure = [w.box for ln in first for w in ln.words if w.confidence >= cfg.sure and plausible(w)]
    new: list[OcrLine] = []
    for line in map(spelt, second):
        fresh = []
        for w in line.words:
            if any(overlap_share(w.box, s) > 0.5 for s in sure + [v.box for ln in new for v in ln.words]):
                continue  # read already: by the first engine, or by this one in another cut
            fresh.append(w)
        if (kept := _keep(line, fresh)) is not None:
            new.append(kept)
    read = [w.box for ln in new for w in ln.words]
    out = []
    for line in first:
        words = [
            w
            for w in line.words
            if plausible(w)
            and w.confidence >= cfg.floor
            and (w.confidence >= cfg.sure or not any(overlap_share(w.box, r) > 0.3 for r in read))
            and (w.confidence >= cfg.doubt or not any(overlap_share(w.box, b) > 0.5 for b in looked or []))
        ]
        if (kept := _keep(line, words)) is not None:
            out.append(kept)
    return out + new


def unexact_checked(
    lines: list[OcrLine], exact: frozenset[OcrWord], check: Callable[[list[OcrLine]], list[OcrLine]]
) -> list[OcrLine]:
    """``lines`` with ``check`` made of those not read ``exact``ly (every word from a font's own
    glyphs: a terminal's hundreds of words, no engine's guesses among them); the exact ones as
    they are, after."""
    if not exact:
        return check(lines)
    read = [bool(ln.words) and all(w in exact for w in ln.words) for ln in lines]
    kept = [ln for ln, sure in zip(lines, read, strict=True) if sure]
    return check([ln for ln, sure in zip(lines, read, strict=True) if not sure]) + kept


class SecondLookOcr(OcrEngine):
    """``first`` reads the picture; ``reader`` reads the ink ``first`` left without a sure word."""

    def __init__(
        self,
        first: OcrEngine,
        reader: LineReader,
        config: SecondLookConfig | None = None,
        budget: LookBudget | None = None,
    ) -> None:
        self.first = first
        self.reader = reader
        self.cfg = config or SecondLookConfig()
        self.budget = budget or LookBudget(BudgetConfig())
        self.name = first.name
        self.last: dict[str, float] = {}  # the last reading's times (ms) and pixels of line read

    def read_sheet(self, sheet: Image.Image) -> OcrResult:
        return self.first.read_sheet(sheet)

    def recognize(self, image: Image.Image) -> OcrResult:
        start = time.perf_counter()
        image.load()  # a lazily opened file is decoded once, not by both threads at once
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="first") as pool:
            first = pool.submit(self.first.recognize, image)
            # The pixels' own share meanwhile (the first engine leaves the GIL while it reads).
            rgb = np.asarray(image.convert("RGB"))
            gray = np.asarray(image.convert("L"))
            inked = ink_map(gray, self.cfg)
            result = first.result()
        first_ms = (time.perf_counter() - start) * 1000
        # Faint text: read again, whole (faint.doubted), paid for on top of the floor (its pixels).
        doubted, faint = faint_read(result.lines, gray, self.cfg.sure)
        # Sized by the text read, not by the time taken.
        allowed = self.budget.pixels(result.lines, faint)
        self.last = {"read_ms": 0.0, "pixels": 0, "allowed": allowed}
        result.lines = doubted
        inks = Inks(gray)  # (the words' ink, measured once for the font's looks and the vote)
        if self.cfg.font_first:  # words in a core font read from its glyphs, not read again
            least = self.cfg.sure
            result.lines = unexact_checked(
                result.lines, result.exact, lambda ls: font_sure(ls, gray, least, inks=inks)
            )
        tidied: list[Tidied] = []
        pads: list[Box] = []
        found = unread_places(gray, result.lines, self.cfg, tidied, pads, inked)
        # A keypad's keys: each label read on its own, the first engine's words over them judged
        # again (assistant.ocr.keys).
        pads += [t[0] for t in tidied]
        keys = keypad_keys(gray, pads)
        result.lines, unread_keys = keyed(result.lines, keys, self.cfg.sure)
        # Labels in a core font (xcalc's) read from its glyphs, exactly, marks and all ("*", "+/-",
        # "=", which the recogniser's reading is not taken for). Their keys are read by the
        # recogniser all the same, and its words there give way: what shares a strip with a
        # picture changes its reading (a calculator's display "0" was read at 1.0 among keys'
        # labels, at 0.91 among the marks left when the labels were not read), so the rest of the
        # screen is read as it was.
        labelled = read_labels(rgb, [(k.face, k.label) for k in unread_keys])
        on_unread = key_places(unread_keys, self.cfg.margin)  # each unread key's label, read as a line
        glyph_keys = [  # boxed as a label the recogniser read is: its place on the key
            OcrLine.of([OcrWord(line.text, place, line.confidence)])
            for line, place in zip(labelled.lines, on_unread, strict=True)
            if line is not None
        ]
        # Ink inside an unsure word's line is read with that line, as a whole; in a keypad, an
        # unsure "word" taller than a line (rows of keys run together) is left to its keys.
        lines, tall = _by_height(unsure_places(gray, result.lines, self.cfg), result.lines, self.cfg)
        lines = [b for b in lines if not on_keys(b, keys)]
        tall = [b for b in tall if not _within(b, tidied)]
        places = tall + [
            p for p in found if not any(overlap_share(_inner(p, self.cfg), ln) > 0.5 for ln in lines + tall)
        ]
        places = [p for p in places if not on_keys(_inner(p, self.cfg), keys)]
        places += on_unread
        if places or lines:
            sure = [
                w.box
                for ln in result.lines
                for w in ln.words
                if w.confidence >= self.cfg.sure and plausible(w)
            ]
            # Buttons and fields: their outlines left out where they are read (tangles: done).
            small = [p for p in places if (p[2] - p[0]) * (p[3] - p[1]) <= self.cfg.max_tidy_pixels]
            boxes = [t for t in (tidied_box(gray, p) for p in small[: self.cfg.max_tidied]) if t is not None]
            boxes += bare_keys(gray, unread_keys)  # each key's label alone on its face (keys.py)
            clean = masked(tidy(rgb, tidied + boxes), sure)
            # Keys and dials are read whatever the time (tesseract cannot read them; unread, a
            # keypad is silent), within a budget of their own: few screens have them, so the
            # median time hardly changes.
            began = time.perf_counter()
            lone: list[OcrWord] = []  # lone figures it was unsure of: tesseract asked (vouched.py)
            words, looked, spent = read_places(
                clean,
                np.asarray(Image.fromarray(clean).convert("L")),
                places,
                self.reader,
                self.cfg,
                lines,
                (allowed, pads),
                [k.face for k in keys],
                lone,
                image.info.get(WINDOW_AREAS),
            )
            both = vouched(self.first, gray, lone)  # taken after, where no word was read
            read_ms = (time.perf_counter() - began) * 1000
            words = split_lines(words, gray, letters=True)  # small text's lost spaces: "fromthe"
            self.last.update(read_ms=read_ms, pixels=spent, allowed=allowed)
            result.lines = merge(given_way(result.lines, words, keys), words, self.cfg, looked)
            # A lone figure both engines read: where neither left a word (its box is the
            # recogniser's cut, which may reach over a neighbour's unsure word, not to be put out).
            read = [w.box for ln in result.lines for w in ln.words]
            for line in both:
                if not any(overlap_share(line.box, r) > 0 for r in read):
                    result.lines.append(line)
                    read.append(line.box)
        if glyph_keys:  # both engines' words on those keys give way
            result.lines = given_way(result.lines, glyph_keys, keys) + glyph_keys
            result.exact = result.exact | {w for line in glyph_keys for w in line.words}
        result.lines = split_lines(result.lines, gray)  # "2ABC" on a dial pad's key: "2 ABC"
        result.lines = carets(result.lines, gray)  # nano's "^O" read "^0" by the recogniser
        result.lines = key_bars(result.lines)  # htop's "F4" read "Fd": the bar's numbering says
        result.lines = zeros_read(result.lines, result.exact)  # a dotted zero read "@": "353.@ MiB"
        # A fixed-width font's look-alikes: "sda1", not "sdal".
        result.lines = unexact_checked(
            result.lines, result.exact, lambda ls: vote_glyphs(ls, gray, inks=inks)
        )
        # A core font's words on no grid (a button's label in its oval): read from its glyphs.
        result.lines = unexact_checked(result.lines, result.exact, lambda ls: font_alone(ls, gray, inks=inks))
        result.lines = without_marks(result.lines, rgb)  # icons, filler columns, box corners read as words
        result.elapsed_ms = (time.perf_counter() - start) * 1000
        self.last.update(first_ms=first_ms, total_ms=result.elapsed_ms)
        return result
