"""A keypad's keys read one by one: each key's label, inside its outline, is one short line.

Tesseract reads a keypad row by row, across the keys' outlines, and is sometimes sure of what it
made of them: xcalc's key "ln" came out as "(an" at 0.87 (its rounded border read as a bracket),
a row "STO 7 8 9 *" as "Qoeaack". The second look (:mod:`assistant.ocr.second_look`) only read
where tesseract's words were unsure, and then a row's unsure words as one line over the outlines.
Here, in a tangle it looks into (a keypad: :mod:`assistant.ocr.outlines`), the outlines of key
size are found; where there are several, each key's label (the ink inside its outline) is read by
the recogniser as one line of its own, and the first engine's words over the keys give way to it:
a word across two keys or more is dropped (nothing sure of one key's label spans an outline), a
word on one key is judged again like an unsure one, and gives way where the key's label is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.masks import dilate, label, regions
from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in, inside
from assistant.ocr.ink import grown
from assistant.ocr.outlines import despeckled, frame_mask


@dataclass(frozen=True)
class KeyConfig:
    step: int = 24  # grey levels: as the second look's strokes
    ink: int = 40  # grey levels from a key's face: its label's ink
    min_keys: int = 4  # fewer outlines of a key's size in a tangle: no keypad (a dial, a pane)
    max_height: int = 80  # pixels: a taller outline is a pane, a dial or a display, not a key
    max_ratio: float = 4.0  # a key is at most this many times as wide as tall (a field is wider)
    min_label: int = 3  # pixels: a label's ink at least this tall or wide (not a speck of bevel)
    # Keypads looked for from the ink: labels no wider or taller than these (pixels, in cells of
    # ink; with a key's sides where they lie near its label), gathered where they lie within
    # ``reach`` cells of each other; the biggest few.
    max_label_width: int = 80
    max_label_height: int = 40
    reach: int = 2
    max_keypads: int = 2
    grow: int = 8  # pixels: an area looked into for keys grown by this much


@dataclass(frozen=True)
class Key:
    face: Box  # the key's outline's box, image pixels
    label: Box  # the ink inside it


def _label(part: np.ndarray, outline: np.ndarray, cfg: KeyConfig) -> Box | None:
    """The box of the ink inside a key's face ``part`` (grey, (h, w)), its ``outline`` (grown)
    left out; None when it holds none."""
    face = ~outline
    if not face.any():
        return None
    ground = float(np.median(part[face]))
    far = np.where(face, np.abs(part.astype(np.int16) - ground), 0)
    # The label is what stands out most: a bevel drawn inside the outline (lighter or darker by
    # half as much as the label's black on Athena's colour keys) is no part of it.
    ink = far > max(cfg.ink, int(far.max()) // 2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0 or max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 < cfg.min_label:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def key_faces(gray: np.ndarray, area: Box, cfg: KeyConfig | None = None) -> list[Key]:
    """The keys in ``area`` of ``gray`` (image pixels): outlines of a key's size with a label
    inside; none when fewer than ``cfg.min_keys`` are found (no keypad)."""
    cfg = cfg or KeyConfig()
    x0, y0, x1, y1 = area
    part = despeckled(gray[y0:y1, x0:x1], cfg.step)
    mask = frame_mask(part)
    labels, count = label(mask)
    if count < cfg.min_keys:
        return []
    _, boxes = regions(labels, count)
    outline = grown(mask, 2)
    keys: list[Key] = []
    for bx0, by0, bx1, by1 in boxes.tolist():
        if by1 - by0 > cfg.max_height or bx1 - bx0 > cfg.max_ratio * (by1 - by0):
            continue
        found = _label(part[by0:by1, bx0:bx1], outline[by0:by1, bx0:bx1], cfg)
        if found is None:
            continue
        lx0, ly0, lx1, ly1 = found
        face = (x0 + bx0, y0 + by0, x0 + bx1, y0 + by1)
        keys.append(Key(face, (face[0] + lx0, face[1] + ly0, face[0] + lx1, face[1] + ly1)))
    # A key's own inner outline (a bevel drawn round its face) is no key of its own.
    keys = [k for k in keys if not any(o is not k and inside(k.face, o.face) for o in keys)]
    return keys if len(keys) >= cfg.min_keys else []


def keypad_keys(gray: np.ndarray, areas: list[Box], cfg: KeyConfig | None = None) -> list[Key]:
    """The keys of every keypad among ``areas`` (where labels lie in rows, and the tangles the
    second look looked into), each area grown by a key's margin (its outline lies round its
    labels); a key found in two areas once."""
    cfg = cfg or KeyConfig()
    h, w, m = gray.shape[0], gray.shape[1], cfg.grow
    keys: list[Key] = []
    for x0, y0, x1, y1 in areas:
        for k in key_faces(gray, (max(0, x0 - m), max(0, y0 - m), min(w, x1 + m), min(h, y1 + m)), cfg):
            if not any(inside(k.label, o.face) for o in keys):
                keys.append(k)
    return keys


def key_places(keys: list[Key], margin: int) -> list[Box]:
    """Each key's label with ``margin`` round it, within its face: a place read as one line."""
    return [
        (
            max(k.face[0], k.label[0] - margin),
            max(k.face[1], k.label[1] - margin),
            min(k.face[2], k.label[2] + margin),
            min(k.face[3], k.label[3] + margin),
        )
        for k in keys
    ]


def _overlaps(box: Box, face: Box) -> bool:
    """``box`` covers a fair part (a quarter) of ``face``'s label row or more of the face."""
    w = min(box[2], face[2]) - max(box[0], face[0])
    h = min(box[3], face[3]) - max(box[1], face[1])
    return w > 0.25 * (face[2] - face[0]) and h > 0.25 * (face[3] - face[1])


