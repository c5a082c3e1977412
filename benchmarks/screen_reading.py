"""Screen reading on real program screenshots (datasets/screens): words, order, tables, titles, buttons, time.

    .venv/bin/python benchmarks/screen_reading.py --half B              # the three readers, half B
    .venv/bin/python benchmarks/screen_reading.py --half A --readers assistant,assistant-live --limit 5
    .venv/bin/python benchmarks/screen_reading.py --details             # one line per screen too

Readers: ``assistant`` (the Describer on the PNG file, as ``assistant describe FILE`` runs it;
``assistant-tesseract`` and ``assistant-rapidocr`` the same with one engine strategy each),
``assistant-live`` (the Describer on the screen as a live *describe screen* hands it over: source
"screen", the window stack saved with the truth, the assistant's own windows painted out as the
capture does), ``tesseract-psm3`` and ``rapidocr`` (the raw engines; ``tesseract-psm3-cores`` the
raw tesseract with its OpenMP threads held to the cores, which on a 2-core machine is its
fastest). The default is the assistant, tesseract and RapidOCR.

Tune on half A, report half B (the split is fixed in datasets/screens/README.md). Each screen is
read by every chosen reader in turn, so their times are taken in the same run on the same screen.
Prints a table per half, recall per category, and one JSON line at the end.

Measures, all on the truth written from the programs' source text (never from OCR), with words
compared as ``datasets/screens/words.py`` says (NFKC, lower case, letters and digits only):

- words read (recall): truth words found in the output, as multisets, pooled over the screens; a
  word hyphenated across a line break and said whole ("alphabetically") counts as its two halves.
- reading order: for screens with an ``order`` list, right when each phrase is found (as
  consecutive words) after the end of the previous one, each at its first occurrence after it.
- tables read row-wise: for each table row with at least two non-empty cells, taken in table
  order (header first): the row counts as read when, after the end of the previous row that
  counted, the output has its cells in order, each cell's words consecutive, with at most
  ``ROW_GAP`` other words between one cell and the next (room for a spoken header name, "|" read
  as "I", a stray mark). A table read column by column fails: the second cell of a row is then
  a whole column away. A row missing a misread word fails too. Reported: the fraction of rows,
  and how many tables had every row read.
- windows kept apart: for screens whose words come from two windows or more, each output word
  found in only one window's truth is labelled with that window; after dropping stray runs of a
  single word, no window may come back once another has started ("not interleaved").
- reading order right (combined): screens with an order list or several windows, right when the
  order holds and the windows are kept apart.
- screen kind: the fraction of screens the reader calls "screen" (the assistant only; every
  picture here is a screen).
- own text read (lower is better): on screens that show the assistant's own window (its previous
  description), the fraction of that window's runs of three consecutive words (not shown elsewhere
  on the screen) that the output says anyway. Runs, not single words, so that the assistant's own
  framing ("Screen.", "Window") is not counted as reading its window.
- window titles spoken: fraction of the titles visible in title bars found as consecutive words.
- buttons read: fraction of visible button/key labels (with at least one word) found as
  consecutive words, each label as many times as it appears.
- precision: of the words read (the assistant's OCR text, without its own framing such as
  "Screen." or "Table, 7 rows"), the share shown somewhere on the screen (in view, cut by an
  edge, in the own window, in a title); the rest are false words (misreads, icons read as text).
- windows found from pixels (the ``assistant`` reader's file path, assistant.ocr.frames): truth
  windows whose frame a found frame matches within 3 px, and screens where every window was found
  (nothing more) with the upper of any two overlapping windows first.
- OCR time per screen, median: the assistant's ``timings['ocr']``; for the raw engines the wall
  time of the engine call (tesseract: the whole process, as the assistant would pay it).

Readers are small adapters (``READERS``): a later assistant plugs in as another entry.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SCREENS = REPO / "datasets" / "screens"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(SCREENS))
sys.path.insert(0, str(REPO / "benchmarks"))

from words import tokens  # noqa: E402  (datasets/screens/words.py)

ROW_GAP = 2


# ---- readers ---------------------------------------------------------------------------------------
@dataclass
class Reading:
    text: str
    ocr_ms: float
    kind: str | None = None  # what the reader calls the picture (screen, photo, ...), if it says
    ocr_text: str | None = None  # the text read, without the reader's own framing (None: ``text``)


class Reader(Protocol):
    name: str

    def read(self, png: Path, truth: dict[str, Any]) -> Reading: ...


class AssistantReader:
    """Today's Describer on the PNG file, verbosity 'full' so that nothing is cut for length."""

    name = "assistant"
    ocr = "auto"  # the text reader the Describer is given (DescriberOptions.ocr)

    def __init__(self) -> None:
        from assistant.describe import Describer, DescriberOptions

        self._describer = Describer(DescriberOptions(verbosity="full", ocr=self.ocr))

    def read(self, png: Path, truth: dict[str, Any]) -> Reading:
        d = self._describer.describe(png)
        return Reading(d.text, float(d.timings.get("ocr", float("nan"))), d.kind, d.ocr_text)


