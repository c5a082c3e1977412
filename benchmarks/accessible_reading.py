"""Real GTK windows read from their accessibility tree (AT-SPI) against OCR: words and time.

    .venv/bin/python benchmarks/accessible_reading.py            # every window, 3 runs each
    .venv/bin/python benchmarks/accessible_reading.py --runs 1 --details

Starts its own desktop (Xvfb, openbox, a private D-Bus session with its AT-SPI bus; the same
helpers the tests use), opens each window below with zenity or yad, makes it active, grabs it as
*describe window* does, and describes the grab twice: with the AT-SPI reader (the Describer's
default on Linux) and with no accessibility reader (OCR only, the engine the Describer picks).
The truth is what each program was given on its command line (message, labels, field contents,
list cells, button labels), never OCR; the title is left out (both paths say it from the window
manager). Words are compared as datasets/screens/words.py says, as multisets.

Measures per path: word recall pooled over the windows; text time per window, median over the
runs (``timings['ocr']``: the tree walk on the AT-SPI path, OCR on the other); whether the window
was read from its tree at all. Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "datasets" / "screens"))

from words import tokens  # noqa: E402  (datasets/screens/words.py)


@dataclass(frozen=True)
class Window:
    name: str
    title: str
    argv: tuple[str, ...]
    truth: str  # every word the window shows but its title


WINDOWS = (
    Window("zenity-question", "Save Changes",
           ("zenity", "--question", "--title", "Save Changes", "--text",
            "Save changes to the document before closing?", "--ok-label", "Save", "--cancel-label", "Cancel"),
           "Save changes to the document before closing? Cancel Save"),
    Window("zenity-info", "Backup finished",
           ("zenity", "--info", "--title", "Backup finished", "--width", "420", "--text",
            "The backup of 1,248 files (3.2 GB) finished at 14:30. The next backup runs on Friday."),
           "The backup of 1,248 files (3.2 GB) finished at 14:30. The next backup runs on Friday. OK"),
    Window("zenity-warning", "Low battery",
           ("zenity", "--warning", "--title", "Low battery", "--text",
            "Battery at 7 percent. Plug in the charger within ten minutes."),
           "Battery at 7 percent. Plug in the charger within ten minutes. OK"),
    Window("zenity-entry", "New folder",
           ("zenity", "--entry", "--title", "New folder", "--text", "Name of the new folder:",
            "--entry-text", "Holiday photos 2024"),
           "Name of the new folder: Holiday photos 2024 Cancel OK"),
    Window("zenity-list", "Departures",
           ("zenity", "--list", "--title", "Departures", "--width", "520", "--height", "300",
            "--text", "Trains from Leeds", "--column", "Time", "--column", "Destination",
            "--column", "Platform",
            "09:15", "York", "4", "09:42", "Manchester Piccadilly", "12", "10:05", "Edinburgh", "8"),
           "Trains from Leeds Time Destination Platform 09:15 York 4 09:42 Manchester Piccadilly 12 "
           "10:05 Edinburgh 8 Cancel OK"),
    Window("yad-form", "Sign up",
           ("yad", "--form", "--title", "Sign up", "--width", "420", "--text", "Join the reading club",
            "--field", "Email", "--field", "Subscribe to news:CHK", "ada@example.org", "TRUE",
            "--button", "Cancel:1", "--button", "Join:0"),
           "Join the reading club Email ada@example.org Subscribe to news Cancel Join"),
    Window("zenity-error", "Printer",
           ("zenity", "--error", "--title", "Printer", "--text",
            "The printer Office-2 is out of paper. Load paper in tray 1 and press Retry."),
           "The printer Office-2 is out of paper. Load paper in tray 1 and press Retry. OK"),
)  # fmt: skip


def recall(truth: str, said: str) -> tuple[int, int]:
    want, got = Counter(tokens(truth)), Counter(tokens(said))
    return sum(min(n, got[w]) for w, n in want.items()), sum(want.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--details", action="store_true", help="print what each path said")
    parser.add_argument(
        "--screens", action="store_true", help="replay the GTK scenes of datasets/screens live instead"
    )
    args = parser.parse_args()
    if args.screens:
        return screens(args.details)
    for program in ("openbox", "zenity", "yad", "xdotool"):
        if shutil.which(program) is None:
            print(f"needs {program} (apt-get install {program})", file=sys.stderr)
            return 2
    from tests.speech.atspi_session import AtspiSession
    from tests.support.xvfb import XvfbServer

    with XvfbServer() as xvfb, AtspiSession(xvfb.display) as session:
        return run(xvfb.display, session, args.runs, args.details)


def run(display: str, session: object, runs: int, details: bool) -> int:
    import os

    from assistant.capture.accessibility import NoAccessibleText
    from assistant.capture.atspi import AtspiText
    from assistant.capture.screen import create_screen_source
    from assistant.describe import Describer, DescriberOptions

    env = session.env()  # type: ignore[attr-defined]
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = env["DBUS_SESSION_BUS_ADDRESS"]
    wm = subprocess.Popen(["openbox", "--sm-disable"], env=env, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    source = create_screen_source(display)
    reader = AtspiText()
    rows = []
    try:
        for window in WINDOWS:
            proc = subprocess.Popen(
                window.argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                grab = _grab_when_ready(source, reader, window.title)
                row: dict[str, object] = {"window": window.name}
                for path, accessible in (("atspi", reader), ("ocr", NoAccessibleText())):
                    times, text, told = [], "", False
                    for _ in range(runs):  # a fresh Describer: no OCR result kept from the last run
                        describer = Describer(DescriberOptions(verbosity="full"), accessible=accessible)
                        d = describer.describe(grab)
                        times.append(d.timings.get("ocr", float("nan")))
                        text = d.text
                        told = path == "atspi" and _told(reader, grab)
                    found, total = recall(window.truth, text)
                    row[path] = {
                        "found": found,
                        "total": total,
                        "ms": statistics.median(times),
                        "told": told,
                        "text": text,
                    }
                rows.append(row)
            finally:
                proc.terminate()
                proc.wait(timeout=10)
    finally:
        reader.close()
        source.close()
        wm.terminate()
        wm.wait(timeout=10)
    report(rows, details)
    return 0


def _told(reader: object, grab: object) -> bool:
    """Whether the grab's window was read from its tree (it has one, and it tells enough)."""
    from assistant.understand.accessible import read_tree, worth_reading

    active = grab.windows.active  # type: ignore[attr-defined]
    tree = reader.window_tree(active)  # type: ignore[attr-defined]
    return tree is not None and worth_reading(tree, read_tree(tree), active.client or active.rect)


