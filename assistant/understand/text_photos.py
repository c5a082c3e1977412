"""Photographed text said as what it is, then read: a receipt, a price list, a page, a sign (issue #16).

A camera picture of a receipt used to be said as "Screen. CORNER CAFE Cappuccino 3.20. 12 High St.
Croissant." (the screen reader's OCR, rows torn apart) and a book page as "I can't tell what this
picture shows ... With the text 'CHAPTER I Down the Rabbit-Hole ...'" (a photo's twelve quoted words).
Here the picture's text lines say what it is:

- a *receipt*: three or more rows that end in a price at the right, and a word like TOTAL or CASH;
  without such a word, a *price list* (a menu board). Each row is kept whole: "Cappuccino 3.20.";
  names and prices are paired across the tilt of a hand-held photo (the slope the rows share);
- a *page*: forty words or more, most in long lines of prose; read as paragraphs;
- a *sign* (or a label: said alike): a few words, large in the picture, standing together (not a
  meme's captions at its top and bottom). Said first only when the
  photo's caption could not tell what it shows ("A sign: Main Street.", not "I can't tell what this
  picture shows. ... With the text 'Main Street'."); after a caption, as the photo's text.

:func:`photographed` tells a camera picture from a drawn one: sensor noise and JPEG blocks leave few
neighbouring pixels exactly equal (a screenshot, a chart or a diagram: over 90 %).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from PIL import Image

from assistant.ocr.boxes import OcrLine, line_middle, union_box
from assistant.understand.reading import join_lines

PRICE = re.compile(r"^[£$€]?-?\d{1,5}[.,]\d{2}$")
RECEIPT_WORDS = frozenset(
    {"total", "subtotal", "cash", "card", "change", "vat", "tax", "visa", "due", "balance"}
)


@dataclass(frozen=True)
class TextPhotoConfig:
    side: int = 480  # the equality of neighbours is measured at most this large
    photographed: float = 0.45  # fewer neighbouring pixels exactly equal: a camera picture
    min_price_rows: int = 3  # a receipt or a price list has this many rows ending in a price
    page_words: int = 25  # a page holds this many words or more...
    prose_share: float = 0.6  # ...this share of them in lines of 5 words or more
    sign_words: int = 14  # a sign or label holds at most this many words...
    sign_height: float = 0.08  # ...and its largest line is this share of the picture's height or more
    # ...and its lines stand together: no gap between them of more than this many tallest lines (a
    # meme's top and bottom captions: 5-6; wild half A's signs and badges: at most 0.1)
    sign_gap: float = 1.5


@dataclass
class TextPhoto:
    kind: str  # receipt, price list, page of text, sign
    pieces: list[str]  # the text, row by row (a receipt) or paragraph by paragraph (a page)

    @property
    def lead(self) -> str:
        """What it is and its first piece: "A receipt: CORNER CAFE."."""
        article = "An" if self.kind[0] in "aeiou" else "A"
        first = self.pieces[0].rstrip(".") if self.pieces else ""
        return f"{article} {self.kind}: {first}." if first else f"{article} {self.kind}."


def photographed(rgb: Image.Image, cfg: TextPhotoConfig | None = None) -> bool:
    """A camera picture (noise, JPEG), not a drawn one (a screenshot, a chart, a diagram)."""
    cfg = cfg or TextPhotoConfig()
    image = rgb.convert("RGB")
    image.thumbnail((cfg.side, cfg.side), Image.Resampling.NEAREST)  # nearest: no smoothing added
    a = np.asarray(image, dtype=np.int16)  # (H, W, 3)
    if a.shape[1] < 2:
        return False
    equal = (np.abs(np.diff(a, axis=1)).max(axis=2) == 0).mean()
    return bool(equal < cfg.photographed)


def fragments(lines: Sequence[OcrLine]) -> list[OcrLine]:
    """The lines cut where their words stand far apart: the reading layout joins a receipt's item and
    its price into one row, and on a tilted photo it may join an item with the price of the next."""
    out = []
    for line in lines:
        words = sorted(line.words, key=lambda w: w.box[0])
        if len(words) < 2:
            out.append(line)
            continue
        pieces = [[words[0]]]
        for word in words[1:]:
            last = pieces[-1][-1]
            height = max(1, min(last.box[3] - last.box[1], word.box[3] - word.box[1]))
            if word.box[0] - last.box[2] > 1.5 * height:
                pieces.append([])
            pieces[-1].append(word)
        for piece in pieces:
            text = " ".join(w.text for w in piece).strip().strip(",")
            out.append(OcrLine(text, union_box([w.box for w in piece]), line.confidence, piece))
    return out


def _slope(names: Sequence[OcrLine], prices: Sequence[OcrLine]) -> float:
    """The rows' shared tilt (dy per dx): the slope, within +-0.25, that puts each price nearest the
    middle of a line on its left. A price half a row from two lines is ambiguous alone; the slope
    that suits all of them together is not."""
    if not names or not prices:
        return 0.0
    slopes = np.linspace(-0.25, 0.25, 51)  # (S,)
    name_x = np.array([(n.box[0] + n.box[2]) / 2 for n in names])  # (N,)
    name_y = np.array([line_middle(n) for n in names])
    height = np.array([max(1, n.height) for n in names])
    price_x = np.array([(p.box[0] + p.box[2]) / 2 for p in prices])  # (P,)
    price_y = np.array([line_middle(p) for p in prices])
    left = np.array([[n.box[2] < p.box[0] + 2 for n in names] for p in prices])  # (P, N)
    level = price_y[None, :, None] - slopes[:, None, None] * (price_x[None, :, None] - name_x[None, None, :])
    misses = np.abs(level - name_y[None, None, :]) / height[None, None, :]  # (S, P, N)
    misses = np.where(left[None], np.minimum(misses, 1.0), 1.0).min(axis=2).sum(axis=1)  # (S,)
    best = np.round(misses, 2)
    return float(min(zip(best, np.abs(slopes), slopes, strict=True))[2])


def rows(lines: Sequence[OcrLine]) -> list[str]:
    """The lines as rows, top to bottom: each line with the price lines on its right that sit on its
    row once the photo's tilt is taken out ("Cappuccino" + "3.20" -> "Cappuccino 3.20")."""
    prices = [ln for ln in lines if PRICE.match(ln.text.strip())]
    others = [ln for ln in lines if ln not in prices]
    slope = _slope(others, prices)
    used: set[int] = set()
    out: list[tuple[float, str]] = []
    for line in others:
        text = line.text.strip()
        cx = (line.box[0] + line.box[2]) / 2
        for i, price in enumerate(prices):
            px = (price.box[0] + price.box[2]) / 2
            level = line_middle(price) - slope * (px - cx)  # the price's height moved onto this line
            beside = price.box[0] > line.box[2] - 2 and abs(level - line_middle(line)) < 0.6 * line.height
            if i not in used and beside:
                text, used = f"{text} {price.text.strip()}", used | {i}
        out.append((line_middle(line), text))
    out += [(line_middle(p), p.text.strip()) for i, p in enumerate(prices) if i not in used]
    return [text for _, text in sorted(out, key=lambda r: r[0]) if text]


