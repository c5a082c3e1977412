"""``assistant doctor``: one line per subsystem, for bug reports and for choosing settings.

Every probe is guarded (timeouts, ``try``/``except``) and cheap: X11 and mss are tried in a
subprocess so a wedged display server cannot hang the report, and nothing is spoken or played.
A failing probe prints its error on its own line; doctor itself always exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from assistant import __version__

_PROBE_TIMEOUT = 8.0

_MSS_PROBE = """
import mss
with mss.mss() as s:
    mons = s.monitors[1:]
    shot = s.grab({"left": mons[0]["left"], "top": mons[0]["top"], "width": 1, "height": 1})
    print(len(mons), " ".join(f"{m['width']}x{m['height']}" for m in mons))
"""


def _python_probe(code: str, timeout: float = _PROBE_TIMEOUT) -> tuple[bool, str]:
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout:.0f} s"
    except OSError as exc:
        return False, str(exc)
    if result.returncode == 0:
        return True, result.stdout.strip()
    lines = (result.stderr or result.stdout).strip().splitlines()
    return False, lines[-1] if lines else f"exit {result.returncode}"


def probe_display() -> str:
    wayland = os.environ.get("WAYLAND_DISPLAY")
    display = os.environ.get("DISPLAY")
    if sys.platform in ("win32", "darwin"):
        where = sys.platform
    elif display:
        where = f"X11 DISPLAY={display}" + (f" (Wayland {wayland}, XWayland)" if wayland else "")
    elif wayland:
        where = f"Wayland {wayland} without XWayland"
    else:
        return "none (no DISPLAY or WAYLAND_DISPLAY): describe images or use --wav; screen capture is off"
    ok, detail = _python_probe(_MSS_PROBE)
    if ok:
        count, _, sizes = detail.partition(" ")
        return f"{where}; mss capture works ({count} monitor(s): {sizes})"
    return f"{where}; mss capture fails: {detail}"


def probe_hotkeys() -> str:
    try:
        from assistant.hotkeys import pick_backend
    except Exception:  # the hotkeys package may be absent in a partial install
        name, reason = ("pynput", "X11") if os.environ.get("DISPLAY") else ("none", "no display")
    else:
        name, reason = pick_backend("auto")
    if name == "pynput":
        ok, detail = _python_probe("import pynput.keyboard; print(pynput.keyboard.Listener.__module__)")
        return f"pynput ({reason}; " + (f"backend {detail})" if ok else f"import fails: {detail})")
    if name == "keyboard":
        ok = importlib.util.find_spec("keyboard") is not None
        return f"keyboard ({reason}; " + ("importable)" if ok else "not installed)")
    return f"none ({reason})"


def probe_audio() -> str:
    from assistant.speech.audio import audio_output_summary

    return audio_output_summary()


def probe_speech() -> list[tuple[str, str]]:
    """The screen reader found, the route the app and the command line would take, and the voice
    used when no screen reader runs (issue #17: doctor names the route and why)."""
    from assistant.speech.factory import direct_choice, probe_backends
    from assistant.speech.routes import choose_route
    from assistant.speech.screenreader import detect_screen_reader, find_nvda_controller

    info = detect_screen_reader()
    probes = probe_backends(screen_reader=info)
    found = ", ".join(f"{p.name}{'' if p.available else ' (no)'}" for p in probes)
    details = "; ".join(f"{p.name}: {p.detail}" for p in probes if p.name not in ("silent", "screenreader"))
    nvda = find_nvda_controller() is not None
    app = choose_route(info, have_announcer=True, nvda_controller=nvda)
    cli = choose_route(info, have_announcer=False, nvda_controller=nvda)
    route = f"app: {app.describe()}; stop: {app.route.stop}"
    if app.route.name == "speechd-shared" and not os.environ.get("DISPLAY"):
        route += " (no X display here: only the stop hotkey stops a description)"
    if cli != app:
        route += f" — command line: {cli.describe()}"
    direct = direct_choice(probes)
    return [
        ("speech backends", f"{found} — {details}"),
        ("screen reader", info.summary()),
        ("speech route", route),
        ("speech without one", f"direct, with {direct} (re-checked every 3 s while the app runs)"),
    ]


def probe_model() -> str:
    from assistant.paths import default_model_dir

    folder = default_model_dir()
    if not folder.is_dir():
        return f"missing: {folder}"
    files = [p for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    weights = [p.name for p in files if p.suffix in (".safetensors", ".onnx", ".pt")]
    return f"{folder} ({len(files)} files, {size / 1e6:.1f} MB; weights: {', '.join(weights) or 'none'})"


def probe_caption_choice() -> str:
    """Which models choose among the beam's captions: the image-text fit and the caption memory."""
    import json

    from assistant.paths import default_model_dir
    from assistant.vision.matching.caption_memory import default_memory_dir, load_caption_memory
    from assistant.vision.matching.contrastive import default_contrastive_dir, load_caption_matcher

    try:
        encoder = json.loads((default_model_dir() / "config.json").read_text(encoding="utf-8"))["encoder"]
    except (OSError, ValueError, KeyError, TypeError):
        return "off (no readable captioner)"
    matcher = load_caption_matcher(None, encoder)
    memory = load_caption_memory(None, encoder)
    fit = "on" if matcher is not None else f"off ({_absent_or_other(default_contrastive_dir())})"
    if memory is not None:
        vote = f"on ({len(memory.captions)} photos, {memory.config.neighbours} neighbours)"
    else:
        vote = f"off ({_absent_or_other(default_memory_dir())})"
    return f"image-text fit {fit}; consensus of similar photos {vote}"


def _absent_or_other(folder: Path) -> str:
    return "damaged or made for another encoder" if folder.is_dir() else f"missing: {folder}"


def probe_device() -> str:
    from assistant.extras import has_module, install_hint

    if not has_module("torch"):  # the slim install (issue #19): onnxruntime only
        try:
            from assistant.privacy import import_onnxruntime

            version = f" {import_onnxruntime().__version__}"
        except ImportError:
            version = " (not importable)"
        return (
            f"cpu ({os.cpu_count()} cores) through onnxruntime{version}, no torch; to caption on an NVIDIA "
            f"GPU (--device cuda): {install_hint('gpu')}"
        )
    try:
        import torch
    except Exception as exc:
        return f"torch not importable: {exc}"
    if torch.cuda.is_available():
        return f"cuda ({torch.cuda.get_device_name(0)}), torch {torch.__version__}"
    threads = torch.get_num_threads()
    return f"cpu ({os.cpu_count()} cores, {threads} torch threads), torch {torch.__version__}"


def probe_ocr() -> str:
    parts = []
    from assistant.ocr.ppocr_models import find_model_files

    models = find_model_files()  # the PP-OCR models the "rapidocr" reader runs (no RapidOCR import)
    parts.append(f"rapidocr models in {models.detector.parent}" if models else "rapidocr models missing")
    tesseract = shutil.which("tesseract")
    if tesseract:
        try:
            out = subprocess.run(
                [tesseract, "--version"], capture_output=True, text=True, timeout=5, check=False
            )
            first = (out.stdout or out.stderr).splitlines()[0] if (out.stdout or out.stderr) else "tesseract"
        except (OSError, subprocess.TimeoutExpired, IndexError):
            first = "tesseract (version unknown)"
        parts.append(f"{first.strip()} at {tesseract}")
        from assistant.ocr.tess_api import in_process_available, library_version

        if in_process_available():
            parts.append(f"read in this process by {library_version()}")
    else:
        parts.append("tesseract not on PATH")
    return "; ".join(parts)


def _line(label: str, probe: Callable[[], str]) -> tuple[str, str]:
    try:
        return label, probe()
    except Exception as exc:  # a probe bug must not hide the other lines
        return label, f"probe failed: {type(exc).__name__}: {exc}"


def collect() -> list[tuple[str, str]]:
    """All (label, finding) pairs, in the order printed."""
    lines = [
        ("assistant", f"{__version__}, Python {platform.python_version()}, {platform.platform()}"),
        _line("display/capture", probe_display),
        _line("hotkeys", probe_hotkeys),
        _line("audio output", probe_audio),
    ]
    try:
        lines.extend(probe_speech())
    except Exception as exc:
        lines.append(("speech", f"probe failed: {type(exc).__name__}: {exc}"))
    lines += [
        _line("model", probe_model),
        _line("caption choice", probe_caption_choice),
        _line("device", probe_device),
        _line("ocr", probe_ocr),
    ]
    return lines


def doctor_main(args: argparse.Namespace | None = None) -> int:
    """Print one line per subsystem; always returns 0 (doctor reports, it does not judge)."""
    rows = collect()
    width = max(len(label) for label, _ in rows)
    for label, finding in rows:
        print(f"{label + ':':<{width + 1}} {finding}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(doctor_main())