def _grab_when_ready(source: object, reader: object, title: str, timeout: float = 20.0) -> object:
    """The window's grab once it is shown, active, and (for GTK) its tree is on the bus."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stack = source.window_stack()  # type: ignore[attr-defined]
        active = stack.active if stack is not None else None
        if active is not None and active.title == title and reader.window_tree(active) is not None:  # type: ignore[attr-defined]
            time.sleep(0.3)  # let it finish drawing
            return source.grab_active_window()  # type: ignore[attr-defined]
        time.sleep(0.1)
    raise SystemExit(f"{title!r} never became active with an accessible tree")


def report(rows: list[dict[str, object]], details: bool) -> None:
    print(f"{'window':18} {'AT-SPI recall':>14} {'ms':>7} {'OCR recall':>11} {'ms':>7}")
    totals = {p: [0, 0] for p in ("atspi", "ocr")}
    times: dict[str, list[float]] = {p: [] for p in ("atspi", "ocr")}
    for row in rows:
        cells = []
        for path in ("atspi", "ocr"):
            r = row[path]
            assert isinstance(r, dict)
            totals[path][0] += r["found"]
            totals[path][1] += r["total"]
            times[path].append(r["ms"])
            mark = "" if path == "ocr" or r["told"] else "*"
            cells.append(f"{r['found'] / r['total']:>13.3f}{mark or ' '} {r['ms']:>7.0f}")
        print(f"{row['window']:18} {cells[0]} {cells[1]}")
        if details:
            for path in ("atspi", "ocr"):
                print(f"    {path}: {row[path]['text']}")  # type: ignore[index]
    summary = {
        path: {
            "recall": round(totals[path][0] / max(1, totals[path][1]), 4),
            "text_ms_median": round(statistics.median(times[path]), 1),
        }
        for path in totals
    }
    print(f"{'all':18} {summary['atspi']['recall']:>14.3f} {summary['atspi']['text_ms_median']:>7.0f} "
          f"{summary['ocr']['recall']:>11.3f} {summary['ocr']['text_ms_median']:>7.0f}")  # fmt: skip
    print("(* not read from its tree: OCR was used)")
    print(json.dumps({"benchmark": "accessible_reading", "windows": len(rows), **summary}))


# ---- the GTK scenes of datasets/screens, replayed live ---------------------------------------------
def screens(details: bool) -> int:
    """Each scene of datasets/screens with a zenity or yad window, run again as its build runs it
    (same programs, places, theme) but with an AT-SPI bus (and Qt's accessibility on, as a screen
    reader turns it on), grabbed as *describe screen* does, and
    described with OCR only and with the AT-SPI reader; scored by benchmarks/screen_reading.py's
    own measures against the scene's saved truth."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from scenes import SCENES, split_of
    from screen_reading import Summary, score

    split = split_of(SCENES)
    chosen = [sc for sc in SCENES if any(getattr(p, "name", "") in ("zenity", "yad") for p in sc.windows)]
    summaries: dict[tuple[str, str], Summary] = {}
    for scene in chosen:
        truth = json.loads((REPO / "datasets" / "screens" / "truth" / f"{scene.id}.json").read_text())
        for path, reading in live_readings(scene).items():
            result = score(truth, reading)
            summaries.setdefault((split[scene.id], path), Summary()).screens.append(result)
            told = "" if path == "ocr" else f" told {reading.told}"  # type: ignore[attr-defined]
            words, buttons = f"{result.words_found}/{result.words_total}", "/".join(map(str, result.buttons))
            print(f"{scene.id:24} {split[scene.id]} {path:5} recall {words} buttons {buttons}"
                  f" text {result.ocr_ms:.0f} ms{told}")  # fmt: skip
            if details:
                print(f"    {reading.text}")
    figures = {f"{half}-{path}": s.figures() for (half, path), s in sorted(summaries.items())}
    for key, fig in figures.items():
        print(f"{key:8} recall {fig['recall']:.3f}  buttons {fig['buttons']:.3f}  "
              f"reading order {fig['reading_order']}  text ms median {fig['ocr_ms_median']}")  # fmt: skip
    print(json.dumps({"benchmark": "accessible_reading_screens", **figures}))
    return 0