def window_stack(truth: dict[str, Any]) -> Any:
    """The window stack the desktop reported at the grab (saved in the truth), as the capture
    hands it over on a live screen: a :class:`WindowStack`, top first."""
    from assistant.capture.window_stack import DesktopWindow, WindowStack

    wins = sorted(truth["windows"], key=lambda w: -w["stacking"])
    return WindowStack(
        tuple(
            DesktopWindow(
                title=w["title"],
                rect=tuple(w["frame"]),
                active=w["active"],
                is_own=w.get("is_own", False),
                client=tuple(w["client"]),
                app_name=w["wm_class"][-1] if w["wm_class"] else None,
                pid=w["pid"],
                handle=int(w["id"], 16),
            )
            for w in wins
        )
    )


class LiveAssistantReader(AssistantReader):
    """The Describer on the screen as a live *describe screen* hands it over: source "screen",
    with the window stack the desktop reported at the grab, the assistant's own windows painted
    out as the capture does."""

    name = "assistant-live"

    def read(self, png: Path, truth: dict[str, Any]) -> Reading:
        from assistant.capture.image_loading import load_image
        from assistant.capture.models import CapturedImage
        from assistant.capture.window_stack import hide_own_windows

        image = load_image(png).copy()
        rect = (0, 0, image.width, image.height)
        stack = window_stack(truth)
        hide_own_windows(image, (0, 0), stack)
        captured = CapturedImage(image, "screen", rect, windows=stack)
        d = self._describer.describe(captured)
        return Reading(d.text, float(d.timings.get("ocr", float("nan"))), d.kind, d.ocr_text)


class TesseractOnlyReader(AssistantReader):
    """The file path with one strategy: tesseract alone, on the regions the layout finds, with no
    second look by PP-OCR's recogniser at what it left unread or was unsure of."""

    name = "assistant-tesseract"
    ocr = "tesseract"


class RapidOnlyReader(AssistantReader):
    """The file path with the other strategy: RapidOCR (PP-OCR detector and recogniser) on the
    whole screen, the layout then ordering its lines."""

    name = "assistant-rapidocr"
    ocr = "rapidocr"


class TesseractReader:
    """The raw engine: ``tesseract <png> - --psm 3``, timed as a whole process."""

    name = "tesseract-psm3"
    env: dict[str, str] | None = None  # (None: this process's environment, as a user's shell runs it)

    def read(self, png: Path, truth: dict[str, Any]) -> Reading:
        t0 = time.perf_counter()
        out = subprocess.run(
            ["tesseract", str(png), "-", "--psm", "3"],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
            env=self.env,
        )
        return Reading(out.stdout, (time.perf_counter() - t0) * 1000)


class TesseractCoresReader(TesseractReader):
    """The raw engine with OpenMP held to the cores this process may use (``OMP_THREAD_LIMIT``).

    Tesseract's recogniser runs four OpenMP threads whatever the machine: on a 2-core machine
    they wait on each other, and how long depends on the machine (one 2-core virtual machine read
    a terminal screen in 2.9 s so, in 0.43 s held to two threads). This is raw tesseract at its
    best on the machine: the stricter yardstick for the assistant's time."""

    name = "tesseract-psm3-cores"

    def __init__(self) -> None:
        from assistant.onnx_sessions import available_cores

        self.env = dict(os.environ, OMP_THREAD_LIMIT=str(available_cores()))


