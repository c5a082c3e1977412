"""Fuzz what a hostile or unlucky user can hand the assistant: images, settings files, IPC messages.

Issue #18's acceptance run: at least 10,000 seeded random and mutated cases; no traceback, no case over
30 s, peak RSS under 1 GB, and the running app answers ``trigger status`` afterwards. Not a test (it
takes minutes); prints figures and one JSON line. Exit status 0 when every criterion held.

- images: mutated PNG/JPEG/GIF/BMP/TIFF/WebP/ICO/PPM files (bit flips, truncation, spliced or random
  bytes, huge declared sizes, text-chunk bombs) and random bytes, through ``load_image_bytes`` and, for
  one in eight, ``load_image`` on a file; a sample of the decodable ones through the whole ``Describer``
  (classification, OCR, the captioner). Allowed outcomes: an RGB picture or an ``ImageLoadError``.
- settings: random, mutated, deep, huge and ill-typed ``settings.json`` files through ``load_settings``,
  and the same bytes as the history file the app reads at start; neither may raise.
- ipc: random lines, deep or huge JSON, bad arguments, unknown commands, silent and half-sent
  connections, a flood, sent to the real tray app (``run_app``, real describer, WAV speech) under Xvfb.

Each family runs in its own worker process; a worker that does not answer a case within 30 s is
killed and the case counted as a hang. Usage: ``python scripts/fuzz_inputs.py [--seed 18] [--images
6000] [--settings 2500] [--ipc 2500] [--describe 60]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import select
import socket
import struct
import subprocess
import sys
import tempfile
import time
import traceback
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CASE_TIMEOUT_S = 30.0
RSS_LIMIT_MB = 1024.0


# -- images --------------------------------------------------------------------------------------
def seed_images() -> list[bytes]:
    """Small valid files of every format the loader meets, made here."""
    from PIL import Image, ImageDraw, PngImagePlugin

    scene = Image.new("RGB", (64, 48), (230, 230, 220))
    draw = ImageDraw.Draw(scene)
    draw.rectangle((4, 4, 30, 30), fill=(200, 30, 30))
    draw.ellipse((30, 10, 60, 40), fill=(30, 60, 200))
    draw.text((4, 34), "Hi 42", fill=(0, 0, 0))
    files: list[bytes] = []

    def add(image: Any, fmt: str, **options: Any) -> None:
        buffer = io.BytesIO()
        image.save(buffer, fmt, **options)
        files.append(buffer.getvalue())

    add(scene, "PNG")
    add(scene, "JPEG", quality=80)
    exif = Image.Exif()
    exif[0x0112] = 6
    add(scene, "JPEG", quality=80, exif=exif.tobytes())
    add(scene, "JPEG", quality=80, progressive=True)
    add(scene.convert("P", palette=Image.Palette.ADAPTIVE), "GIF")
    frames = [scene, scene.rotate(90)]
    add(frames[0], "GIF", save_all=True, append_images=frames[1:], loop=0)
    add(scene, "BMP")
    add(scene, "TIFF")
    add(scene, "WEBP")
    add(scene.resize((32, 32)), "ICO")
    add(scene, "PPM")
    add(scene.convert("RGBA"), "PNG")
    add(scene.convert("I;16"), "PNG")
    add(scene.convert("CMYK"), "JPEG")
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "x" * 2000, zip=True)
    add(scene, "PNG", pnginfo=info)
    return files


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def mutate_image(rng: random.Random, seeds: list[bytes]) -> tuple[str, bytes]:
    """One fuzz case: (kind of mutation, bytes)."""
    data = bytearray(rng.choice(seeds))
    kind = rng.choice(
        ["flip", "flip", "truncate", "overwrite", "insert", "splice", "huge", "random", "signature", "bomb"]
    )
    if kind == "flip":
        for _ in range(rng.randint(1, 24)):
            position = rng.randrange(len(data))
            data[position] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        data = data[: rng.randrange(len(data))]
    elif kind == "overwrite":
        start = rng.randrange(len(data))
        span = rng.randint(1, 64)
        data[start : start + span] = rng.randbytes(span)
    elif kind == "insert":
        start = rng.randrange(len(data))
        data[start:start] = rng.randbytes(rng.randint(1, 256))
    elif kind == "splice":
        other = rng.choice(seeds)
        cut = rng.randrange(len(data))
        data = data[:cut] + other[rng.randrange(len(other)) :]
    elif kind == "huge":  # a header claiming an enormous picture
        value = rng.choice([0, 1, 65535, 65536, 2**31 - 1, 2**32 - 1, rng.randrange(2**32)])
        for offset in rng.sample(range(min(len(data) - 4, 64)), 2):
            data[offset : offset + 4] = struct.pack(">I", value)
    elif kind == "random":
        data = bytearray(rng.randbytes(rng.randint(0, 4096)))
    elif kind == "signature":
        prefix = rng.choice([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"BM", b"II*\x00", b"RIFF"])
        data = bytearray(prefix + rng.randbytes(rng.randint(0, 2048)))
    else:  # a PNG whose declared size or text chunk is a bomb
        width, height = rng.choice([(60000, 60000), (1, 10**9 // 3), (2**31 - 1, 1), (9460, 9460)])
        ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        body = zlib.compress(b"\x00" * rng.randint(1, 4096))
        chunks = [_png_chunk(b"IHDR", ihdr), _png_chunk(b"IDAT", body)]
        if rng.random() < 0.5:
            bomb = b"Comment\x00\x00" + zlib.compress(b"A" * (2 * 1024 * 1024), 9)
            chunks.insert(1, _png_chunk(b"zTXt", bomb))
        data = bytearray(b"\x89PNG\r\n\x1a\n" + b"".join(chunks) + _png_chunk(b"IEND", b""))
    return kind, bytes(data)


class ImageWorker:
    """Runs image cases in this (worker) process; ``describer`` is made on first need."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.seeds = seed_images()
        self.folder = Path(tempfile.mkdtemp(prefix="fuzz-images-"))
        self.describer: Any = None

    def run(self, case: int, full: bool) -> dict[str, Any]:
        from assistant.capture.image_loading import load_image, load_image_bytes
        from assistant.errors import AssistantError, ImageLoadError

        rng = random.Random(self.seed * 1_000_003 + case)
        kind, data = mutate_image(rng, self.seeds)
        result: dict[str, Any] = {"kind": kind}
        try:
            image = load_image_bytes(data)
            assert image.mode == "RGB" and image.width > 0, "not an RGB picture"
            result["outcome"] = "decoded"
        except ImageLoadError as error:
            result["outcome"] = "refused"
            result["message"] = str(error)
            image = None
        if case % 8 == 0:  # the same through a file, as `assistant describe` opens it
            path = self.folder / f"case{rng.choice(['.png', '.jpg', '.gif', '.bin'])}"
            path.write_bytes(data)
            with contextlib.suppress(ImageLoadError):
                load_image(path)
        if full and image is not None:
            from assistant.describe import Describer

            if self.describer is None:
                self.describer = Describer()
            try:
                description = self.describer.describe(image)
                result["described"] = bool(description.text)
            except AssistantError as error:  # a clear sentence is fine; a traceback is not
                result["described_error"] = str(error)
        return result


