"""Capture the screen set: real programs under Xvfb + openbox, with truth from what we put in.

    .venv/bin/python datasets/screens/capture.py            # every scene (a few minutes)
    .venv/bin/python datasets/screens/capture.py --only term-ls-reports man-ls
    .venv/bin/python datasets/screens/capture.py --list
    .venv/bin/python datasets/screens/capture.py --added     # the 22 scenes added after the first 56

For each scene: a fresh Xvfb (24-bit, the scene's size) with openbox, the scene's programs started
bottom-most first, each frame moved where the scene says, windows activated in stacking order,
then one full-screen grab. Truth is written to ``truth/<id>.json`` from the text we gave each
program, kept only where it is in view: each word's box (from the program's own geometry) must lie
inside its window, on the screen, and clear of every frame above it. Window facts (titles,
geometry, stacking, active, frame extents) are read from EWMH at the moment of the grab and saved
with the truth, for a later live mode. Needs the apt packages listed in README.md.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PIL import Image, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from programs import Clock, Item, Program  # noqa: E402
from scenes import SCENES, Scene, split_of  # noqa: E402
from words import tokens  # noqa: E402
from xsession import OTHER_WMS, TITLE_FONT, WindowInfo, XSession  # noqa: E402

MARGIN = 2  # px: a word this close to a covering frame counts as partly hidden
TITLE_TTF = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
TITLE_RESERVED = 72  # px each side of the centred title: window icon left, three buttons right

Rect = tuple[int, int, int, int]


def _intersect(a: Rect, b: Rect) -> Rect | None:
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    return (x1, y1, x2 - x1, y2 - y1) if x2 > x1 and y2 > y1 else None


def visibility(box: Rect, clip: Rect, covers: list[Rect]) -> str:
    """'yes' (all in view), 'partial' (cut by the clip or touched by a covering frame) or 'no'."""
    if box[2] <= 0 or box[3] <= 0:
        return "no"
    inside = _intersect(box, clip)
    if inside is None:
        return "no"
    partial = inside != box
    grown = (box[0] - MARGIN, box[1] - MARGIN, box[2] + 2 * MARGIN, box[3] + 2 * MARGIN)
    for f in covers:
        hit = _intersect(box, f)
        if hit == box:
            return "no"
        if _intersect(grown, f) is not None:
            partial = True
    return "partial" if partial else "yes"


def title_justify(theme: str) -> str:
    """The theme's ``window.label.text.justify`` (or the wildcard that sets it); openbox's default
    is left."""
    rc = Path("/usr/share/themes") / theme / "openbox-3" / "themerc"
    found = {}
    for line in rc.read_text(errors="replace").splitlines():
        key, _, value = line.partition(":")
        found[key.strip()] = value.strip().lower()
    for key in ("window.label.text.justify", "window.*.text.justify", "*.text.justify", "*.justify"):
        if key in found:
            return found[key]
    return "left"


def title_box(win: WindowInfo, theme: str, size: int = TITLE_FONT[1]) -> Rect:
    """Where openbox draws the title: in the top extent, centred on the frame or after the window
    icon, as the theme says. Raises when the title would not fit between the icon and the buttons
    (openbox would elide it: "Back...ager"). ``size``: the title font's size in points."""
    font = ImageFont.truetype(TITLE_TTF, round(size * 96 / 72))
    tw = round(font.getlength(win.title))
    fx, fy, fw, _ = win.frame
    reserved = max(TITLE_RESERVED, round(TITLE_RESERVED * size / TITLE_FONT[1]))  # the icon and buttons grow
    if tw + 2 * reserved > fw:
        raise RuntimeError(f"title {win.title!r} ({tw}px) does not fit a {fw}px frame")
    x = fx + (fw - tw) // 2 if title_justify(theme) == "center" else fx + 24
    return (x - 8, fy + 2, tw + 16, max(1, win.extents[2] - 4))


def _screen_rect(scene: Scene) -> Rect:
    return (0, 0, scene.size[0], scene.size[1])


def place_windows(scene: Scene, session: XSession) -> None:
    """Start the scene's programs on ``session``, move each frame where the scene puts it, and raise
    them in the scene's order (the last one ends up active)."""
    for p in scene.windows:
        p.launch(session)
        session.wait_for(p.title, timeout=90)
        session.move_frame(p.title, *p.pos)
    for p in scene.windows:
        p.after_placed(session)
    for p in scene.windows:
        session.activate(p.title)