def on_keys(box: Box, keys: list[Key]) -> int:
    """How many keys' faces ``box`` lies over (its middle in one, or a fair part of several)."""
    over = sum(_overlaps(box, k.face) for k in keys)
    return max(over, int(any(centre_in(box, k.face) for k in keys)))


def keyed(lines: list[OcrLine], keys: list[Key], sure: float) -> tuple[list[OcrLine], list[Key]]:
    """``lines`` with the first engine's words over keys judged again, and the keys still to read.
    A word across two keys or more is dropped; a sure word inside one key, clear of its outline,
    is that key's label (a Tk or Qt keypad tesseract reads well: not read again); any other word
    on a key is made unsure (just under ``sure``: kept where the key's label reads as nothing,
    replaced where it reads)."""
    if not keys:
        return lines, []
    trusted: set[int] = set()
    out = []
    for line in lines:
        if not line.words:
            out.append(line)
            continue
        words: list[OcrWord] = []
        for w in line.words:
            n = on_keys(w.box, keys)
            if n >= 2:
                continue
            if n == 1:
                k = next(
                    i
                    for i, key in enumerate(keys)
                    if centre_in(w.box, key.face) or _overlaps(w.box, key.face)
                )
                if w.confidence >= sure and inside(w.box, keys[k].face, slack=-2):  # clear of the outline
                    trusted.add(k)
                else:
                    w = OcrWord(w.text, w.box, min(w.confidence, sure - 0.01))
            words.append(w)
        if words:
            out.append(line if words == line.words else OcrLine.of(words))
    return out, [key for i, key in enumerate(keys) if i not in trusted]


def given_way(lines: list[OcrLine], read: list[OcrLine], keys: list[Key]) -> list[OcrLine]:
    """The first engine's ``lines`` without its words on a key whose label the recogniser ``read``
    (the word's middle on the key's face): tesseract's "(an" for "ln", boxed with the outline
    round it, is wider and taller than the label read there and was kept beside it."""
    faces = [k.face for k in keys if any(centre_in(w.box, k.face) for ln in read for w in ln.words)]
    if not faces:
        return lines
    out = []
    for line in lines:
        words = [w for w in line.words if not any(centre_in(w.box, f) for f in faces)]
        if words or not line.words:
            out.append(line if len(words) == len(line.words) else OcrLine.of(words))
    return out


_LOWER_AND_ONES = re.compile(r"(?=.*[a-z])[a-z1]{2,}")
_UPPER_AND_NOUGHTS = re.compile(r"(?=.*0)(?=(?:.*[A-Z]){2})[A-Z0]+")


_GREEK_LOOKALIKES = str.maketrans("νοικτΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", "voiktABEHIKMNOPTXYZ")


def key_text(text: str) -> str:
    """A key's label as read, with the bitmap fonts' look-alikes put right where the label leaves
    no doubt: a "1" among small letters is an "l" (xcalc's "ln" and "shl" read "1n", "sh1"), a "0"
    among capitals an "O" ("ST0"), a Greek letter among Latin ones its Latin twin (HP's "Rv" read
    "Rν"; a lone "π" stays). A label with other digits or marks is left as read ("1/x")."""
    if any("a" <= ch.lower() <= "z" for ch in text):  # Latin letters: a Greek look-alike among them is one
        text = text.translate(_GREEK_LOOKALIKES)
    if _LOWER_AND_ONES.fullmatch(text):
        return text.replace("1", "l")
    if _UPPER_AND_NOUGHTS.fullmatch(text):
        return text.replace("0", "O")
    return text


def keypad_areas(ink: np.ndarray, cell: int, cfg: KeyConfig | None = None) -> list[Box]:
    """Where a keypad may lie, from the cells holding ink (``ink``: (rows, cols) bool, ``cell``
    pixels a side): many short labels (a key's "7", "sin", "STO") in rows, a key's width apart,
    with no longer line among them. Found from the ink alone, since what the first engine read
    can split a keypad into parts no taller than a line (xcalc's HP mode, its keys well apart)."""
    cfg = cfg or KeyConfig()
    labels, count = label(ink)
    if count < cfg.min_keys:
        return []
    _, boxes = regions(labels, count)  # (n, 4) in cells
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    short = (w * cell <= cfg.max_label_width) & (h * cell <= cfg.max_label_height)
    near = np.zeros_like(ink)
    for x0, y0, x1, y1 in boxes[short].tolist():
        near[y0:y1, x0:x1] = True
    near = dilate(near, cfg.reach)
    groups, n = label(near)
    if n == 0:
        return []
    _, spans = regions(groups, n)
    # Which parts of ink lie in which group, in one pass: (part, group) pairs, both from 0.
    pairs = np.unique(np.stack([labels[ink & (groups > 0)], groups[ink & (groups > 0)]], axis=1), axis=0) - 1
    out = []
    for k, (x0, y0, x1, y1) in enumerate(spans.tolist()):
        inside = pairs[pairs[:, 1] == k, 0]
        labelled = boxes[inside[short[inside]]]
        rows = len({int(b[1]) for b in labelled})
        # Mostly short labels (a keypad may have a tall key: HP's upright "ENTER"), in rows.
        if len(labelled) >= 2 * cfg.min_keys and rows >= 2 and len(labelled) >= 0.75 * len(inside):
            out.append((x0 * cell, y0 * cell, x1 * cell, y1 * cell))
    return sorted(out, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))[: cfg.max_keypads]