# -- settings ------------------------------------------------------------------------------------
def settings_case(rng: random.Random) -> bytes:
    from assistant.config import Settings

    good = Settings().to_json()
    kind = rng.randrange(9)
    if kind == 0:  # deep nesting
        depth = rng.choice([10, 33, 1000, 100_000])
        return ("[" * depth + "]" * rng.choice([0, depth])).encode()
    if kind == 1:
        return rng.randbytes(rng.randint(0, 2048))
    if kind == 2:  # valid JSON, values of random types
        values: list[Any] = [
            None,
            True,
            -1,
            10**30,
            1e308,
            "x" * 50,
            [],
            {},
            {"a": [1]},
            "ctrl+alt+",
            "\u0000",
        ]
        data = {key: rng.choice([*values, value]) for key, value in good.items()}
        if rng.random() < 0.5:
            data["hotkeys"] = {rng.choice(["stop", "show", "nope", ""]): rng.choice(values) for _ in range(3)}
        return json.dumps(data).encode()
    if kind == 3:  # truncated or mutated valid file
        text = bytearray(json.dumps(good, indent=2).encode())
        for _ in range(rng.randint(1, 10)):
            text[rng.randrange(len(text))] = rng.randrange(256)
        return bytes(text[: rng.randint(0, len(text))])
    if kind == 4:
        return rng.choice([b"NaN", b"Infinity", b"-Infinity", b"1" * 5000, b'"' + b"a" * 3_000_000 + b'"'])
    if kind == 5:
        return rng.choice([b"[]", b"null", b'"settings"', b"42", b"{}", b'{"version": 99}'])
    if kind == 6:  # keys repeated, unknown keys, unicode
        pairs = ", ".join(f'"{rng.choice(list(good))}": {rng.randint(-5, 5000)}' for _ in range(20))
        return ("{" + pairs + ', "ünïcødé": "\U0001f600"}').encode()
    if kind == 7:
        return json.dumps(
            {
                "hotkeys": {
                    "stop": "+".join(
                        rng.choices(["ctrl", "alt", "shift", "x", "", "f99", "é"], k=rng.randint(0, 8))
                    )
                }
            }
        ).encode()
    return b"\xef\xbb\xbf" + json.dumps(good).encode()  # a byte-order mark