def run_scene(scene: Scene, display: int = 0) -> tuple[Image.Image, dict[str, Any]]:
    w, h = scene.size
    s = XSession(
        w, h, scene.theme, scene.background, number=display, title_size=scene.title_size, wm=scene.wm
    ).start()
    try:
        place_windows(scene, s)
        time.sleep(1.5)
        for _attempt in range(5):
            clocks = [p.time_text() for p in scene.windows if isinstance(p, Clock)]
            wins = s.windows()
            img = s.grab()
            if (
                clocks == [p.time_text() for p in scene.windows if isinstance(p, Clock)]
                and wins == s.windows()
            ):
                break
            time.sleep(1.0)
        else:
            raise RuntimeError("the screen kept changing")
        by_title = {w.title: w for w in wins}
        want = [p.title for p in scene.windows]
        if [w.title for w in wins] != want:
            raise RuntimeError(f"stacking {[w.title for w in wins]} is not {want}")
        if scene.wm.startswith("xfwm4"):  # the capture does not know what tint2's panel covers
            area = s.work_area()
            for w in wins:
                if area is not None and _intersect(w.frame, area) != w.frame:
                    raise RuntimeError(f"{w.title!r} runs under the panel (work area {area})")
        focusable = [p.title for p in scene.windows if p.focusable]
        active = [w.title for w in wins if w.active]
        if active != focusable[-1:]:
            raise RuntimeError(f"active window {active} is not {focusable[-1:]}")
        items = {p.title: p.items(s, by_title[p.title]) for p in scene.windows}
        truth = build_truth(scene, wins, items)
        return img, truth
    finally:
        for p in scene.windows:
            p.close()
        s.close()