class RapidOcrReader:
    """The raw RapidOCR package with its defaults: detected lines joined in the order it returns."""

    name = "rapidocr"

    def __init__(self) -> None:
        import logging

        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        self._engine = RapidOCR(params={"Global.log_level": "error"})

    def read(self, png: Path, truth: dict[str, Any]) -> Reading:
        t0 = time.perf_counter()
        out = self._engine(str(png))
        ms = (time.perf_counter() - t0) * 1000
        return Reading("\n".join(str(t) for t in (getattr(out, "txts", None) or ())), ms)


class RapidOcrEngineReader:
    """The assistant's own RapidOCR engine (assistant.ocr.rapid, the PP-OCR models run directly
    through onnxruntime): its lines joined in the order it returns, timed on the engine call."""

    name = "rapidocr-engine"

    def __init__(self) -> None:
        from assistant.ocr.rapid import RapidOcrEngine

        self._engine = RapidOcrEngine()

    def read(self, png: Path, truth: dict[str, Any]) -> Reading:
        with Image.open(png) as img:
            result = self._engine.recognize(img)
        return Reading("\n".join(line.text for line in result.lines), result.elapsed_ms)


READERS: dict[str, Callable[[], Reader]] = {
    "assistant": AssistantReader,
    "assistant-live": LiveAssistantReader,
    "assistant-tesseract": TesseractOnlyReader,
    "assistant-rapidocr": RapidOnlyReader,
    "tesseract-psm3": TesseractReader,
    "tesseract-psm3-cores": TesseractCoresReader,
    "rapidocr": RapidOcrReader,
    "rapidocr-engine": RapidOcrEngineReader,
}


# ---- scoring ---------------------------------------------------------------------------------------
def _find(seq: list[str], key: list[str], start: int = 0, stop: int | None = None) -> int:
    """First index >= start (and <= stop) where ``key`` occurs in ``seq`` as consecutive items."""
    last = len(seq) - len(key)
    if stop is not None:
        last = min(last, stop)
    for i in range(start, last + 1):
        if seq[i : i + len(key)] == key:
            return i
    return -1


HYPHENS = ("-", "\u2010")  # a word broken at a line's end: "alpha-" over "betically" (man pages)


def word_recall(truth: list[str], out: list[str]) -> tuple[int, int, list[str]]:
    """Truth words found in the output, as multisets. A word hyphenated across a line break and
    said whole ("alphabetically" for "alpha-", "betically") counts as both its halves read: that is
    how a listener should hear it."""
    want = Counter(t for w in truth for t in tokens(w))
    have = Counter(out)
    for word, after in pairwise(truth):
        head, tail = tokens(word), tokens(after)
        joined = head[-1] + tail[0] if head and tail else ""
        if word.endswith(HYPHENS) and joined and have[joined] > want[joined]:  # one said whole
            have[joined] -= 1
            have[head[-1]] += 1
            have[tail[0]] += 1
    found = sum(min(n, have[w]) for w, n in want.items())
    missing = sorted((want - have).elements())
    return found, sum(want.values()), missing


def false_words(truth: dict[str, Any], text: str) -> tuple[int, int, list[str]]:
    """Words read that are on the screen nowhere (precision): the output's tokens beyond the
    multiset of every word shown (in view, cut by an edge, the own windows', the titles)."""
    shown = Counter(
        t
        for field_ in ("words", "words_partial", "words_own", "window_titles")
        for w in truth.get(field_, [])
        for t in tokens(w)
    )
    for word, after in pairwise(truth["words"]):  # a word hyphenated across a line break, said whole
        if word.endswith(HYPHENS) and (head := tokens(word)) and (tail := tokens(after)):
            shown[head[-1] + tail[0]] += 1
    out = Counter(tokens(text))
    extra = out - shown
    return sum(extra.values()), sum(out.values()), sorted(extra.elements())