def settings_worker_case(seed: int, case: int, folder: Path) -> dict[str, Any]:
    from assistant.app.history import HistoryStore
    from assistant.config import Settings, load_settings

    rng = random.Random(seed * 7_000_001 + case)
    data = settings_case(rng)
    (folder / "settings.json").write_bytes(data)
    settings, warnings = load_settings(folder)
    assert isinstance(settings, Settings)
    (folder / "history.json").write_bytes(data)  # the other JSON file read at the app's start
    HistoryStore(size=20, on_disk=True, path=folder / "history.json")
    return {"outcome": "defaults" if warnings else "read", "warnings": len(warnings)}


# -- worker protocol -----------------------------------------------------------------------------
def worker_main(family: str, seed: int) -> None:
    """Read ``CASE [full]`` lines, answer one JSON line each (a traceback is reported, not raised)."""
    images = ImageWorker(seed) if family == "images" else None
    folder = Path(tempfile.mkdtemp(prefix="fuzz-settings-"))
    for line in sys.stdin:
        parts = line.split()
        case, full = int(parts[0]), len(parts) > 1
        try:
            if images is not None:
                result = images.run(case, full)
            else:
                result = settings_worker_case(seed, case, folder)
        except BaseException as error:  # the finding: anything but the allowed outcomes
            result = {
                "outcome": "traceback",
                "error": repr(error)[:300],
                "trace": traceback.format_exc()[-1500:],
            }
        result["case"] = case
        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result), flush=True)


class Worker:
    """A worker child process; restarted after a hang."""

    def __init__(self, family: str, seed: int) -> None:
        self.family, self.seed = family, seed
        self.proc: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", self.family, "--seed", str(self.seed)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )

    def ask(self, case: int, full: bool) -> dict[str, Any]:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{case}{' full' if full else ''}\n")
        self.proc.stdin.flush()
        limit = CASE_TIMEOUT_S * (6 if full else 1)  # the first full case loads the model
        ready, _, _ = select.select([self.proc.stdout], [], [], limit)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            crashed = self.proc.poll() is not None
            self.stop()
            return {"case": case, "outcome": "crash" if crashed else "hang"}
        return dict(json.loads(line))

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(10)
            self.proc = None


def run_family(family: str, seed: int, count: int, describe: int = 0) -> dict[str, Any]:
    """``count`` cases in a worker; ``describe`` of the decodable image cases also go through the
    whole Describer (the first of them loads the model, so it is left out of the slowest case)."""
    worker = Worker(family, seed)
    outcomes: dict[str, int] = {}
    findings: list[dict[str, Any]] = []
    peak = 0.0
    slowest = 0.0
    described = 0
    started = time.perf_counter()
    try:
        for case in range(count):
            full = described < describe and case % 7 == 0
            t = time.perf_counter()
            result = worker.ask(case, full)
            through = "described" in result or "described_error" in result
            if not (through and described == 0):
                slowest = max(slowest, time.perf_counter() - t)
            described += through
            outcome = str(result.get("outcome"))
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            peak = max(peak, float(result.get("rss_mb", 0.0)))
            if outcome in ("traceback", "hang", "crash") or (
                "described_error" in result and "Traceback" in str(result)
            ):
                findings.append(result)
    finally:
        worker.stop()
    return {
        "cases": count,
        "outcomes": outcomes,
        "described": described,
        "findings": findings[:20],
        "peak_rss_mb": round(peak, 1),
        "slowest_case_s": round(slowest, 2),
        "seconds": round(time.perf_counter() - started, 1),
    }