def build_truth(scene: Scene, wins: list[WindowInfo], items: dict[str, list[Item]]) -> dict[str, Any]:
    screen = _screen_rect(scene)
    programs: dict[str, Program] = {p.title: p for p in scene.windows}
    reading = sorted(wins, key=lambda w: (not w.active, -w.stack))  # active first, then down the stack
    windows_out: list[dict[str, Any]] = []
    own_out: list[
        dict[str, Any]
    ] = []  # the assistant's own windows: never to be read, so not in the truth's words
    all_words: list[str] = []
    partial_words: list[str] = []
    for win in reading:
        prog = programs[win.title]
        covers = [o.frame for o in wins if o.stack > win.stack]
        frame_clip = _intersect(win.frame, screen)
        if frame_clip is None:
            raise RuntimeError(f"{win.title!r} is off the screen")
        if prog.opaque and (frame_clip != win.frame or any(_intersect(win.frame, c) for c in covers)):
            raise RuntimeError(f"{win.title!r} ({prog.program}) must be fully in view")
        entry = win.as_json() | {"program": prog.program, "is_own": prog.own}
        t_box = (
            title_box(win, scene.theme, scene.title_size)
            if scene.wm == "openbox"
            else OTHER_WMS[scene.wm].title_box(win)
        )
        t_vis = visibility(t_box, frame_clip, covers)
        entry["title_visible"] = t_vis == "yes"
        words: list[str] = win.title.split() if t_vis == "yes" else []
        if t_vis == "partial":
            partial_words += win.title.split()
        client_clip = _intersect(win.client, screen)
        assert client_clip is not None
        complete: list[Item] = []
        shown: list[Item] = []
        for it in items[win.title]:
            kept = []
            for word, box in it["words"]:
                v = (
                    "yes"
                    if box is None
                    else visibility((box[0], box[1], box[2], box[3]), client_clip, covers)
                )
                if v == "yes":
                    kept.append([word, box])
                elif v == "partial":
                    partial_words.append(word)
            if kept:
                shown.append({**it, "words": kept})
                words += [w for w, _ in kept]
            if kept and len(kept) == len(it["words"]):
                complete.append(it)
        entry["words"] = words
        entry["buttons"] = [it["text"] for it in complete if it["role"] == "button"]
        entry["tables"] = prog.tables(complete)
        entry["items"] = [
            {k: v for k, v in it.items() if k != "words"} | {"boxes": [b for _, b in it["words"]]}
            for it in shown
        ]
        if prog.own:
            own_out.append(entry)
            continue
        windows_out.append(entry)
        all_words += words
    order = check_order(scene, windows_out)
    titles = [w["title"] for w in windows_out if w["title_visible"]]
    return {
        "id": scene.id,
        "kind": "screen",
        "category": scene.category,
        "resolution": list(scene.size),
        "description": scene.description,
        "split": split_of(SCENES)[scene.id],
        "theme": scene.theme,
        "words": all_words,
        "words_partial": partial_words,
        "window_titles": titles,
        "order": order,
        "tables": [t for w in windows_out for t in w["tables"]],
        "buttons": [b for w in windows_out for b in w["buttons"]],
        "stacking": [w.title for w in wins],
        "active": next((w.title for w in wins if w.active), None),
        "own_windows": [w["title"] for w in own_out],
        "words_own": [word for w in own_out for word in w["words"]],
        "windows": windows_out + own_out,
        "captured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def check_order(scene: Scene, windows_out: list[dict[str, Any]]) -> list[str]:
    """Each phrase must be in view exactly once, and the phrases' windows must follow the
    reading order (active window first, then down the stack)."""
    screen_tokens = [t for w in windows_out for t in tokens(" ".join(w["words"]))]
    last_window = 0
    for phrase in scene.order:
        key = tokens(phrase)
        hits = [i for i in range(len(screen_tokens)) if screen_tokens[i : i + len(key)] == key]
        if len(hits) != 1:
            raise RuntimeError(f"{scene.id}: order phrase {phrase!r} is in view {len(hits)} times")
        where = next(
            i for i, w in enumerate(windows_out) if " ".join(key) in " ".join(tokens(" ".join(w["words"])))
        )
        if where < last_window:
            raise RuntimeError(f"{scene.id}: {phrase!r} is in an earlier window than the phrase before it")
        last_window = where
    return list(scene.order)


def dumps(truth: dict[str, Any]) -> str:
    """Indented JSON with each box ([x, y, w, h]) on one line."""
    text = json.dumps(truth, indent=1, ensure_ascii=False)
    return re.sub(r"\[\s+(-?\d+),\s+(-?\d+),\s+(-?\d+),\s+(-?\d+)\s+\]", r"[\1, \2, \3, \4]", text) + "\n"


def save_png(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, optimize=True)
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o2", str(path)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="scene ids (default: all)")
    parser.add_argument("--list", action="store_true", help="list the scenes and their halves")
    parser.add_argument(
        "--added",
        action="store_true",
        help="only the scenes added after the first 56 (those with a half of their own)",
    )
    parser.add_argument("--keep-going", action="store_true", help="report a failed scene and go on")
    parser.add_argument(
        "--out", type=Path, default=HERE, help="write png/ and truth/ under this folder (default: here)"
    )
    args = parser.parse_args()
    split = split_of(SCENES)
    if args.list:
        for sc in SCENES:
            print(
                f"{sc.id:28s} {sc.category:12s} {sc.size[0]}x{sc.size[1]}  {split[sc.id]}  {sc.description}"
            )
        return
    chosen = [sc for sc in SCENES if (not args.only or sc.id in args.only) and (not args.added or sc.half)]
    if args.only and len(chosen) != len(args.only):
        raise SystemExit(f"unknown scene ids: {set(args.only) - {sc.id for sc in chosen}}")
    png_dir, truth_dir = args.out / "png", args.out / "truth"
    truth_dir.mkdir(parents=True, exist_ok=True)
    failed = []
    for sc in chosen:
        t0 = time.monotonic()
        try:
            img, truth = run_scene(sc)
        except Exception as exc:
            if not args.keep_going:
                raise
            failed.append(sc.id)
            print(f"FAILED {sc.id}: {exc}", flush=True)
            continue
        truth["image"] = f"png/{sc.id}.png"
        save_png(img, png_dir / f"{sc.id}.png")
        (truth_dir / f"{sc.id}.json").write_text(dumps(truth), encoding="utf-8")
        print(
            f"{sc.id:28s} {len(truth['words']):4d} words  {len(truth['windows'])} windows  "
            f"{len(truth['tables'])} tables  {len(truth['buttons'])} buttons  {time.monotonic() - t0:.1f}s",
            flush=True,
        )
    if failed:
        raise SystemExit(f"failed: {' '.join(failed)}")


if __name__ == "__main__":
    main()