def own_text_read(truth: dict[str, Any], out: list[str]) -> tuple[int, int]:
    """The own windows' word runs (not shown elsewhere on the screen), and how many the output has."""
    others = tokens(" ".join(truth["words"]))
    runs = set()
    for win in truth["windows"]:
        if win.get("is_own"):
            toks = tokens(" ".join(win["words"]))
            runs |= {tuple(toks[i : i + 3]) for i in range(len(toks) - 2)}
    runs = {r for r in runs if _find(others, list(r)) < 0}
    return sum(_find(out, list(r)) >= 0 for r in runs), len(runs)


def order_right(phrases: list[str], out: list[str]) -> bool:
    pos = 0
    for phrase in phrases:
        key = tokens(phrase)
        i = _find(out, key, pos)
        if i < 0:
            return False
        pos = i + len(key)
    return True


def windows_apart(windows: list[list[str]], out: list[str]) -> bool | None:
    """None for fewer than two windows with words; else whether the output never returns to a
    window once another has started (runs of one word dropped as strays)."""
    counts = [Counter(t for w in words for t in tokens(w)) for words in windows]
    counts = [c for c in counts if c]
    if len(counts) < 2:
        return None
    owner = {t: i for i, c in enumerate(counts) for t in c if sum(t in o for o in counts) == 1}
    labels = [owner[t] for t in out if t in owner]
    runs: list[list[int]] = []  # [window, length]
    for lab in labels:
        if runs and runs[-1][0] == lab:
            runs[-1][1] += 1
        else:
            runs.append([lab, 1])
    kept: list[int] = []
    for lab, n in runs:
        if n >= 2 and (not kept or kept[-1] != lab):
            kept.append(lab)
    return len(kept) == len(set(kept))


def _row_match(cells: list[list[str]], out: list[str], start: int) -> int:
    """End of the earliest match of a row's cells at or after ``start`` (-1 if none)."""

    def rest(k: int, pos: int) -> int:
        if k == len(cells):
            return pos
        i = _find(out, cells[k], pos, pos + ROW_GAP)
        while i >= 0:
            end = rest(k + 1, i + len(cells[k]))
            if end >= 0:
                return end
            i = _find(out, cells[k], i + 1, pos + ROW_GAP)
        return -1

    i = _find(out, cells[0], start)
    while i >= 0:
        end = rest(1, i + len(cells[0]))
        if end >= 0:
            return end
        i = _find(out, cells[0], i + 1)
    return -1


def table_rows(table: list[list[str]], out: list[str]) -> tuple[int, int]:
    ok = total = 0
    pos = 0
    for row in table:
        cells = [tokens(c) for c in row]
        cells = [c for c in cells if c]
        if len(cells) < 2:
            continue
        total += 1
        end = _row_match(cells, out, pos)
        if end >= 0:
            ok += 1
            pos = end
    return ok, total


def phrases_found(phrases: list[str], out: list[str]) -> tuple[int, int]:
    """Phrases found as consecutive words, each as many times as it is listed."""
    keys = Counter(tuple(tokens(p)) for p in phrases if tokens(p))
    found = 0
    for key, n in keys.items():
        count, pos = 0, 0
        while count < n:
            i = _find(out, list(key), pos)
            if i < 0:
                break
            count += 1
            pos = i + len(key)
        found += count
    return found, sum(keys.values())


@dataclass
class ScreenScore:
    id: str
    category: str
    half: str
    words_found: int
    words_total: int
    missing: list[str]
    order: bool | None
    apart: bool | None
    kind: str | None
    rows_ok: int
    rows_total: int
    tables_full: int
    tables_total: int
    titles: tuple[int, int]
    buttons: tuple[int, int]
    own: tuple[int, int]
    ocr_ms: float
    false: tuple[int, int] = (0, 0)  # words read that are nowhere on the screen, of all words read
    false_words: list[str] = field(default_factory=list)
    size: str = ""  # the screenshot's width x height: OCR time is reported per size too

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recall": round(self.words_found / max(1, self.words_total), 4),
            "order": self.order,
            "apart": self.apart,
            "kind": self.kind,
            "rows": f"{self.rows_ok}/{self.rows_total}",
            "titles": f"{self.titles[0]}/{self.titles[1]}",
            "buttons": f"{self.buttons[0]}/{self.buttons[1]}",
            "own": f"{self.own[0]}/{self.own[1]}",
            "ocr_ms": round(self.ocr_ms),
            "size": self.size,
            "false": f"{self.false[0]}/{self.false[1]}",
            "missing": self.missing[:15],
            "false_words": self.false_words[:15],
        }