def live_readings(scene: Any) -> dict[str, Any]:
    """The scene on a live desktop with an AT-SPI bus: what OCR alone and the AT-SPI reader say."""
    import os

    from capture import place_windows
    from screen_reading import Reading
    from xsession import XSession

    from assistant.capture.accessibility import NoAccessibleText
    from assistant.capture.atspi import AtspiText
    from assistant.capture.screen import create_screen_source
    from assistant.describe import Describer, DescriberOptions
    from tests.speech.atspi_session import AtspiSession

    class A11ySession(XSession):  # the build's session, with the accessibility bridge on
        bus = ""

        def env(self, **extra: str) -> dict[str, str]:
            env = super().env(**extra)
            if self.bus:
                env.update(
                    DBUS_SESSION_BUS_ADDRESS=self.bus, NO_AT_BRIDGE="0", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1"
                )
            return env

    width, height = scene.size
    x = A11ySession(
        width, height, scene.theme, scene.background, title_size=scene.title_size, wm=scene.wm
    ).start()
    atspi = AtspiSession(x.display).start()
    x.bus = os.environ["DBUS_SESSION_BUS_ADDRESS"] = atspi.address
    reader = AtspiText()
    try:
        place_windows(scene, x)
        source = create_screen_source(x.display)
        gtk = [p.title for p in scene.windows if getattr(p, "name", "") in ("zenity", "yad")]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # each GTK window's tree on the bus
            stack = source.window_stack()
            wins = [w for w in stack.windows if w.title in gtk] if stack else []
            if len(wins) == len(gtk) and all(reader.window_tree(w) is not None for w in wins):
                break
            time.sleep(0.2)
        time.sleep(1.5)
        grab = source.grab_screen(1)
        out = {}
        for path, accessible in (("ocr", NoAccessibleText()), ("atspi", reader)):
            d = Describer(DescriberOptions(verbosity="full"), accessible=accessible).describe(grab)
            out[path] = Reading(text=d.text, ocr_ms=float(d.timings.get("ocr", float("nan"))), kind=d.kind)
        out["atspi"].told = sum(_told(reader, _only(grab, t)) for t in gtk)  # type: ignore[attr-defined]
        source.close()
        return out
    finally:
        reader.close()
        for p in scene.windows:
            p.close()
        atspi.stop()
        x.close()


def _only(grab: Any, title: str) -> Any:
    """The grab as if ``title`` were its active window (for :func:`_told`)."""
    from dataclasses import replace

    from assistant.capture.window_stack import WindowStack

    wins = tuple(replace(w, active=w.title == title) for w in grab.windows.windows)
    return replace(grab, windows=WindowStack(wins))


if __name__ == "__main__":
    raise SystemExit(main())