def _paragraphs(lines: Sequence[OcrLine]) -> list[str]:
    """A page's lines as headings and paragraphs: a short line above the prose stands alone; a gap
    of more than half a line's height ends a paragraph."""
    ordered = sorted(lines, key=line_middle)
    height = statistics.median(ln.height for ln in ordered)
    pieces: list[list[str]] = []
    last: OcrLine | None = None
    for line in ordered:
        short = len(line.text.split()) <= 4 and line.width < 0.6 * max(ln.width for ln in ordered)
        gap = line.box[1] - last.box[3] if last is not None else 0
        after_heading = bool(pieces) and len(pieces[-1]) == 1 and len(pieces[-1][0].split()) <= 4
        prose_before = bool(pieces) and len(" ".join(pieces[-1]).split()) > 6
        starts = gap > 0.5 * height or line.height > 1.3 * height or (short and not prose_before)
        if last is None or starts or after_heading:
            pieces.append([])
        pieces[-1].append(line.text.strip())
        last = line
    return [join_lines(p) for p in pieces if p]


def text_photo(
    lines: Sequence[OcrLine], size: tuple[int, int], cfg: TextPhotoConfig | None = None
) -> TextPhoto | None:
    """What the photographed text is, and its pieces; None when it is none of the kinds above."""
    cfg = cfg or TextPhotoConfig()
    whole = [ln for ln in lines if ln.text.strip()]
    lines = [ln for ln in fragments(whole) if ln.text.strip()]
    if not lines:
        return None
    words = [w.lower().strip(".:!,") for ln in lines for w in ln.text.split()]
    by_row = rows(lines)
    priced = sum(1 for r in by_row if len(r.split()) >= 2 and PRICE.match(r.split()[-1]))
    if priced >= cfg.min_price_rows:
        kind = "receipt" if RECEIPT_WORDS & set(words) else "price list"
        return TextPhoto(kind, by_row)
    prose = sum(len(ln.text.split()) for ln in lines if len(ln.text.split()) >= 5)
    if len(words) >= cfg.page_words and prose >= cfg.prose_share * len(words):
        return TextPhoto("page of text", _paragraphs(lines))
    tallest = max(ln.height for ln in lines)
    stacked = sorted(whole, key=lambda ln: ln.box[1])
    gap = max((b.box[1] - a.box[3] for a, b in pairwise(stacked)), default=0)
    if (
        len(words) <= cfg.sign_words
        and tallest >= cfg.sign_height * size[1]
        and gap <= cfg.sign_gap * tallest
    ):
        # The engine's own lines: a sign's word boxes may split a word ("CAUTION W ET FLOOR")
        return TextPhoto("sign", [" ".join(rows(whole))])
    return None