def score(truth: dict[str, Any], reading: Reading, size: str = "") -> ScreenScore:
    out = tokens(reading.text)
    found, total, missing = word_recall(truth["words"], out)
    n_false, n_read, extra = false_words(
        truth, reading.ocr_text if reading.ocr_text is not None else reading.text
    )
    rows_ok = rows_total = full = 0
    for table in truth["tables"]:
        ok, n = table_rows(table, out)
        rows_ok += ok
        rows_total += n
        full += ok == n
    return ScreenScore(
        id=truth["id"],
        category=truth["category"],
        half=truth["split"],
        words_found=found,
        words_total=total,
        missing=missing,
        order=order_right(truth["order"], out) if truth["order"] else None,
        apart=windows_apart([w["words"] for w in truth["windows"] if not w.get("is_own")], out),
        kind=reading.kind,
        rows_ok=rows_ok,
        rows_total=rows_total,
        tables_full=full,
        tables_total=len(truth["tables"]),
        titles=phrases_found(truth["window_titles"], out),
        buttons=phrases_found(truth["buttons"], out),
        own=own_text_read(truth, out),
        ocr_ms=reading.ocr_ms,
        false=(n_false, n_read),
        false_words=extra,
        size=size,
    )


@dataclass
class Summary:
    screens: list[ScreenScore] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        s = self.screens
        orders = [x.order for x in s if x.order is not None]
        apart = [x.apart for x in s if x.apart is not None]
        both = [
            x.order is not False and x.apart is not False for x in s if (x.order, x.apart) != (None, None)
        ]
        kinds = [x.kind == "screen" for x in s if x.kind is not None]
        titles = [sum(x.titles[i] for x in s) for i in (0, 1)]
        buttons = [sum(x.buttons[i] for x in s) for i in (0, 1)]
        own = [sum(x.own[i] for x in s) for i in (0, 1)]
        rows = [sum(x.rows_ok for x in s), sum(x.rows_total for x in s)]
        ms = [x.ocr_ms for x in s if x.ocr_ms == x.ocr_ms]
        false = [sum(x.false[i] for x in s) for i in (0, 1)]
        return {
            "screens": len(s),
            "recall": round(sum(x.words_found for x in s) / max(1, sum(x.words_total for x in s)), 4),
            "order_right": f"{sum(orders)}/{len(orders)}",
            "windows_apart": f"{sum(apart)}/{len(apart)}",
            "reading_order": f"{sum(both)}/{len(both)}",
            "table_rows": round(rows[0] / rows[1], 4) if rows[1] else None,
            "tables_full": f"{sum(x.tables_full for x in s)}/{sum(x.tables_total for x in s)}",
            "titles": round(titles[0] / max(1, titles[1]), 4),
            "buttons": round(buttons[0] / max(1, buttons[1]), 4),
            "own_read": round(own[0] / own[1], 4) if own[1] else None,
            "ocr_ms_median": round(statistics.median(ms)) if ms else None,
            "kind_screen": round(sum(kinds) / len(kinds), 4) if kinds else None,
            "precision": round(1 - false[0] / false[1], 4) if false[1] else None,
        }

    def ms_by_size(self) -> dict[str, int]:
        """Median OCR time per screenshot size (the issue asks for 1280x800 and 1920x1080)."""
        sizes: dict[str, list[float]] = {}
        for x in self.screens:
            if x.ocr_ms == x.ocr_ms:
                sizes.setdefault(x.size, []).append(x.ocr_ms)
        return {k: round(statistics.median(v)) for k, v in sorted(sizes.items())}

    def by_category(self) -> dict[str, float]:
        cats: dict[str, list[ScreenScore]] = {}
        for x in self.screens:
            cats.setdefault(x.category, []).append(x)
        return {
            c: round(sum(x.words_found for x in v) / max(1, sum(x.words_total for x in v)), 3)
            for c, v in sorted(cats.items())
        }


