"""A function-key bar found on the screen, each key's cell read again on its own.

mc and htop end the screen with a bar of numbered keys, each key's name on one ground and its label
on another: mc's "1Help 2Menu ... 10Quit" (digits on a lighter grey than the labels'), htop's
"F1Help F2Setup ... F10Quit" (keys on black, labels on cyan). Read with the rest of the screen, the
bar's small two-tone cells were the worst read row of half A's mc screens: on a file, five of ten
cells came back as nothing and the rest as "scopy", "Bpelete", "ioquit", and no later look filled
them. Read alone, cell by cell, the recogniser read them right.

The bar is found from the pixels where it can be: along a pixel row of the ground above or below
the letters, runs of one colour a key's width (one to three characters) alternate with runs of
another colour that hold a label (three characters or more), six times or more, nothing else wide
between them. A table's column rules are thinner than a character, a label's letters are the
label's own ink (narrow runs between its ground), so neither looks like it. A bar drawn on one
ground (mc's keys in red on the labels' grey) is found from its keys read right instead: three or
more in rising order, on one pitch (:func:`bar_by_keys`). Each cell (its key to the next key) is
read alone where what was read there was missing, unsure or without its key; a reading is taken
only where it starts with the number the bar's order gives that cell (the cells read agree on where
the numbering starts) and is sure enough. In a bar found, a key is cut from its label ("1Help":
"1" "Help"), as :mod:`assistant.ocr.key_bars` cuts "F6SortBy": the same phonemes to a listener,
two words to one who moves word by word.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord, word_rows
from assistant.ocr.ink import colour_codes
from assistant.ocr.key_bars import cut_names
from assistant.ocr.line_reader import ReadLine


class CellReader(Protocol):
    def read(self, crops: list[np.ndarray], groups: list[int] | None = None) -> list[ReadLine]: ...


@dataclass(frozen=True)
class BarCellsConfig:
    least_keys: int = 6  # keys in one chain that make a row a bar
    key_least: float = 0.7  # a key's run, in characters: at least ...
    key_most: float = 3.2  # ... and at most ("F10")
    label_least: float = 3.0  # a label's room between two keys, in characters
    ink: float = 2.0  # runs of another colour narrower than this (characters) are letters, not a break
    rows_least: int = 2  # pixel rows that show the same chain (above and below the letters)
    sure: float = 0.95  # a cell read this sure, key first, is not read again
    least: float = 0.85  # a cell's own reading is taken from this confidence on
    votes: int = 3  # cells whose number agrees on the bar's first number
    pitch_least: float = 6.0  # keys found by their readings: characters from key to key, at least
    off_pitch: float = 0.6  # ... and how far (characters) a key may end from where the pitch puts it


# A cell's reading: its key ("F" and figures, or figures) and the label after it.
_KEYED = re.compile(r"^(F?)(\d{1,2})\s*(\S.*)$")
# A word that is a key, or starts with one glued to its label ("2Menu"; a key alone: "5").
_KEY_WORD = re.compile(r"^(F?)(\d{1,2})(?=[A-Z]|$)")
MOST_KEYS = 10  # mc's and htop's bars end at the tenth key


@dataclass(frozen=True)
class _Bar:
    top: int
    bottom: int  # the pixel rows the bar's grounds were seen on (exclusive)
    cells: tuple[tuple[int, int], ...]  # each key's cell: its run's start to the next key's
    grounds: tuple[int, int]  # the keys' and the labels' colours (:func:`.colour_codes`); -1: found by keys


_Chain = tuple[tuple[tuple[int, int], ...], tuple[int, int]]  # cells (x0, x1), grounds (key, label)


def _chains(row: np.ndarray, char: float, cfg: BarCellsConfig) -> list[_Chain]:
    """The key bars along one pixel row ``row`` (W,) of colours: each its cells and grounds. Most
    rows are turned down by counting alone: a bar's ground rows (above and below its letters) hold
    a key's run of one colour six times and a label's room of another about as often, a row
    through letters or a table seldom both."""
    change = np.flatnonzero(row[1:] != row[:-1]) + 1
    if change.size < 2 * cfg.least_keys - 1:
        return []
    starts = np.concatenate(([0], change))
    ends = np.concatenate((change, [row.size]))
    colours = row[starts]
    widths = ends - starts
    if int((widths >= cfg.label_least * char).sum()) < cfg.least_keys - 1:
        return []
    key_sized = (widths >= cfg.key_least * char) & (widths <= cfg.key_most * char)
    counts = Counter(colours[key_sized].tolist())
    wide = cfg.ink * char
    found = []
    for key in (c for c, n in counts.items() if n >= cfg.least_keys):
        entries: list[list[int]] = []  # [key start, key end, label end]
        label: int | None = None
        for start, end, colour, width, sized in zip(
            starts.tolist(), ends.tolist(), colours.tolist(), widths.tolist(), key_sized.tolist(), strict=True
        ):
            if colour == key and sized and (not entries or entries[-1][2] > entries[-1][1]):
                entries.append([start, end, end])
            elif entries and (colour == key or (label is not None and colour != label and width >= wide)):
                found += _closed(entries, (key, label), char, cfg)  # a key too wide, keys run on, the end
                entries, label = [], None
            elif entries and label is None and width >= wide:
                label = colour  # the first wide run after a key: the labels' ground
                entries[-1][2] = end
            elif entries and colour == label:
                entries[-1][2] = end
        found += _closed(entries, (key, label), char, cfg)
    return found


def _closed(
    entries: list[list[int]], grounds: tuple[int, int | None], char: float, cfg: BarCellsConfig
) -> list[_Chain]:
    """The cells of a chain of [key start, key end, label end], when it is a bar: enough keys, each
    with a label's room."""
    key, label = grounds
    if label is None or len(entries) < cfg.least_keys:
        return []
    if any(e[2] - e[1] < cfg.label_least * char for e in entries):
        return []
    cells = [(e[0], n[0]) for e, n in itertools.pairwise(entries)]
    return [((*cells, (entries[-1][0], entries[-1][2])), (key, label))]


