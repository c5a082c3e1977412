"""Why a reader missed the words it missed: the diagnosis behind ``screen_reading.py --diagnose``.

Each truth word the output lacks is put down to a stage, from what the engines themselves
returned at the word's place on the screen (its box, from the program that drew it; a title's
place is its window's title bar; a word of a program that cannot say where it draws is looked
for in its whole window):

- ``undetected``: tesseract (as the assistant runs it, but keeping every word whatever its
  confidence) returned nothing there;
- ``misread``: it returned something else there (what it read is listed);
- ``unsure``: it read the word right, but so unsure that a filter drops it (the engine's
  ``min_confidence``, or :data:`assistant.ocr.layout.UNSURE` for short words);
- ``lost``: it read the word right and surely, and yet the output lacks it (layout, composition);

and for each, whether raw RapidOCR read the word at that place (``rapid``): where it did, a
second engine could get it back.

A word that occurs k times in the truth and k - m times in the output is missed m times: the m
occurrences whose stage is worst (undetected first) are the ones counted.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image
from words import tokens  # datasets/screens/words.py (on sys.path, see screen_reading.py)

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.layout import UNSURE

STAGES = ("undetected", "misread", "unsure", "lost")


@dataclass
class Miss:
    token: str
    stage: str
    read_as: str  # what tesseract returned there (misread), with its confidence
    rapid: bool  # raw RapidOCR read it there

    def as_json(self) -> dict[str, Any]:
        return {"token": self.token, "stage": self.stage, "read_as": self.read_as, "rapid": self.rapid}


@dataclass
class Place:
    token: str
    box: Box  # where to look, x0 y0 x1 y1
    exact: bool  # the word's own box (else a title bar or a whole window)


def places(truth: dict[str, Any]) -> list[Place]:
    """Every truth word's token with where it is on the screen."""
    out: list[Place] = []
    for win in truth["windows"]:
        if win.get("is_own"):
            continue
        fx, fy, fw, _ = win["frame"]
        cx, cy, cw, ch = win["client"]
        if win.get("title_visible") and win["title"]:
            bar = (fx, fy, fx + fw, max(cy, fy + 8))
            out += [Place(t, bar, False) for t in tokens(win["title"])]
        for item in win["items"]:
            words = item["text"].split()
            boxes = item.get("boxes") or [None] * len(words)
            for word, box in zip(words, boxes, strict=False):
                if box is None:
                    where: Box = (cx, cy, cx + cw, cy + ch)
                else:
                    x, y, w, h = box
                    where = (x, y, x + w, y + h)
                out += [Place(t, where, box is not None) for t in tokens(word)]
    return out


def _overlaps(a: Box, b: Box, exact: bool) -> bool:
    """``b`` (an engine's box) is at place ``a``: its middle inside ``a`` (a word's own box, grown
    by a little) or, for a whole region, overlapping it."""
    if not exact:
        return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
    pad = max(2, (a[3] - a[1]) // 3)
    mx, my = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    inside = a[0] - pad <= mx <= a[2] + pad and a[1] - pad <= my <= a[3] + pad
    return inside or (
        min(a[2], b[2]) - max(a[0], b[0]) > 0.5 * (a[2] - a[0]) and min(a[3], b[3]) > max(a[1], b[1])
    )


def _has(token: str, found: list[OcrWord]) -> bool:
    toks = [t for w in found for t in tokens(w.text)]
    return token in toks or token == "".join(toks) or any(token in t for t in toks if len(token) >= 3)


def _stage(place: Place, raw: list[OcrWord], min_confidence: float) -> tuple[str, str]:
    there = [w for w in raw if _overlaps(place.box, w.box, place.exact)]
    if not there:
        return "undetected", ""
    if not _has(place.token, there):
        near = there if place.exact else []
        return "misread", " ".join(f"{w.text}({w.confidence:.2f})" for w in near[:4])
    right = [w for w in there if _has(place.token, [w])] or there
    best = max(w.confidence for w in right)
    short = sum(ch.isalnum() for ch in place.token) <= 2
    if best < min_confidence or (short and best < UNSURE):
        return "unsure", f"{best:.2f}"
    return "lost", ""


def diagnose(
    truth: dict[str, Any],
    output: str,
    raw: list[OcrWord],
    rapid: list[OcrWord],
    min_confidence: float,
) -> list[Miss]:
    """The truth words ``output`` lacks, each with its stage (see the module docstring)."""
    want = Counter(t for w in truth["words"] for t in tokens(w))
    missing = want - Counter(tokens(output))
    by_token: dict[str, list[Place]] = {}
    for place in places(truth):
        by_token.setdefault(place.token, []).append(place)
    misses: list[Miss] = []
    for token, n in sorted(missing.items()):
        found = []
        for place in by_token.get(token, []):
            stage, read_as = _stage(place, raw, min_confidence)
            seen = [w for w in rapid if _overlaps(place.box, w.box, place.exact)]
            found.append(Miss(token, stage, read_as, _has(token, seen)))
        found.sort(key=lambda m: STAGES.index(m.stage))
        misses += found[:n] or [Miss(token, "undetected", "(no place)", False)] * n
    return misses


def _words(lines: list[OcrLine]) -> list[OcrWord]:
    return [w for ln in lines for w in (ln.words or [OcrWord(ln.text, ln.box, ln.confidence)])]


class RawEngines:
    """Tesseract as the assistant runs it but keeping every word, and RapidOCR, both cached on
    disk by the picture's bytes (RapidOCR takes seconds a screen)."""

    def __init__(self, cache: Path) -> None:
        from assistant.ocr.rapid import RapidOcrEngine
        from assistant.ocr.tesseract import TesseractEngine

        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)
        self.tesseract = TesseractEngine(min_confidence=0.0)
        self.min_confidence = TesseractEngine().min_confidence
        self.rapid = RapidOcrEngine()

    def read(self, png: Path) -> tuple[list[OcrWord], list[OcrWord]]:
        digest = hashlib.sha1(png.read_bytes()).hexdigest()[:16]
        image = Image.open(png).convert("RGB")
        out = []
        for name, engine in (("tesseract", self.tesseract), ("rapid", self.rapid)):
            path = self.cache / f"{png.stem}-{digest}-{name}.pkl"
            if name == "rapid" and path.exists():
                out.append(pickle.loads(path.read_bytes()))
                continue
            words = _words(engine.recognize(image).lines)
            path.write_bytes(pickle.dumps(words))
            out.append(words)
        return out[0], out[1]


def report(rows: list[tuple[str, list[Miss]]]) -> dict[str, Any]:
    """Prints the misses screen by screen and the totals by stage; returns the totals."""
    totals: Counter[str] = Counter()
    rapid_has: Counter[str] = Counter()
    print("\n== missed words by stage (tesseract raw; R: raw RapidOCR read it there)")
    for screen, misses in rows:
        if not misses:
            continue
        counts = Counter(m.stage for m in misses)
        totals.update(counts)
        rapid_has.update(m.stage for m in misses if m.rapid)
        print(f"{screen}: " + ", ".join(f"{s} {counts[s]}" for s in STAGES if counts[s]))
        for stage in STAGES:
            items = [m for m in misses if m.stage == stage]
            if items:
                shown = " ".join(
                    f"{m.token}{'[R]' if m.rapid else ''}{'=' + m.read_as if m.read_as else ''}"
                    for m in items
                )
                print(f"    {stage:10s} {shown}")
    summary = {s: {"missed": totals[s], "rapid_read": rapid_has[s]} for s in STAGES}
    print("totals: " + json.dumps(summary))
    return summary