def frames_found(png: Path, truth: dict[str, Any]) -> tuple[int, int, bool]:
    """Windows the file path finds from pixels alone (assistant.ocr.frames: title bars and frames),
    against the window stack: (frames within 3 px of a window's frame, windows, every window found
    and, where two overlap, the upper one first)."""
    from assistant.ocr.frames import find_frames

    with Image.open(png) as img:
        found = [f.box for f in find_frames(img)]
    wins = sorted(truth["windows"], key=lambda w: -w["stacking"])  # top first
    boxes = [(x, y, x + w, y + h) for x, y, w, h in (win["frame"] for win in wins)]
    at = [
        next(
            (i for i, f in enumerate(found) if max(abs(a - b) for a, b in zip(f, box, strict=True)) <= 3), -1
        )
        for box in boxes
    ]
    hits = sum(i >= 0 for i in at)

    def overlap(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
        return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])

    stacked = all(
        at[i] < at[j] for i in range(len(at)) for j in range(i + 1, len(at)) if overlap(boxes[i], boxes[j])
    )
    return hits, len(boxes), hits == len(boxes) == len(found) and stacked


# ---- run ---------------------------------------------------------------------------------------------
def load_truth(half: str, limit: int | None) -> list[dict[str, Any]]:
    files = sorted((SCREENS / "truth").glob("*.json"))
    truths = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    if half != "all":
        truths = [t for t in truths if t["split"] == half]
    return truths[:limit] if limit else truths


