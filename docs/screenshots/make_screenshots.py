"""Take the app's screenshots under Xvfb: tray menu, drop window, history, settings, explore mode.

    .venv/bin/python docs/screenshots/make_screenshots.py [--out docs/screenshots] [--model DIR]

Starts its own Xvfb (1280x800), openbox (window frames), trayer (the tray host) and the real app
(`python -m assistant run --speech silent`, the shipped model unless --model is given), fills the
history with real descriptions of pictures it renders itself, then opens each window and crops it.
Needs the apt packages xvfb, openbox, trayer and xdotool (see .ci/apt-packages.txt).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "app"))

from PIL import Image, ImageDraw, ImageGrab  # noqa: E402

from tests.support.processes import stop_process  # noqa: E402
from tests.support.xvfb import XvfbServer  # noqa: E402


def render_pictures(folder: Path) -> list[Path]:
    """Two simple pictures drawn here (never photos from the data set)."""
    beach = Image.new("RGB", (640, 480), (120, 180, 235))
    draw = ImageDraw.Draw(beach)
    draw.rectangle((0, 300, 640, 480), fill=(230, 210, 160))
    draw.rectangle((0, 260, 640, 300), fill=(40, 90, 170))
    draw.ellipse((500, 40, 580, 120), fill=(250, 230, 90))
    field = Image.new("RGB", (640, 480), (90, 160, 70))
    draw = ImageDraw.Draw(field)
    draw.rectangle((0, 0, 640, 200), fill=(170, 200, 240))
    draw.ellipse((260, 220, 380, 300), fill=(120, 80, 40))
    draw.rectangle((300, 280, 310, 330), fill=(120, 80, 40))
    paths = [folder / "beach.png", folder / "field.png"]
    beach.save(paths[0])
    field.save(paths[1])
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    options = parser.parse_args()
    for tool in ("Xvfb", "openbox", "trayer", "xdotool"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing (apt-get install {tool.lower()})", file=sys.stderr)
            return 2
    from app_x11kit import app_env, app_started

    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, XvfbServer(1280, 800) as xvfb:
        base = Path(tmp)
        config = base / "config"
        config.mkdir()
        settings: dict[str, Any] = {"device": "cpu"}
        if options.model:
            settings["model_dir"] = str(options.model.resolve())
        (config / "settings.json").write_text(json.dumps(settings))
        env = app_env(xvfb.display, config, base / "data")
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        command = [sys.executable, "-m", "assistant", "run", "--speech", "silent"]
        with app_started(command, env, config, timeout=180):
            take_shots(options.out, xvfb, config, base, env)
        stop_process(wm)
    return 0


def take_shots(out: Path, xvfb: XvfbServer, config: Path, base: Path, env: dict[str, str]) -> None:
    """Describe the pictures, then open each window and crop it into ``out``."""
    from app_x11kit import send, status, tray_icon, wait_for, x_windows

    def xdo(*args: str) -> None:
        subprocess.run(["xdotool", *args], env=env, check=True, timeout=20)

    def frame_of(name: str) -> dict[str, Any]:
        windows = x_windows(xvfb.display)
        by_id = {w["id"]: w for w in windows}
        client = next(w for w in windows if w["name"] == name and "assistant" in w["class"] and w["mapped"])
        top = by_id.get(client["ancestors"][1]) if len(client["ancestors"]) > 1 else None
        return top or client

    def shot(region: dict[str, Any], name: str, pad: int = 0) -> None:
        time.sleep(0.6)  # let the window paint
        image = ImageGrab.grab(xdisplay=xvfb.display)
        box = (
            max(0, region["x"] - pad),
            max(0, region["y"] - pad),
            min(image.width, region["x"] + region["width"] + pad),
            min(image.height, region["y"] + region["height"] + pad),
        )
        path = out / name
        image.crop(box).convert("P", palette=Image.Palette.ADAPTIVE, colors=128).save(path, optimize=True)
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size // 1024} KiB)")

    def is_menu(w: dict[str, Any]) -> bool:
        return "assistant" in w["class"] and w["mapped"] and w["override"] and w["height"] > 150

    dialog = REPO / "datasets" / "screens" / "png" / "dlg-tk-save-changes.png"  # a real Tk dialog
    for picture in [*render_pictures(base), dialog]:
        before = status(config)["described"]  # type: ignore[index]
        send(config, "describe-file", {"path": str(picture)})
        wait_for(lambda b=before: status(config)["described"] > b, 120, "a description")  # type: ignore[index]
    # Tray menu
    icon = wait_for(lambda: tray_icon(xvfb.display), 20, "the tray icon")
    xdo("mousemove", str(icon["x"] + icon["width"] // 2), str(icon["y"] + icon["height"] // 2), "click", "3")
    menu = wait_for(lambda: next((w for w in x_windows(xvfb.display) if is_menu(w)), None), 10, "the menu")
    xdo("key", "Down")
    region = {"x": menu["x"], "y": 0, "width": 1280 - menu["x"], "height": menu["y"] + menu["height"]}
    shot(region, "tray-menu.png", pad=4)
    xdo("key", "Escape")
    for command, window, name in (
        ("show", "Assistant", "drop-window.png"),  # the main window
        ("history", "History", "history.png"),
        ("settings", "Settings", "settings.png"),
        ("explore", "Explore", "explore.png"),  # on the last description: the dialog
    ):
        send(config, command)
        shot(frame_of(window), name)


if __name__ == "__main__":
    sys.exit(main())
