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

Keypads are looked for where short labels lie in rows and columns (:func:`keypad_areas`, keys a
key's width apart: flat, round or ridged keys that make no tangle), and each label is read alone
on its key's bare face (:func:`bare_keys`: the outline round a label was read as a letter), with
room round it (:func:`key_margin`); a calculator's display framed above the keys is read as a key.
What the recogniser makes of a label is put right by :mod:`assistant.ocr.key_labels`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.masks import label, regions
from assistant.ocr.boxes import Box, OcrLine, OcrWord, centre_in, inside, overlap_share, union_box
from assistant.ocr.ink import grown
from assistant.ocr.key_labels import key_text
from assistant.ocr.outlines import despeckled, filled_faces, frame_mask


@dataclass(frozen=True)
class KeyConfig:
    step: int = 24  # grey levels: as the second look's strokes
    ink: int = 40  # grey levels from a key's face: its label's ink
    min_keys: int = 4  # fewer outlines of a key's size in a tangle: no keypad (a dial, a pane)
    max_height: int = 80  # pixels: a taller outline is a pane, a dial or a display, not a key
    max_ratio: float = 4.0  # a key is at most this many times as wide as tall (a field is wider)
    max_display_ratio: float = 12.0  # a calculator's display, above its keys, at most this
    # A label's ink at least this tall or wide (not a speck of bevel; the speck inside the ring of a
    # stopwatch display's big "0", 5 pixels, is no key's label), and this share of its face's height.
    min_label: int = 6
    min_label_share: float = 0.15
    # Keypads looked for from the ink: labels no wider or taller than these (pixels, in cells of
    # ink; with a key's sides where they lie near its label), gathered where they lie within
    # ``reach`` cells of each other; the biggest few.
    max_label_width: int = 80
    max_label_height: int = 40
    reach: int = 2
    span: int = 5  # labels of one row or column of keys at most this many label heights apart
    max_labels: int = 1500  # more short parts than this: a page of text, no keypad (and n x n links)
    max_keypads: int = 2
    max_block_height: int = 160  # pixels: a taller part of ink is looked into as a tangle
    max_blocks: int = 1
    grow: int = 8  # pixels: an area looked into for keys grown by this much
    display: int = 64  # pixels: and upwards by this much (a calculator's display)
    edge: int = 3  # pixels: a key's outline and bevel within this of its face's edge
    label_pad: int = 2  # pixels kept round a label's ink when the rest of the key is painted out
    rim: int = 5  # pixels: a key's outline (and a bevel beside it) within this of its face's sides


@dataclass(frozen=True)
class Key:
    face: Box  # the key's outline's box, image pixels
    label: Box  # the ink inside it


def _label(part: np.ndarray, outline: np.ndarray, cfg: KeyConfig) -> Box | None:
    """The box of the ink inside a key's face ``part`` (grey, (h, w)), its ``outline`` (grown)
    left out; None when it holds none of a label's size."""
    face = ~outline
    if not face.any():
        return None
    ground = float(np.median(part[face]))
    far = np.where(face, np.abs(part.astype(np.int16) - ground), 0)
    # The label is what stands out most: a bevel drawn inside the outline (lighter or darker by
    # half as much as the label's black on Athena's colour keys) is no part of it.
    ink = far > max(cfg.ink, int(far.max()) // 2)
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    least = max(cfg.min_label, cfg.min_label_share * part.shape[0])
    if rows.size == 0 or max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1 < least:
        return None
    h, w = part.shape
    if sum(int(edge) for edge in (rows[0] == 0, cols[0] == 0, rows[-1] == h - 1, cols[-1] == w - 1)) >= 2:
        return None  # ink to the face's edges: a big glyph's own ring, not a label within a key
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _rim(outline: np.ndarray, width: int) -> np.ndarray:
    """A key's ``outline`` (grown, (h, w) bool over its face's box) within ``width`` pixels of the
    box's sides: xcalc's "trunc" fills its key, its "c" touching the right side, and was taken
    for a part of the outline (the label read "trun"). A round key's ring (no straight side)
    is outline all round."""
    if not ((outline.mean(axis=0) >= 0.5).any() and (outline.mean(axis=1) >= 0.5).any()):
        return outline
    return outline & _band(outline.shape, (0, 0, outline.shape[1], outline.shape[0]), width)


def _band(shape: tuple[int, ...], face: Box, width: int) -> np.ndarray:
    """(h, w) bool over ``shape``: within ``width`` pixels of ``face``'s sides, or outside it."""
    x0, y0, x1, y1 = face
    band = np.ones(shape, dtype=bool)
    band[y0 + width : y1 - width, x0 + width : x1 - width] = False
    return band


def key_faces(gray: np.ndarray, area: Box, cfg: KeyConfig | None = None) -> list[Key]:
    """The keys in ``area`` of ``gray`` (image pixels): outlines of a key's size with a short label
    inside (a field's longer text is no key's), and a display framed above them (wider, its
    text any length); none when fewer than ``cfg.min_keys`` are found (no keypad)."""
    cfg = cfg or KeyConfig()
    x0, y0, x1, y1 = area
    part = despeckled(gray[y0:y1, x0:x1], cfg.step)
    mask = frame_mask(part)
    labels, count = label(mask)
    _, boxes = regions(labels, count)
    outline = grown(mask, 2)
    # Keys drawn as outlines, and keys drawn as faces of their own colour (no outline stands out).
    faces = [
        ((bx0, by0, bx1, by1), _rim(outline[by0:by1, bx0:bx1], cfg.rim))
        for bx0, by0, bx1, by1 in boxes.tolist()
    ]
    # (A face of its own colour as wide as a display is an LCD: read as the first engine read it.)
    faces += [(b, off) for b, off in filled_faces(part) if b[2] - b[0] <= cfg.max_ratio * (b[3] - b[1])]
    if len(faces) < cfg.min_keys:
        return []
    keys: list[Key] = []
    wide: list[Key] = []  # a display, maybe: kept only above a keypad's keys
    for (bx0, by0, bx1, by1), off_face in faces:
        if by1 - by0 > cfg.max_height or bx1 - bx0 > cfg.max_display_ratio * (by1 - by0):
            continue
        found = _label(part[by0:by1, bx0:bx1], off_face, cfg)
        if found is None:
            continue
        lx0, ly0, lx1, ly1 = found
        face = (x0 + bx0, y0 + by0, x0 + bx1, y0 + by1)
        key = Key(face, (face[0] + lx0, face[1] + ly0, face[0] + lx1, face[1] + ly1))
        if bx1 - bx0 > cfg.max_ratio * (by1 - by0) or lx1 - lx0 > cfg.max_label_width:
            wide.append(key)  # a display ("1,024" in a big font), or a field: kept above keys only
        else:
            keys.append(key)
    # A key's own inner outline (a bevel drawn round its face) is no key of its own.
    keys = [k for k in keys if not any(o is not k and inside(k.face, o.face) for o in keys)]
    if len(keys) < cfg.min_keys:
        return []
    for d in wide:  # over a keypad's keys: many keys below it, within its width
        below = [k for k in keys if k.face[1] >= d.face[3] - 4 and d.face[0] - 4 <= k.face[0] < d.face[2]]
        if len(below) >= 2 * cfg.min_keys and not any(inside(k.face, d.face) for k in keys):
            keys.append(d)
    return keys


def keypad_keys(gray: np.ndarray, areas: list[Box], cfg: KeyConfig | None = None) -> list[Key]:
    """The keys of every keypad among ``areas`` (where labels lie in rows, and the tangles the
    second look looked into), each area grown by a key's margin (its outline lies round its
    labels) and upwards by ``cfg.display`` (a calculator's display, framed above its keys, is read
    as a key: its lone "0" is no icon); a key found in two areas once."""
    cfg = cfg or KeyConfig()
    h, w, m = gray.shape[0], gray.shape[1], cfg.grow
    keys: list[Key] = []
    for x0, y0, x1, y1 in areas:
        grown_area = (max(0, x0 - m), max(0, y0 - max(m, cfg.display)), min(w, x1 + m), min(h, y1 + m))
        for k in key_faces(gray, grown_area, cfg):
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


def bare_keys(
    gray: np.ndarray, keys: list[Key], cfg: KeyConfig | None = None
) -> list[tuple[Box, np.ndarray]]:
    """Each key's face (grown by ``cfg.edge``: a key's cut reaches past its label's margin) in grey
    with all but the labels painted in the face's own ground: its outline, bevel and the gap to the
    next key. The recogniser read the outline round a label as a letter ("Itan", "land", "prur" on
    a dark xcalc; "E/Q" for "CE/C"). Labels of other keys within keep their pixels."""
    cfg = cfg or KeyConfig()
    h, w, e, p = gray.shape[0], gray.shape[1], cfg.edge, cfg.label_pad
    labels = np.array([k.label for k in keys]).reshape(-1, 4)
    out = []
    for k in keys:
        x0, y0, x1, y1 = (
            max(0, k.face[0] - e),
            max(0, k.face[1] - e),
            min(w, k.face[2] + e),
            min(h, k.face[3] + e),
        )
        fx0, fy0, fx1, fy1 = k.face
        inner = gray[fy0 + e : fy1 - e, fx0 + e : fx1 - e]
        if inner.size == 0:
            continue
        part = despeckled(gray[y0:y1, x0:x1], cfg.step)
        keep = np.zeros(part.shape, dtype=bool)
        near = labels[(labels[:, 0] < x1) & (labels[:, 2] > x0) & (labels[:, 1] < y1) & (labels[:, 3] > y0)]
        for lx0, ly0, lx1, ly1 in near.tolist():
            keep[max(0, ly0 - p - y0) : max(0, ly1 + p - y0), max(0, lx0 - p - x0) : max(0, lx1 + p - x0)] = (
                True
            )
        ground = np.uint8(np.median(inner))
        keep &= ~_faint_rim(part, keep, (fx0 - x0, fy0 - y0, fx1 - x0, fy1 - y0), int(ground), cfg)
        out.append(((x0, y0, x1, y1), np.where(keep, part, ground).astype(np.uint8)))
    return out


def _faint_rim(part: np.ndarray, keep: np.ndarray, face: Box, ground: int, cfg: KeyConfig) -> np.ndarray:
    """(h, w) bool: pixels of ``part`` kept round a label that lie in its key's rim (within
    ``cfg.rim`` of the face's sides, or outside it) and stand out from the ground by under half
    as much as the label does: a bevel line drawn inside the key (colour xcalc's, 4 pixels in),
    which beside a label reaching the side was read with it ("trund" for "trunc")."""
    far = np.abs(part.astype(np.int16) - ground)
    most = int(far[keep].max()) if keep.any() else 0
    return _band(part.shape, face, cfg.rim) & keep & (far <= max(cfg.ink, most // 2))


def key_margin(cut: Box) -> int:
    """Pixels of bare face kept round a key's label when it is cut out to be read: half its
    height, at least 3. Cut to its ink with 3 pixels round it, the labels of a big bitmap font
    left the recogniser no room above and below; a whole height lowered its scores ("y^x" 0.99 to
    0.69)."""
    return max(3, (cut[3] - cut[1]) // 2)


def _overlaps(box: Box, face: Box) -> bool:
    """``box`` covers a fair part (a quarter) of ``face``'s label row or more of the face."""
    w = min(box[2], face[2]) - max(box[0], face[0])
    h = min(box[3], face[3]) - max(box[1], face[1])
    return w > 0.25 * (face[2] - face[0]) and h > 0.25 * (face[3] - face[1])


def on_keys(box: Box, keys: list[Key]) -> int:
    """How many keys' faces ``box`` lies over (its middle in one, or a fair part of several)."""
    over = sum(_overlaps(box, k.face) for k in keys)
    return max(over, int(any(centre_in(box, k.face) for k in keys)))


def _plain(text: str) -> bool:
    """A label tesseract may be trusted with: no "?" beside other marks (its "?" stands for a glyph
    it has no letter for: a Tk keypad's "x²" read "x?" at 0.89; a keyboard's own "?" key is "?")."""
    return "?" not in text or text == "?"


def keyed(lines: list[OcrLine], keys: list[Key], sure: float) -> tuple[list[OcrLine], list[Key]]:
    """``lines`` with the first engine's words over keys judged again, and the keys still to read.
    A word across two keys or more is dropped; sure words inside one key, clear of its outline
    (and with no "?" for a glyph tesseract could not name), covering its label, are that key's
    label (a Tk or Qt keypad tesseract reads well: not read again; its look-alikes put right as
    a read label's are, :func:`assistant.ocr.key_labels.key_text`); any other word on a key is
    made unsure (just under ``sure``: kept where the key's label reads as nothing, replaced where
    it reads)."""
    if not keys:
        return lines, []
    trusted: dict[int, list[Box]] = {}  # keys with sure words on them: the words' boxes
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
                if w.confidence >= sure and inside(w.box, keys[k].face, slack=-2) and _plain(w.text):
                    trusted.setdefault(k, []).append(w.box)
                    w = OcrWord(key_text(w.text), w.box, w.confidence)  # tesseract's "in" for "ln" too
                else:
                    w = OcrWord(w.text, w.box, min(w.confidence, sure - 0.01))
            words.append(w)
        if words:
            out.append(line if words == line.words else OcrLine.of(words))
    # Trusted where those words cover the key's label: a display's sure "DEG" leaves its "0".
    whole = {i for i, boxes in trusted.items() if overlap_share(keys[i].label, union_box(boxes)) >= 0.6}
    return out, [key for i, key in enumerate(keys) if i not in whole]


def given_way(lines: list[OcrLine], read: list[OcrLine], keys: list[Key]) -> list[OcrLine]:
    """The first engine's ``lines`` without its words on a key whose label the recogniser ``read``
    where they meet a word read there (the word's middle on the key's face): tesseract's "(an" for
    "ln", boxed with the outline round it, is wider and taller than the label read there and was
    kept beside it. A sure word clear of what was read stays: a display's "DEG" beside its "0"."""
    got = [w.box for ln in read for w in ln.words]
    faces = [(k.face, [b for b in got if centre_in(b, k.face)]) for k in keys]
    faces = [(f, boxes) for f, boxes in faces if boxes]
    if not faces:
        return lines
    out = []
    for line in lines:
        words = [
            w
            for w in line.words
            if not any(
                centre_in(w.box, f) and any(overlap_share(w.box, b) > 0 for b in boxes) for f, boxes in faces
            )
        ]
        if words or not line.words:
            out.append(line if len(words) == len(line.words) else OcrLine.of(words))
    return out


def _linked(boxes: np.ndarray, reach: int, span: int) -> np.ndarray:
    """(n, n) bool: labels (boxes in cells, (n, 4)) that lie within ``reach`` cells of each other,
    or in one row or one column of keys: centres level (or in line) within half a label, at most
    ``span`` label heights apart (keys' labels lie a key's width apart: a Tk keypad's "MC" and
    "MR" 50 pixels, a programmer's "A" and "B" 78, more than a few cells)."""
    x0, y0, x1, y1 = (boxes[:, i][:, None] for i in range(4))  # (n, 1) each
    gap_x = np.maximum(x0, x0.T) - np.minimum(x1, x1.T)  # (n, n): cells between, <= 0 overlapping
    gap_y = np.maximum(y0, y0.T) - np.minimum(y1, y1.T)
    h, w = np.maximum(y1 - y0, (y1 - y0).T), np.maximum(x1 - x0, (x1 - x0).T)
    far = np.minimum(span * h, 16)
    row = (np.abs((y0 + y1) - (y0 + y1).T) <= h) & (gap_x <= far)
    column = (np.abs((x0 + x1) - (x0 + x1).T) <= w) & (gap_y <= far)
    near = (gap_x <= 2 * reach) & (gap_y <= 2 * reach)
    return row | column | near


def _groups(links: np.ndarray) -> np.ndarray:
    """(n,) each label's group: the connected parts of ``links`` ((n, n) bool), by min-label spreading."""
    group = np.arange(links.shape[0])
    while True:
        spread = np.where(links, group[None, :], links.shape[0]).min(axis=1)
        spread = np.minimum(spread, group)
        if np.array_equal(spread, group):
            return group
        group = spread[spread]


def keypad_areas(ink: np.ndarray, cell: int, cfg: KeyConfig | None = None) -> list[Box]:
    """Where a keypad may lie, from the cells holding ink (``ink``: (rows, cols) bool, ``cell``
    pixels a side): many short labels (a key's "7", "sin", "STO") in rows and columns, with no
    longer line among them. Found from the ink alone, since what the first engine read can split a
    keypad into parts no taller than a line (xcalc's HP mode, its keys well apart), and a keypad
    tesseract reads in part is no tangle at all (a Tk keypad of flat keys, a keyboard's letters)."""
    cfg = cfg or KeyConfig()
    labels, count = label(ink)
    if count < cfg.min_keys:
        return []
    _, boxes = regions(labels, count)  # (n, 4) in cells
    blocks = _blocks(boxes, cell, cfg)
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    short = np.flatnonzero((w * cell <= cfg.max_label_width) & (h * cell <= cfg.max_label_height))
    if short.size < 2 * cfg.min_keys or short.size > cfg.max_labels:
        return blocks
    labelled = boxes[short]
    group = _groups(_linked(labelled, cfg.reach, cfg.span))
    out = []
    for g in np.unique(group):
        members = labelled[group == g]
        if len(members) < 2 * cfg.min_keys:
            continue
        x0, y0 = members[:, 0].min(), members[:, 1].min()
        x1, y1 = members[:, 2].max(), members[:, 3].max()
        # Every part of ink within: mostly short labels (a keypad may have a tall key: HP's
        # upright "ENTER"), in two rows or more and two columns or more.
        within_ = (boxes[:, 0] >= x0) & (boxes[:, 1] >= y0) & (boxes[:, 2] <= x1) & (boxes[:, 3] <= y1)
        rows = len({int(b[1] + b[3]) // 2 for b in members})
        columns = len({int(b[0] + b[2]) // 2 for b in members})
        if rows >= 2 and columns >= 2 and len(members) >= 0.75 * int(within_.sum()):
            out.append((int(x0) * cell, int(y0) * cell, int(x1) * cell, int(y1) * cell))
    return sorted(out, key=lambda b: -(b[2] - b[0]) * (b[3] - b[1]))[: cfg.max_keypads] + blocks


def _blocks(boxes: np.ndarray, cell: int, cfg: KeyConfig) -> list[Box]:
    """Parts of ink (``boxes`` in cells, (n, 4)) of a few rows of keys that touch (xcalc's HP keys
    in colour, 440x230: their rims and faces are ink, and the four rows are one part 156 pixels
    tall, too short to be looked into as a tangle, read as one line and lost): taller than a
    label, no taller than ``cfg.max_block_height``, two keys wide at least, wider than tall but
    not four times (a paragraph's lines run together are wider); at most ``cfg.max_blocks`` of
    the biggest (their keys are looked for; :func:`key_faces` finds none in a paragraph)."""
    w, h = (boxes[:, 2] - boxes[:, 0]) * cell, (boxes[:, 3] - boxes[:, 1]) * cell
    pick = (h > cfg.max_label_height) & (h <= cfg.max_block_height) & (h <= w) & (w <= 4 * h)
    pick &= w >= 2 * cfg.max_label_height  # two keys wide at least
    pick = np.flatnonzero(pick)
    pick = pick[np.argsort(-(w * h)[pick])][: cfg.max_blocks]
    return [(int(b[0]) * cell, int(b[1]) * cell, int(b[2]) * cell, int(b[3]) * cell) for b in boxes[pick]]