def time_ratios(results: dict[str, dict[str, Summary]], half: str) -> dict[str, tuple[float, float]]:
    """Each assistant reader's OCR time against each raw tesseract's, on ``half``'s screens that
    both timed (a reading with no OCR time left out, so these medians may differ from the table's):
    the ratio of the two medians (the issue's yardstick) and the median of each screen's own ratio."""
    out: dict[str, tuple[float, float]] = {}
    median = statistics.median
    for name in (n for n in results if n.startswith("assistant") and half in results[n]):
        for raw in (n for n in results if n.startswith("tesseract-psm3") and half in results[n]):
            ours = {s.id: s.ocr_ms for s in results[name][half].screens if math.isfinite(s.ocr_ms)}
            theirs = {s.id: s.ocr_ms for s in results[raw][half].screens if math.isfinite(s.ocr_ms)}
            both = [i for i in ours if theirs.get(i, 0) > 0]
            if both:
                of_medians = median(ours[i] for i in both) / median(theirs[i] for i in both)
                per_screen = median(ours[i] / theirs[i] for i in both)
                out[f"{name} / {raw}"] = (round(of_medians, 3), round(per_screen, 3))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["A", "B", "all"], default="all")
    parser.add_argument(
        "--readers",
        default="assistant,tesseract-psm3,rapidocr",
        help=f"comma-separated: {', '.join(READERS)}",
    )
    parser.add_argument("--limit", type=int, default=None, help="the first N screens (by id) of the half")
    parser.add_argument("--only", nargs="*", help="these screen ids (within the half)")
    parser.add_argument("--details", action="store_true", help="one line per screen and reader")
    parser.add_argument("--dump", type=Path, help="write every screen's scores and outputs to this JSON file")
    parser.add_argument(
        "--diagnose",
        action="store_true",
        help="say why each word the first reader missed was missed (benchmarks/screen_misses.py)",
    )
    parser.add_argument(
        "--cache", type=Path, default=REPO / ".cache" / "screen_misses", help="--diagnose's RapidOCR reads"
    )
    args = parser.parse_args()

    truths = load_truth(args.half, args.limit)
    if args.only:
        truths = [t for t in truths if t["id"] in args.only]
    if not truths:
        raise SystemExit("no screens: run datasets/screens/capture.py first")
    readers = [READERS[name]() for name in args.readers.split(",")]
    results: dict[str, dict[str, Summary]] = {r.name: {} for r in readers}
    dump: list[dict[str, Any]] = []
    diagnosed: list[tuple[str, list[Any]]] = []
    raw = None
    if args.diagnose:
        from screen_misses import RawEngines

        raw = RawEngines(args.cache)
    frames = [0, 0, 0]  # windows found from pixels, windows, screens found whole and stacked right
    for truth in truths:
        png = SCREENS / truth["image"]
        with Image.open(png) as img:
            size = f"{img.width}x{img.height}"
        if "assistant" in results:
            hits, wins, whole = frames_found(png, truth)
            frames = [frames[0] + hits, frames[1] + wins, frames[2] + whole]
        for reader in readers:
            reading = reader.read(png, truth)
            sc = score(truth, reading, size)
            if raw is not None and reader is readers[0]:
                from screen_misses import diagnose

                tess, rapid = raw.read(png)
                diagnosed.append(
                    (truth["id"], diagnose(truth, reading.text, tess, rapid, raw.min_confidence))
                )
            for half in (truth["split"], "all"):
                results[reader.name].setdefault(half, Summary()).screens.append(sc)
            if args.details:
                print(f"  {reader.name:15s} {json.dumps(sc.as_json())}", flush=True)
            dump.append({"reader": reader.name, **sc.as_json(), "text": reading.text})
        print(f"read {truth['id']}", file=sys.stderr, flush=True)

    halves = ["A", "B", "all"] if args.half == "all" else [args.half]
    cols = [
        "screens",
        "recall",
        "order_right",
        "windows_apart",
        "reading_order",
        "table_rows",
        "tables_full",
        "titles",
        "buttons",
        "own_read",
        "ocr_ms_median",
        "kind_screen",
        "precision",
    ]
    out: dict[str, Any] = {}
    for half in halves:
        print(f"\n== half {half}")
        print(f"{'reader':20s}" + "".join(f"{c:>14s}" for c in cols))
        for name, by_half in results.items():
            if half not in by_half:
                continue
            fig = by_half[half].figures()
            out.setdefault(name, {})[half] = fig | {"recall_by_category": by_half[half].by_category()}
            print(f"{name:20s}" + "".join(f"{fig[c]!s:>14s}" for c in cols))
    print("\n== recall by category (" + ("all screens" if args.half == "all" else f"half {args.half}") + ")")
    key = "all" if args.half == "all" else args.half
    cats = sorted({c for r in results.values() for c in r[key].by_category()})
    print(f"{'category':14s}" + "".join(f"{name:>20s}" for name in results))
    for c in cats:
        print(
            f"{c:14s}"
            + "".join(f"{results[n][key].by_category().get(c, float('nan')):>20.3f}" for n in results)
        )
    print("\n== OCR time per screen by size, median ms (" + (f"half {key}" if key != "all" else "all") + ")")
    sizes = sorted({k for r in results.values() for k in r[key].ms_by_size()})
    counts = {k: sum(1 for t in results[next(iter(results))][key].screens if t.size == k) for k in sizes}
    print(f"{'reader':20s}" + "".join(f"{k + f' ({counts[k]})':>18s}" for k in sizes))
    for name, by_half in results.items():
        by_size = by_half[key].ms_by_size()
        out.setdefault(name, {}).setdefault(key, {})["ocr_ms_by_size"] = by_size
        print(f"{name:20s}" + "".join(f"{by_size.get(k, float('nan'))!s:>18s}" for k in sizes))
    for half in halves:
        ratios = time_ratios(results, half)
        if ratios:
            print(f"\n== OCR time against raw tesseract, half {half} (ratio of medians; per-screen median)")
            for pair, (of_medians, per_screen) in ratios.items():
                print(f"{pair:45s} {of_medians:6.2f}x {per_screen:6.2f}x")
            out.setdefault("time_ratios", {})[half] = {
                pair: {"of_medians": a, "per_screen": b} for pair, (a, b) in ratios.items()
            }
    if "assistant" in results:
        print(
            f"\nwindows found from pixels (file path): {frames[0]}/{frames[1]}; "
            f"screens with every window found and stacked right: {frames[2]}/{len(truths)}"
        )
        out["frames"] = {"found": f"{frames[0]}/{frames[1]}", "screens_whole": f"{frames[2]}/{len(truths)}"}
    if raw is not None:
        from screen_misses import report

        out["misses"] = report(diagnosed)
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, ensure_ascii=False))
    print(json.dumps({"benchmark": "screen_reading", "half": args.half, "results": out}))


if __name__ == "__main__":
    main()