# -- IPC against the real app --------------------------------------------------------------------
def ipc_messages(rng: random.Random, fifo: Path) -> tuple[str, bytes]:
    """One hostile message for the app's socket (never ``quit``)."""
    safe = ["status", "stop", "repeat", "history", "settings", "show", "describe-file", "clipboard"]
    kind = rng.randrange(10)
    if kind == 0:
        return "random", rng.randbytes(rng.randint(0, 512)) + b"\n"
    if kind == 1:
        return "deep", b"[" * rng.choice([40, 1000, 60_000]) + b"\n"
    if kind == 2:
        return "huge", b'{"command": "status", "args": {"x": "' + b"a" * 70_000 + b'"}}\n'
    if kind == 3:
        return "unknown", json.dumps(
            {"command": rng.choice(["quit2", "", "rm -rf", "\u0000"])}
        ).encode() + b"\n"
    if kind == 4:
        path = rng.choice(
            [
                str(fifo),
                "/dev/zero",
                "/",
                "/nonexistent.png",
                "x" * 5000,
                "../../etc/shadow",
                "~nosuchuser/a.png",
                "a\u0000b",
            ]
        )
        return "describe-file", json.dumps(
            {"command": "describe-file", "args": {"path": path}}
        ).encode() + b"\n"
    if kind == 5:
        args: Any = rng.choice([[], "x", 5, None, {"path": 5}, {"path": None}, {"path": ["a"]}])
        return "bad-args", json.dumps({"command": rng.choice(safe), "args": args}).encode() + b"\n"
    if kind == 6:
        return "no-newline", json.dumps({"command": "status"}).encode()
    if kind == 7:
        return "not-object", rng.choice([b"[]\n", b"null\n", b'"status"\n', b"42\n", b"\n", b"\xff\xfe\n"])
    if kind == 8:
        return "valid", json.dumps({"command": rng.choice(["status", "stop", "repeat"])}).encode() + b"\n"
    return "many-lines", b"\n".join(json.dumps({"command": "status"}).encode() for _ in range(50)) + b"\n"


