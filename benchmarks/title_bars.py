"""Title bars found from pixels alone (the file path's windows), scored against the window stack.

    .venv/bin/python benchmarks/title_bars.py --half A [--ids FILE] [--details]

A picture without window information (a file, the clipboard, a remote screen) is cut into
windows by :func:`assistant.ocr.frames.find_frames`; each window's title is spoken as its name.
A bar that is not there names a window that is not there, so this counts both ways, per screen of
the set (``datasets/screens``; tune on half A, report half B):

- ``bars found``: truth windows whose title is in view and whose bar a found bar overlaps;
- ``phantom on screens``: found bars on no truth window's bar;
- ``active right``: screens with two or more found bars whose bar marked active is the truth's
  active window's (a screen whose active window was not found counts as wrong);
- ``phantom in clients``: bars found inside the client area of a window that no other window
  covers, cut out as a picture of its own (what a screenshot of one window's inside gives): any
  bar there is a phantom, since a program's content draws no window-manager title bar.

Prints the figures, the screens with phantoms or a wrong active window (``--details``), and one
JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ocr.frames import Frame, find_frames  # noqa: E402

SCREENS = REPO / "datasets" / "screens"
Rect = tuple[int, int, int, int]  # x0, y0, x1, y1
MIN_CLIENT = (100, 60)  # px: a client smaller than this is no picture of its own


def _overlaps(a: Rect, b: Rect) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _same_bar(a: Rect, b: Rect) -> bool:
    """Whether two bars are one: they share half the shorter one's width and half its height (a
    bar found a pixel into a neighbour's, or one wide bar over two cascaded ones, is not)."""
    wide = min(a[2], b[2]) - max(a[0], b[0])
    high = min(a[3], b[3]) - max(a[1], b[1])
    return 2 * wide >= min(a[2] - a[0], b[2] - b[0]) and 2 * high >= min(a[3] - a[1], b[3] - b[1])


def _bar(window: dict[str, Any]) -> Rect:
    """The truth window's title bar: its frame's top to its client's top, the frame's width."""
    x, y, w, _ = window["frame"]
    return (x, y, x + w, window["client"][1])


def _box(rect: list[int]) -> Rect:
    x, y, w, h = rect
    return (x, y, x + w, y + h)


@dataclass
class Tally:
    windows: int = 0
    found: int = 0
    phantoms: int = 0
    multi: int = 0
    active_right: int = 0
    crops: int = 0
    crop_phantoms: int = 0
    notes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {
            "windows": self.windows,
            "bars_found": self.found,
            "phantom_on_screens": self.phantoms,
            "active_right": self.active_right,
            "active_screens": self.multi,
            "client_crops": self.crops,
            "phantom_in_clients": self.crop_phantoms,
        }


def score_screen(image: Image.Image, truth: dict[str, Any], tally: Tally) -> None:
    windows = [w for w in truth.get("windows", []) if w["client"][1] > w["frame"][1]]
    bars = [_bar(w) for w in windows]
    found: list[Frame] = find_frames(image)
    seen = [w for w in windows if w.get("title_visible", True)]
    tally.windows += len(seen)
    tally.found += sum(any(_same_bar(_bar(w), f.bar) for f in found) for w in seen)
    for f in found:
        if not any(_same_bar(f.bar, b) for b in bars):
            tally.phantoms += 1
            tally.notes.append(f"{truth['id']}: phantom bar {f.bar}")
    if len(found) >= 2 and windows:
        tally.multi += 1
        active = [w for w in windows if w.get("active")]
        marked = [f for f in found if f.active]
        right = bool(active and marked and _same_bar(marked[0].bar, _bar(active[0])))
        tally.active_right += right
        if not right:
            tally.notes.append(f"{truth['id']}: active bar {marked[0].bar if marked else None}")
    for w in windows:
        client = _box(w["client"])
        # (any window above, undecorated ones too: a popup or a dock over the client is no phantom)
        above = [_box(v["frame"]) for v in truth["windows"] if v["stacking"] > w["stacking"]]
        x0, y0 = max(0, client[0]), max(0, client[1])
        x1, y1 = min(image.width, client[2]), min(image.height, client[3])
        if x1 - x0 < MIN_CLIENT[0] or y1 - y0 < MIN_CLIENT[1] or any(_overlaps(client, a) for a in above):
            continue
        tally.crops += 1
        for g in find_frames(image.crop((x0, y0, x1, y1))):
            tally.crop_phantoms += 1
            tally.notes.append(f"{truth['id']}: phantom bar {g.bar} in the client of {w['title']!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["A", "B", "all"], default="A")
    parser.add_argument("--ids", type=Path, help="a file of screen ids (one per line) to keep")
    parser.add_argument("--details", action="store_true", help="list each phantom and wrong active bar")
    args = parser.parse_args()
    keep = set(args.ids.read_text(encoding="utf-8").split()) if args.ids else None
    tally = Tally()
    screens = 0
    for path in sorted((SCREENS / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        other_half = args.half != "all" and truth["split"] != args.half
        if other_half or (keep is not None and truth["id"] not in keep):
            continue
        screens += 1
        with Image.open(SCREENS / "png" / f"{truth['id']}.png") as image:
            score_screen(image.convert("RGB"), truth, tally)
    fig = tally.figures() | {"screens": screens}
    print(f"screens {screens}")
    print(f"bars found          {tally.found}/{tally.windows}")
    print(f"phantom on screens  {tally.phantoms}")
    print(f"active right        {tally.active_right}/{tally.multi} (screens with two or more bars found)")
    print(f"phantom in clients  {tally.crop_phantoms} on {tally.crops} client crops")
    if args.details:
        print("\n".join(tally.notes))
    print(json.dumps({"benchmark": "title_bars", "half": args.half, "results": fig}))


if __name__ == "__main__":
    main()