def _likely_rows(band: np.ndarray, char: float, cfg: BarCellsConfig) -> list[int]:
    """The pixel rows of ``band`` (h, W) of colours where a key's width stands between two labels'
    rooms, four times or more (a bar's keys but its first and last), counted for all rows at once:
    most rows of a screen are turned down here, and a row at a time cost more than the rest."""
    h, w = band.shape
    edges = np.ones((h, w + 1), dtype=bool)  # a run starts after each True
    edges[:, 1:-1] = band[:, 1:] != band[:, :-1]
    rows, cols = np.divmod(np.flatnonzero(edges), w + 1)
    widths = np.diff(cols)
    rows = rows[:-1]
    run = np.diff(np.concatenate(([0], rows))) == 0  # (a row's last edge to the next row's first: no run)
    room = run & (widths >= cfg.label_least * char)
    key = run & (widths >= cfg.key_least * char) & (widths <= cfg.key_most * char)
    between = key[1:-1] & room[:-2] & room[2:]  # (the rooms are runs: they lie in the key's row)
    counts = np.bincount(rows[1:-1][between], minlength=h)
    return np.flatnonzero(counts >= cfg.least_keys - 2).tolist()


def find_bar(rgb: np.ndarray, top: int, bottom: int, char: float, cfg: BarCellsConfig) -> _Bar | None:
    """The key bar round the text row ``top``..``bottom`` of ``rgb`` (H, W, 3), if it is one: the
    chain with the most keys that ``cfg.rows_least`` pixel rows or more show, and the rows it shows
    on (the bar's height, its letters between)."""
    reach = max(2, (bottom - top) // 2)
    y0, y1 = max(0, top - reach), min(rgb.shape[0], bottom + reach)
    band = colour_codes(rgb[y0:y1])  # (h, W)
    seen: dict[_Chain, list[int]] = {}
    for dy in _likely_rows(band, char, cfg):
        for chain in _chains(band[dy], char, cfg):
            seen.setdefault(chain, []).append(y0 + dy)
    held = [(len(chain), len(ys), chain, ys) for chain, ys in seen.items() if len(ys) >= cfg.rows_least]
    if not held:
        return None
    _, _, (cells, grounds), ys = max(held)
    return _Bar(min(ys), max(ys) + 1, cells, grounds)


def bar_by_keys(
    words: list[OcrWord], char: float, band: tuple[int, int], width: int, cfg: BarCellsConfig
) -> _Bar | None:
    """A bar drawn on one ground (mc's keys in red on the labels' grey: no grounds to find it by),
    found from its keys read right: three or more ("2Menu", "5" before "Copy"), in rising order,
    whose ends lie on one pitch. Their cells are put where the pitch puts them, from the first key
    whose cell the picture holds to the last (mc's tenth at most); each key's two characters end at
    its place."""
    top, bottom = band
    ends: dict[str, dict[int, float]] = {}
    for k, word in enumerate(words):
        m = _KEY_WORD.match(word.text)
        if m is None or int(m.group(2)) == 0:
            continue
        if m.end() == len(word.text):  # a key alone: its label next to it
            after = words[k + 1] if k + 1 < len(words) else None
            if after is None or not after.text[:1].isupper() or after.box[0] - word.box[2] > char:
                continue
        share = (word.box[2] - word.box[0]) / len(word.text)  # (this word's own characters)
        ends.setdefault(m.group(1), {})[int(m.group(2))] = word.box[0] + share * (m.end())
    if not ends:
        return None
    prefix, keys = max(ends.items(), key=lambda item: len(item[1]))
    numbers = sorted(keys)
    if len(numbers) < cfg.votes or numbers[-1] > MOST_KEYS:
        return None
    if any(keys[a] >= keys[b] for a, b in itertools.pairwise(numbers)):
        return None
    n = np.array(numbers, dtype=float)
    e = np.array([keys[k] for k in numbers])
    pitch, start = np.polyfit(n, e, 1)
    if pitch < cfg.pitch_least * char or np.abs(e - (start + pitch * n)).max() > cfg.off_pitch * char:
        return None
    field = (len(prefix) + 2) * char  # a key's characters before its label ("10", "F1")
    last = max(
        (k for k in range(numbers[-1], MOST_KEYS + 1) if start + pitch * k <= width), default=numbers[-1]
    )
    firsts = [start + pitch * k - field - char / 2 for k in range(1, last + 2)]
    first = next(k for k in range(numbers[0]) if firsts[k] >= 0 or k == numbers[0] - 1)  # (a bar cut off)
    cells = tuple((max(0, round(a)), min(width, round(b))) for a, b in itertools.pairwise(firsts[first:]))
    height = bottom - top
    return _Bar(max(0, top - height // 4), bottom + height // 4, cells, (-1, -1))


def _numbered(texts: Sequence[str | None], cfg: BarCellsConfig) -> list[tuple[str, str] | None]:
    """Each cell's (key, label) where its text names the key the bar's order gives it: the cells'
    numbers agree (``cfg.votes`` of them or more) on the first cell's."""
    parsed = [_KEYED.match(t.strip()) if t else None for t in texts]
    firsts = Counter(
        (m.group(1), int(m.group(2)) - i) for i, m in enumerate(parsed) if m is not None
    ).most_common(1)
    if not firsts or firsts[0][1] < cfg.votes:
        return [None] * len(texts)
    (prefix, first), _ = firsts[0]
    return [
        (m.group(1) + m.group(2), m.group(3).strip())
        if m is not None and m.group(1) == prefix and int(m.group(2)) == first + i
        else None
        for i, m in enumerate(parsed)
    ]


def _inked(rgb: np.ndarray, bar: _Bar, cell: tuple[int, int], char: float) -> np.ndarray:
    """A cell's picture, cut after its last letter (a label's blank ground is the recogniser's
    time for nothing: it reads strips as wide as what they hold)."""
    x0, x1 = cell
    part = rgb[bar.top : bar.bottom, x0:x1]  # (h, w, 3)
    ink = np.flatnonzero((~np.isin(colour_codes(part), bar.grounds)).any(axis=0))  # columns with letters
    end = x1 if ink.size == 0 else min(x1, x0 + int(ink[-1]) + 1 + round(3 * char))
    return rgb[bar.top : bar.bottom, x0:end]


def _cut(keyed: tuple[str, str], box: tuple[int, int, int, int], conf: float) -> list[OcrWord]:
    """The key and its label as two words, boxed by their characters' share of ``box``."""
    key, label = keyed
    return cut_names(OcrWord(key + label, box, conf), [(0, len(key), key)])


def _read_box(read: ReadLine, span: tuple[int, int], bar: _Bar) -> tuple[int, int, int, int]:
    """Where a cell's reading lies: its words' share of the picture read (``span``: (x0, x1) in the
    screen's), the bar's height."""
    x0, x1 = span
    if read.words:
        x0, x1 = x0 + round(read.words[0].start * (x1 - x0)), x0 + round(read.words[-1].end * (x1 - x0))
    return (x0, bar.top, x1, bar.bottom)


def bar_cells(
    image: Image.Image, lines: list[OcrLine], reader: CellReader, cfg: BarCellsConfig | None = None
) -> list[OcrLine]:
    """``lines`` with each key bar's cells read again alone where they were missing or unsure (see
    the module docstring); lines on no bar are kept as they are."""
    cfg = cfg or BarCellsConfig()
    rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    drop: set[tuple[int, int]] = set()
    added: list[OcrLine] = []
    done: list[_Bar] = []
    for row in word_rows(lines):
        words = [w for j, i in row if (w := lines[j].words[i]).text]
        if not words or any(b.top <= (words[0].box[1] + words[0].box[3]) / 2 < b.bottom for b in done):
            continue
        char = statistics.median([(w.box[2] - w.box[0]) / len(w.text) for w in words])
        top = round(statistics.median([w.box[1] for w in words]))
        bottom = round(statistics.median([w.box[3] for w in words]))
        if char < 2 or bottom - top < 4:
            continue
        bar = find_bar(rgb, top, bottom, char, cfg) or bar_by_keys(
            words, char, (top, bottom), rgb.shape[1], cfg
        )
        if bar is None:
            continue
        done.append(bar)
        inside = [
            [
                (j, i)
                for j, line in enumerate(lines)
                for i, w in enumerate(line.words)
                if x0 <= (w.box[0] + w.box[2]) / 2 < x1 and bar.top <= (w.box[1] + w.box[3]) / 2 < bar.bottom
            ]
            for x0, x1 in bar.cells
        ]
        olds = [[lines[j].words[i] for j, i in cell] for cell in inside]
        sure = [
            "".join(w.text for w in old) if old and min(w.confidence for w in old) >= cfg.sure else None
            for old in olds
        ]
        again = [n for n, said in enumerate(sure) if said is None or not _KEYED.match(said)]
        crops = [_inked(rgb, bar, bar.cells[n], char) for n in again]
        reads = dict(zip(again, reader.read(crops), strict=True))
        spans = {
            n: (bar.cells[n][0], bar.cells[n][0] + crop.shape[1])
            for n, crop in zip(again, crops, strict=True)
        }
        texts = [
            r.text if (r := reads.get(n)) is not None and r.confidence >= cfg.least else sure[n]
            for n in range(len(bar.cells))
        ]
        for n, keyed in enumerate(_numbered(texts, cfg)):
            if keyed is None:
                continue
            said = "".join(w.text for w in olds[n])
            if len(olds[n]) == 1 and said == "".join(keyed):  # read so, glued: the key cut ("1Help")
                drop.update(inside[n])
                added.append(OcrLine.of(_cut(keyed, olds[n][0].box, olds[n][0].confidence)))
                continue
            if n not in reads or texts[n] != reads[n].text or said == "".join(keyed).replace(" ", ""):
                continue  # (read sure before, unsure now, or read so before with the key apart)
            drop.update(inside[n])
            added.append(OcrLine.of(_cut(keyed, _read_box(reads[n], spans[n], bar), reads[n].confidence)))
    if not added:
        return lines
    out = []
    for j, line in enumerate(lines):
        kept = [w for i, w in enumerate(line.words) if (j, i) not in drop]
        if kept:
            out.append(line if len(kept) == len(line.words) else OcrLine.of(kept, line.confidence))
    return out + added