def run_ipc(seed: int, count: int) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    from tests.support.xvfb import XvfbServer

    base = Path(tempfile.mkdtemp(prefix="fuzz-ipc-"))
    runtime = base / "run"
    runtime.mkdir(mode=0o700)
    fifo = base / "pipe.png"
    os.mkfifo(fifo)
    env = dict(
        os.environ,
        XDG_RUNTIME_DIR=str(runtime),
        ASSISTANT_CONFIG_DIR=str(base / "config"),
        ASSISTANT_DATA_DIR=str(base / "data"),
        QT_QPA_PLATFORM="xcb",
    )
    code = (
        "import sys; from pathlib import Path; from types import SimpleNamespace as N; "
        "from assistant.app.main import run_app; "
        f"sys.exit(run_app(N(wav=Path({str(base / 'speech.wav')!r}), speech='wav', settings_dir=None)))"
    )
    outcomes: dict[str, int] = {}
    findings: list[dict[str, Any]] = []
    slowest = 0.0
    started = time.perf_counter()
    with XvfbServer() as xvfb:
        env["DISPLAY"] = xvfb.display
        app = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            name = str(runtime / "assistant" / f"ipc-{_digest(base / 'config')}.sock")
            deadline = time.monotonic() + 60
            while not Path(name).exists():
                if time.monotonic() > deadline or app.poll() is not None:
                    raise RuntimeError("the app did not start: " + (app.stderr.read() if app.stderr else ""))
                time.sleep(0.1)
            rng = random.Random(seed * 9_000_011)
            for case in range(count):
                kind, message = ipc_messages(rng, fifo)
                t = time.perf_counter()
                outcome = _send(name, message)
                slowest = max(slowest, time.perf_counter() - t)
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if outcome in ("hang", "refused"):
                    findings.append({"case": case, "kind": kind, "outcome": outcome})
            held = [socket.socket(socket.AF_UNIX) for _ in range(200)]  # a flood of idle connections
            for connection in held:
                connection.connect(name)
            status_during_flood = _send(name, b'{"command": "status"}\n')
            for connection in held:
                connection.close()
            peak_mb = _peak_rss_mb(app.pid)
            status = subprocess.run(
                [sys.executable, "-m", "assistant", "trigger", "status"],
                cwd=REPO,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            subprocess.run(
                [sys.executable, "-m", "assistant", "trigger", "quit"], cwd=REPO, env=env, timeout=60
            )
            try:
                _out, err = app.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                app.kill()
                _out, err = app.communicate()
        finally:
            if app.poll() is None:
                app.kill()
                app.wait(10)
    return {
        "cases": count,
        "outcomes": outcomes,
        "findings": findings[:20],
        "status_during_flood": status_during_flood,
        "trigger_status_rc": status.returncode,
        "trigger_status": (status.stdout or status.stderr).strip()[:200],
        "app_peak_rss_mb": peak_mb,
        "app_tracebacks": err.count("Traceback"),
        "app_stderr_tail": err.strip().splitlines()[-3:] if "Traceback" in err else [],
        "slowest_case_s": round(slowest, 2),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _digest(config_dir: Path) -> str:
    import hashlib

    return hashlib.sha1(str(config_dir.resolve()).encode("utf-8")).hexdigest()[:10]


def _send(name: str, message: bytes) -> str:
    """``replied``, ``closed`` (hung up without a reply: fine for silent or oversized input), ``hang``
    (nothing within the case limit) or ``refused`` (no server)."""
    connection = socket.socket(socket.AF_UNIX)
    connection.settimeout(CASE_TIMEOUT_S)
    deadline = time.monotonic() + CASE_TIMEOUT_S
    try:
        while True:  # a full listen backlog answers EAGAIN at once: wait for the server to accept
            try:
                connection.connect(name)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return "hang"
                time.sleep(0.02)
        connection.sendall(message)
        if not message.endswith(b"\n"):  # half-sent: the client gives up writing (EOF), as a crash would
            connection.shutdown(socket.SHUT_WR)
        data = connection.recv(65536)
        return "replied" if data.endswith(b"\n") or data else "closed"
    except TimeoutError:
        return "hang"
    except (ConnectionRefusedError, FileNotFoundError):
        return "refused"
    except (BrokenPipeError, ConnectionResetError):
        return "closed"
    finally:
        connection.close()


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return -1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--images", type=int, default=6000)
    parser.add_argument(
        "--describe", type=int, default=60, help="image cases also sent through the Describer"
    )
    parser.add_argument("--settings", type=int, default=2500)
    parser.add_argument("--ipc", type=int, default=2500)
    parser.add_argument("--worker", choices=("images", "settings"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker, args.seed)
        return 0
    started = time.perf_counter()
    report: dict[str, Any] = {"benchmark": "fuzz_inputs", "seed": args.seed}
    report["images"] = run_family("images", args.seed, args.images, args.describe)
    print(
        f"images: {report['images']['cases']} cases {report['images']['outcomes']}, "
        f"{report['images']['described']} through the whole Describer, "
        f"peak RSS {report['images']['peak_rss_mb']} MB, slowest {report['images']['slowest_case_s']} s",
        flush=True,
    )
    report["settings"] = run_family("settings", args.seed, args.settings)
    print(
        f"settings: {report['settings']['cases']} cases {report['settings']['outcomes']}, "
        f"peak RSS {report['settings']['peak_rss_mb']} MB",
        flush=True,
    )
    report["ipc"] = run_ipc(args.seed, args.ipc)  # the real app under Xvfb
    ipc = report["ipc"]
    print(
        f"ipc: {ipc['cases']} messages {ipc['outcomes']}, status during a 200-connection flood: "
        f"{ipc['status_during_flood']}, trigger status afterwards: rc {ipc['trigger_status_rc']} "
        f"({ipc['trigger_status']!r}), app peak RSS {ipc['app_peak_rss_mb']} MB, "
        f"tracebacks in the app's log: {ipc['app_tracebacks']}",
        flush=True,
    )
    total = sum(report[f]["cases"] for f in ("images", "settings", "ipc"))
    bad = sum(len(report[f]["findings"]) for f in ("images", "settings", "ipc"))
    peak = max(report["images"]["peak_rss_mb"], report["settings"]["peak_rss_mb"], ipc["app_peak_rss_mb"])
    report["total_cases"] = total
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["passed"] = (
        total >= 10_000
        and bad == 0
        and ipc["app_tracebacks"] == 0
        and ipc["trigger_status_rc"] == 0
        and peak < RSS_LIMIT_MB
    )
    print(
        f"total: {total} cases in {report['seconds']} s, findings {bad}, peak RSS {peak} MB, "
        f"passed: {report['passed']}",
        flush=True,
    )
    print(json.dumps(report))
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
