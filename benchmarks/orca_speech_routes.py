"""How a second speech-dispatcher client and the real Orca 43 share the voice (issue #17).

Runs a small PySide6 app under the real Orca (the shared orca-probe harness, real-time speech into
a PulseAudio null sink, ``ORCA_PROBE_PULSE=1``) while a second speech-dispatcher client - like the
assistant's: python ``speechd.SSIPClient('assistant')`` - speaks long descriptions (~15 s), and
plays the user with ``xdotool``. One fresh Orca per scenario, one scenario at a time:

  prio-message, prio-text, prio-notification, prio-important
      our description at that SSIP priority, four segments 19 s apart:
      A  Orca is already speaking (focus moved) when ours is handed over
      B  Orca announces a focus change 3 s into ours
      C  the user types 'hello' into a focused text field 3 s into ours (Orca echoes keys)
      D  the user presses Control (Orca's stop key) 3 s into ours
  prio-text-noecho
      prio-text with Orca's key echo turned off (``enableKeyEcho: false`` in a private
      user-settings.conf, as a user may set it; ``orca_settings_env``): does Control / typing
      still end ours?
  listener
      our description at 'message'; a pynput (X RECORD) listener in our process sends CANCEL on
      Control, and an AT-SPI keystroke listener (pyatspi, separate process) logs when it sees the
      key: key -> detection -> our CANCEL -> speech-dispatcher's CANCELED, four presses.
      Then two 'text' messages of ours, scheduled 0.5 s apart (handed over ~1 s apart: the first
      call blocks while the priority is set): does the second cancel the first?
      Also: how the screen reader can be detected (org.a11y.Status, bus names, /proc, version),
      and which per-connection settings Orca and our client send.
  announce
      Orca's own speech routes: QAccessibleAnnouncementEvent (polite and assertive); a change of
      the focused widget's accessible description (then Control / typing / a focus change); a
      QML item with role Notification becoming visible in a window of a *second* process that
      never takes focus, while the user's app keeps it (then Control / typing).

Every time is seconds since the app started, read from speech-dispatcher's own log (queued /
begin / end / CANCELED per client) and from the key launcher's log. Prints tables and one final
JSON line. Takes about 10 minutes (runs are sequential: one Orca per user).

    .venv/bin/python benchmarks/orca_speech_routes.py [--scenarios prio-text,listener] [--out DIR]
    .venv/bin/python benchmarks/orca_speech_routes.py --out DIR --analyze-only   # re-read a finished run
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.orca_probe import (  # noqa: E402
    KeyAction,
    ProbeOptions,
    ProbeResult,
    SpeechdMessage,
    load_result,
    missing_requirements,
    orca_settings_env,
    run_probe,
)

PRIORITIES = ("message", "text", "notification", "important")
SCENARIOS = (*(f"prio-{p}" for p in PRIORITIES), "prio-text-noecho", "listener", "announce")
CLOCK = "%H:%M:%S.%f"
OUR_CLIENT = "assistant"
SYSTEM_SITE = "/usr/lib/python3/dist-packages"  # python3-speechd / python3-pyatspi live here, not in the venv

# ~45 words: about 15 s with speech-dispatcher's default espeak-ng voice.
LONG = (
    "{tag}: a photograph of a small harbour at dusk. Three fishing boats are tied to a wooden pier, "
    "a man in a yellow coat carries a net along the planks, gulls circle above the masts, and the "
    "lights of the town are reflected in the calm water behind them."
)

# Timelines, seconds after the app started.
SEGMENTS = {"A": 5.0, "B": 24.0, "C": 43.0, "D": 62.0}  # prio-*
STIMULUS_AFTER = 3.0
PRIO_END = 80.0
LISTENER_PRESSES = (7.0, 14.0, 21.0, 28.0)
LISTENER_END = 36.0
TEXT_CHUNKS_AT = 30.0  # listener: two 'text' messages 0.5 s apart (SSIP: text interrupts itself)
ANNOUNCE_STEPS = {
    "announcement polite": 3.0,
    "announcement assertive": 3.5,
    "description D1 on First button": 6.0,
    "focus Notes": 15.0,
    "description D2 on Notes": 17.0,
    "description D3 on Notes": 27.0,
    "focus Second button": 30.0,
    "notification N1": 47.0,
    "notification N2": 56.0,
}
ANNOUNCE_KEYS = (
    KeyAction(9.0, "key", "Control_L"),
    KeyAction(20.0, "type", "hello", delay_ms=250),
    KeyAction(50.0, "key", "Control_L"),
    KeyAction(59.0, "type", "abc", delay_ms=250),
)
ANNOUNCE_END = 66.0

# ============================================================================ inside the harness


def now() -> str:
    return datetime.now().strftime(CLOCK)


def mark(kind: str, *fields: object) -> None:
    """One tab-separated line in app.log; the parent reads these back."""
    print("\t".join([f"@{kind}", now(), *map(str, fields)]), flush=True)


def speechd_module() -> Any:
    if SYSTEM_SITE not in sys.path:
        sys.path.append(SYSTEM_SITE)
    import speechd  # Debian's python3-speechd, the module the issue names

    return speechd


def speechd_client(priority: str) -> Any:
    client = speechd_module().SSIPClient(OUR_CLIENT, component="routes")
    client.set_priority(priority)
    return client


def try_client_settings(client: Any) -> dict[str, str]:
    """The per-connection settings the brief asks about: do they work for a second client?"""
    speechd = speechd_module()
    out = {}
    calls: list[tuple[str, Callable[[], Any]]] = [
        ("list_output_modules", client.list_output_modules),
        ("set_output_module espeak-ng", lambda: client.set_output_module("espeak-ng")),
        ("set_punctuation some", lambda: client.set_punctuation(speechd.PunctuationMode.SOME)),
        ("set_data_mode ssml", lambda: client.set_data_mode(speechd.DataMode.SSML)),
        ("set_data_mode text", lambda: client.set_data_mode(speechd.DataMode.TEXT)),
        ("set_priority message", lambda: client.set_priority(speechd.Priority.MESSAGE)),
    ]
    for name, call in calls:
        try:
            value = call()
            out[name] = "ok" if value is None else f"ok {value!r}"[:120]
        except Exception as exc:
            out[name] = f"error: {exc}"[:120]
    return out


def detect_screen_reader() -> dict[str, Any]:
    """Every way the brief lists to find Orca, as an app in the session sees it."""

    def run(argv: list[str]) -> tuple[int, str, float]:
        t = time.monotonic()
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return -1, str(exc), time.monotonic() - t
        return proc.returncode, (proc.stdout + proc.stderr).strip(), time.monotonic() - t

    dbus_call = ["gdbus", "call", "--session", "--dest"]
    found: dict[str, Any] = {}
    rc, text, _ = run(
        [*dbus_call, "org.a11y.Bus", "--object-path", "/org/a11y/bus", "--method",
         "org.freedesktop.DBus.Properties.Get", "org.a11y.Status", "ScreenReaderEnabled"]
    )  # fmt: skip
    found["a11y_status_screen_reader_enabled"] = text if rc == 0 else f"error: {text}"
    rc, text, _ = run(
        [*dbus_call, "org.freedesktop.DBus", "--object-path", "/org/freedesktop/DBus", "--method",
         "org.freedesktop.DBus.ListNames"]
    )  # fmt: skip
    names = re.findall(r"'([^']+)'", text) if rc == 0 else []
    found["session_bus_names"] = len(names)
    found["session_bus_orca_names"] = [n for n in names if "orca" in n.lower()]
    found["session_bus_well_known"] = sorted(n for n in names if not n.startswith(":"))
    rc, text, _ = run(["busctl", "--user", "--no-pager", "--no-legend", "list"])
    orca_rows = [" ".join(ln.split()[:3]) for ln in text.splitlines() if "orca" in ln.lower()]
    found["busctl_user_orca_rows"] = orca_rows if rc == 0 else f"error: {text[:120]}"
    procs = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm = (entry / "comm").read_text().strip()
            argv = [a.decode(errors="replace") for a in (entry / "cmdline").read_bytes().split(b"\0") if a]
        except OSError:
            continue
        by_comm, by_cmdline = comm == "orca", any(Path(a).name == "orca" for a in argv[:2])
        if by_comm or by_cmdline:
            procs.append({"pid": int(entry.name), "comm": comm, "cmdline": " ".join(argv)[:160],
                          "by_comm": by_comm, "by_cmdline": by_cmdline})  # fmt: skip
    found["orca_processes"] = procs
    rc, text, secs = run(["orca", "--version"])
    found["orca_version_cli"] = text if rc == 0 else f"error: {text[:120]}"
    found["orca_version_cli_seconds"] = round(secs, 3)
    platform = Path(SYSTEM_SITE) / "orca" / "orca_platform.py"
    match = re.search(r'^version\s*=\s*"([^"]+)"', platform.read_text(), re.M) if platform.exists() else None
    found["orca_platform_version_file"] = match.group(1) if match else None
    code = "from orca import orca_platform; print(orca_platform.version)"
    rc, text, _ = run(["/usr/bin/python3", "-c", code])
    found["orca_platform_version_import"] = text if rc == 0 else f"error: {text[-120:]}"
    return found


ATSPI_LISTENER = r"""
import sys
from datetime import datetime
import pyatspi

def on_key(event):
    now = datetime.now().strftime("%H:%M:%S.%f")
    print("\t".join(["@KEY", now, "atspi", event.event_string]), flush=True)
    return False  # never consume: Orca and the app must still get the key

pyatspi.Registry.registerKeystrokeListener(
    on_key, mask=pyatspi.allModifiers(), kind=(pyatspi.KEY_PRESSED_EVENT,),
    synchronous=False, preemptive=False)
print("\t".join(["@STEP", datetime.now().strftime("%H:%M:%S.%f"), "atspi listener registered"]), flush=True)
pyatspi.Registry.start()
"""

NOTIFICATION_QML = """
import QtQuick
Item {
    width: 420; height: 40
    Text {
        objectName: "msg"; visible: false; text: ""
        Accessible.role: Accessible.Notification
        Accessible.name: text
    }
}
"""


def notifier() -> int:
    """A second app (think: the tray assistant) whose small window never takes focus.

    Each line on stdin is a tag; the QML item with role Notification is hidden, renamed to the
    long text and shown again, which is what Orca 43 reads ("notification <name>").
    """
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QObject, QSocketNotifier, Qt, QUrl
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuickWidgets import QQuickWidget
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setApplicationName("notifier_probe")
    path = Path(tempfile.mkdtemp()) / "notification.qml"
    path.write_text(NOTIFICATION_QML)
    popup = QQuickWidget()
    popup.setWindowFlags(
        Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus
    )
    popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    popup.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
    popup.setSource(QUrl.fromLocalFile(str(path)))
    popup.move(700, 40)
    popup.show()
    root = popup.rootObject()
    msg = root.findChild(QObject, "msg") if root is not None else None
    mark("STEP", f"notifier popup status {popup.status().name} item found {msg is not None}")

    def on_stdin() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        tag = line.strip()
        if msg is not None:
            msg.setProperty("visible", False)
            msg.setProperty("text", LONG.format(tag=tag))
            msg.setProperty("visible", True)
        focus = QGuiApplication.focusWindow()
        mark("STEP", f"notifier shows {tag}; notifier has focus: {focus is not None}")

    reader = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    reader.activated.connect(on_stdin)
    return app.exec()


def child(scenario: str) -> int:
    """The user's app under Orca: two buttons and a text field, plus the timeline of ``scenario``."""
    from PySide6.QtCore import QObject, Qt, QTimer
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    app.setApplicationName("routes_probe")
    win = QMainWindow()
    win.setWindowTitle("Routes probe")
    central = QWidget()
    lay = QVBoxLayout(central)
    first, second = QPushButton("First button"), QPushButton("Second button")
    notes = QLineEdit()
    notes.setAccessibleName("Notes")
    for w in (first, second, notes):
        lay.addWidget(w)
    win.setCentralWidget(central)
    win.resize(480, 240)
    win.show()
    win.raise_()
    win.activateWindow()
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    mark("STEP", "window shown, focus First button")

    steps: list[tuple[float, str, Callable[[], None]]] = []
    procs: list[subprocess.Popen[str]] = []
    closers: list[Callable[[], None]] = []

    def focus(widget: QWidget) -> Callable[[], None]:
        return lambda: widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def speak(client: Any, tag: str) -> Callable[[], None]:
        return lambda: client.speak(LONG.format(tag=tag))

    if scenario.startswith("prio-"):
        priority = scenario.removeprefix("prio-").removesuffix("-noecho")
        client = speechd_client(priority)
        closers.append(client.close)
        a, b, c, d = SEGMENTS["A"], SEGMENTS["B"], SEGMENTS["C"], SEGMENTS["D"]
        steps += [
            (a, "focus Second button", focus(second)),
            # 1 s: Orca takes 0.1-0.5 s to react to the focus change; ours must come after it began
            (a + 1.0, "speak Description A", speak(client, "Description A")),
            (b, "speak Description B", speak(client, "Description B")),
            (b + STIMULUS_AFTER, "focus Notes", focus(notes)),
            (c, "speak Description C", speak(client, "Description C")),
            (d, "speak Description D", speak(client, "Description D")),
        ]
        end = PRIO_END
    elif scenario == "listener":
        client = speechd_client("message")
        closers.append(client.close)
        steps.append((1.0, "detect", lambda: mark("DETECT", json.dumps(detect_screen_reader()))))
        steps.append((1.5, "settings", lambda: mark("SETTINGS", json.dumps(try_client_settings(client)))))
        from pynput import keyboard  # the assistant's own hotkey backend on X11 (RECORD extension)

        ctrl_keys = {keyboard.Key.ctrl, keyboard.Key.ctrl_l, keyboard.Key.ctrl_r}

        def on_press(key: Any) -> None:
            if key in ctrl_keys:
                before = now()
                client.cancel()  # CANCEL self: only this connection's messages
                mark("CANCEL", before, "pynput")
            mark("KEY", "pynput", str(key))

        listener = keyboard.Listener(on_press=on_press)
        listener.start()
        closers.append(listener.stop)
        procs.append(subprocess.Popen(["/usr/bin/python3", "-c", ATSPI_LISTENER], text=True))
        for i, t in enumerate(LISTENER_PRESSES):
            tag = f"Description L{i + 1}"
            steps.append((t - STIMULUS_AFTER, f"speak {tag}", speak(client, tag)))

        def text_chunk(tag: str) -> Callable[[], None]:
            def run() -> None:
                client.set_priority("text")
                client.speak(LONG.format(tag=tag))

            return run

        steps.append((TEXT_CHUNKS_AT, "text chunk 1", text_chunk("Text chunk 1")))
        steps.append((TEXT_CHUNKS_AT + 0.5, "text chunk 2", text_chunk("Text chunk 2")))
        end = LISTENER_END
    elif scenario == "announce":

        def announce(source: QObject, text: str, assertive: bool) -> Callable[[], None]:
            def run() -> None:
                event = QAccessibleAnnouncementEvent(source, text)
                if assertive:
                    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
                QAccessible.updateAccessibility(event)

            return run

        def describe(widget: QWidget, tag: str) -> Callable[[], None]:
            def run() -> None:
                widget.setAccessibleDescription("")  # Qt only emits a change, and Orca skips a repeat
                widget.setAccessibleDescription(LONG.format(tag=tag))

            return run

        pop = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "notifier"], stdin=subprocess.PIPE, text=True
        )
        procs.append(pop)

        def notify(tag: str) -> Callable[[], None]:
            def run() -> None:
                assert pop.stdin is not None
                pop.stdin.write(tag + "\n")
                pop.stdin.flush()
                mark("STEP", f"user app still active: {app.activeWindow() is win}")

            return run

        actions: dict[str, Callable[[], None]] = {
            "announcement polite": announce(win, "Announcement polite: a dog runs", False),
            "announcement assertive": announce(first, "Announcement assertive: a wolf howls", True),
            "description D1 on First button": describe(first, "Focused description D1"),
            "focus Notes": focus(notes),
            "description D2 on Notes": describe(notes, "Focused description D2"),
            "description D3 on Notes": describe(notes, "Focused description D3"),
            "focus Second button": focus(second),
            "notification N1": notify("Notification N1"),
            "notification N2": notify("Notification N2"),
        }
        steps += [(ANNOUNCE_STEPS[label], label, fn) for label, fn in actions.items()]
        end = ANNOUNCE_END
    else:
        raise SystemExit(f"unknown scenario {scenario}")

    def run_step(label: str, fn: Callable[[], None]) -> None:
        fn()
        mark("STEP", label)

    for t, label, fn in steps:
        QTimer.singleShot(int(t * 1000), lambda label=label, fn=fn: run_step(label, fn))

    def quit_app() -> None:
        mark("STEP", "quit")
        for close in closers:
            close()
        for proc in procs:
            proc.terminate()
        app.quit()

    QTimer.singleShot(int(end * 1000), quit_app)
    return app.exec()


# ============================================================================ outside: plan + analysis


def plan(scenario: str, out: Path) -> tuple[list[KeyAction], float, dict[str, str]]:
    """The keys pressed during ``scenario``, how long the app runs, and extra harness environment."""
    if scenario.startswith("prio-"):
        keys = [
            KeyAction(SEGMENTS["C"] + STIMULUS_AFTER, "type", "hello", delay_ms=250),
            KeyAction(SEGMENTS["D"] + STIMULUS_AFTER, "key", "Control_L"),
        ]
        env = orca_settings_env(out, {"enableKeyEcho": False}) if scenario.endswith("-noecho") else {}
        return keys, PRIO_END + 3, env
    if scenario == "listener":
        return [KeyAction(t, "key", "Control_L") for t in LISTENER_PRESSES], LISTENER_END + 3, {}
    if scenario == "announce":
        return list(ANNOUNCE_KEYS), ANNOUNCE_END + 3, {}
    raise ValueError(scenario)


@dataclass
class Marks:
    """What the app logged (``@KIND`` lines in app.log), converted to seconds since it started."""

    steps: dict[str, float] = field(default_factory=dict)
    keys: list[tuple[float, str, str]] = field(default_factory=list)  # t, listener, key
    cancels: list[tuple[float, float, str]] = field(default_factory=list)  # t before CANCEL, after, by
    detect: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def read_marks(result: ProbeResult) -> Marks:
    marks = Marks()
    for line in result.app_log().splitlines():
        if not line.startswith("@"):
            continue
        kind, clock, *rest = line.split("\t")
        t = result.clock_to_t(clock)
        if kind == "@STEP":
            marks.steps.setdefault(rest[0], t)
            marks.notes.append(f"{t:+.2f} {rest[0]}")
        elif kind == "@KEY":
            marks.keys.append((t, rest[0], rest[1]))
        elif kind == "@CANCEL":
            marks.cancels.append((result.clock_to_t(rest[0]), t, rest[1]))
        elif kind == "@DETECT":
            marks.detect = json.loads(rest[0])
        elif kind == "@SETTINGS":
            marks.settings = json.loads(rest[0])
    return marks


def client_settings(result: ProbeResult) -> dict[str, list[str]]:
    """Every ``SET self ...`` each client sent (speech-dispatcher keeps them per connection)."""
    log = result.out_dir / "speechd-full.log"
    names: dict[str, str] = {}
    sets: dict[str, list[str]] = {}
    if not log.exists():
        return {}
    for fd, cmd in re.findall(
        r"speechd:\s+(\d+):DATA:\|(SET self [^\r\n|]+)", log.read_text(errors="replace")
    ):
        if " CLIENT_NAME " in cmd:
            names[fd] = cmd.split()[-1]
            continue
        if " NOTIFICATION " in cmd:
            continue
        client = names.get(fd, "fd" + fd)
        if cmd not in sets.setdefault(client, []):
            sets[client].append(cmd)
    return sets


def fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def describe_msg(m: SpeechdMessage | None, since: float | None = None) -> str:
    if m is None:
        return "never handed over"
    if m.begin is None:
        return f"{m.outcome}, never began"
    outcomes = {"spoken to the end": "spoken to the end", "CANCELED": "CANCELED"}
    out = outcomes.get(m.outcome, "still playing at the end")
    if since is not None and m.end is not None and m.canceled:
        out += f" {m.end - since:+.2f} s after the stimulus"
    played = None if m.end is None else m.end - m.begin
    return f"{out}; waited {m.begin - m.queued:.2f} s, played {fmt(played)} s"


def find(messages: list[SpeechdMessage], needle: str) -> SpeechdMessage | None:
    return next((m for m in messages if needle in m.text), None)


def orca_in(result: ProbeResult, start: float, stop: float) -> list[SpeechdMessage]:
    return [
        m for m in result.messages_of("Orca") if start <= m.queued < stop and "Screen reader" not in m.text
    ]


def summarize_orca(result: ProbeResult, msgs: list[SpeechdMessage]) -> dict[str, Any]:
    """Orca's messages in a segment; a CANCELED one is Orca's own doing if Orca sent CANCEL just before."""
    own_cancels = [e.t for e in result.events_of("Orca", "CMD") if e.text.startswith("CANCEL")]
    by_orca = [
        m for m in msgs if m.canceled and m.end is not None and any(0 <= m.end - t < 0.1 for t in own_cancels)
    ]
    delays = [m.begin - m.queued for m in msgs if m.begin is not None]

    def one(m: SpeechdMessage) -> str:
        waited = "never began" if m.begin is None else f"waited {m.begin - m.queued:.2f} s"
        who = " by Orca's own CANCEL" if m in by_orca else ""
        return f"{m.text[:40]} [{m.outcome}{who}, {waited}]"

    return {
        "n": len(msgs),
        "spoken_to_end": sum(m.spoken_to_end for m in msgs),
        "canceled": sum(m.canceled for m in msgs),
        "canceled_by_orca_itself": len(by_orca),
        "never_began": sum(m.begin is None for m in msgs),
        "max_wait_s": round(max(delays), 2) if delays else None,
        "messages": [one(m) for m in msgs],
    }


def analyze_prio(result: ProbeResult, marks: Marks) -> list[dict[str, Any]]:
    ours = result.messages_of(OUR_CLIENT)
    seg_starts = sorted(SEGMENTS.values())
    rows = []
    for seg, start in SEGMENTS.items():
        nxt = next((s for s in seg_starts if s > start), PRIO_END + 5)
        stimulus: float | None
        if seg in ("A", "B"):
            stimulus = marks.steps.get("focus Second button" if seg == "A" else "focus Notes")
            what = "Orca already speaking (focus change)" if seg == "A" else "Orca announces a focus change"
        else:
            kind = "type" if seg == "C" else "key"
            sent = [k for k in result.keys if k.action.kind == kind and start <= k.start < nxt]
            stimulus = sent[0].start if sent else None
            what = "user types 'hello'" if seg == "C" else "user presses Control"
        mine = find(ours, f"Description {seg}:")
        orca = orca_in(result, (stimulus or start) - 0.05, nxt)
        cut = (
            round(mine.end - stimulus, 2)
            if mine and mine.canceled and mine.end is not None and stimulus is not None
            else None
        )
        busy = mine is not None and any(
            m.begin is not None and m.begin <= mine.queued < (m.end if m.end is not None else 1e9)
            for m in result.messages_of("Orca")
        )
        rows.append(
            {
                "segment": seg,
                "orca_speaking_when_ours_queued": busy,
                "stimulus": what,
                "stimulus_t": None if stimulus is None else round(stimulus, 2),
                "ours": describe_msg(mine, stimulus),
                "ours_outcome": None if mine is None else mine.outcome,
                "ours_waited_s": None if mine is None or mine.waited is None else round(mine.waited, 2),
                "ours_cut_after_stimulus_s": cut,
                "orca": summarize_orca(result, orca),
            }
        )
    return rows


def is_ctrl(name: str) -> bool:
    return "ctrl" in name.lower() or name.startswith("Control")


def analyze_listener(result: ProbeResult, marks: Marks) -> list[dict[str, Any]]:
    ours = result.messages_of(OUR_CLIENT)
    rows = []
    presses = [k for k in result.keys if k.action.arg == "Control_L"]
    for i, key in enumerate(presses):
        lo, hi = key.start - 0.05, key.start + 5.0

        def first(listener: str, lo: float = lo, hi: float = hi) -> float | None:
            hits = [t for t, who, name in marks.keys if who == listener and is_ctrl(name) and lo <= t < hi]
            return min(hits, default=None)

        cancel = next((c for c in marks.cancels if lo <= c[0] < hi), None)
        cmd = next((e.t for e in result.events_of(OUR_CLIENT, "CMD") if lo <= e.t < hi), None)
        mine = find(ours, f"Description L{i + 1}:")
        canceled = mine.end if mine and mine.canceled else None

        def ms(t: float | None, ref: float | None = key.start) -> int | None:
            return None if t is None or ref is None else round((t - ref) * 1000)

        rows.append(
            {
                "press": i + 1,
                "key_t": round(key.start, 3),
                "xdotool_ms": ms(key.end),
                "pynput_detect_ms": ms(first("pynput")),
                "atspi_detect_ms": ms(first("atspi")),
                "our_cancel_sent_ms": ms(cancel[1] if cancel else None),
                "speechd_got_cancel_ms": ms(cmd),
                "speechd_canceled_ms": ms(canceled),
                "cancel_to_canceled_ms": ms(canceled, cmd),
                "ours": describe_msg(mine, key.start),
                "orca_cmds": [e.text for e in result.events_of("Orca", "CMD") if lo <= e.t < hi],
                "orca_said": [m.text for m in orca_in(result, lo, hi)],
            }
        )
    return rows


ANNOUNCE_ROUTES = (
    # label, text to look for, app step, what interrupts it (key kind / step)
    ("QAccessibleAnnouncementEvent polite", "Announcement polite", "announcement polite", None),
    ("QAccessibleAnnouncementEvent assertive", "Announcement assertive", "announcement assertive", None),
    ("focused description, then Control", "description D1:", "description D1 on First button", "key"),
    ("focused description, then typing", "description D2:", "description D2 on Notes", "type"),
    ("focused description, then focus change", "description D3:", "description D3 on Notes", "focus"),
    (
        "Notification, other app's unfocused window, then Control",
        "Notification N1:",
        "notification N1",
        "key",
    ),
    (
        "Notification, other app's unfocused window, then typing",
        "Notification N2:",
        "notification N2",
        "type",
    ),
)


def analyze_announce(result: ProbeResult, marks: Marks) -> list[dict[str, Any]]:
    orca = result.messages_of("Orca")
    signals = result.out_dir / "atspi-signals.log"
    n_signals = signals.read_text(errors="replace").count("Announcement") if signals.exists() else 0
    rows = []
    for label, needle, step, stop_by in ANNOUNCE_ROUTES:
        t_step = marks.steps.get(step)
        msg = find(orca, needle)
        stimulus = None
        if stop_by == "focus":
            stimulus = marks.steps.get("focus Second button")
        elif stop_by is not None and t_step is not None:
            stimulus = next(
                (k.start for k in result.keys if k.action.kind == stop_by and k.start > t_step), None
            )
        after = []
        if stimulus is not None:
            after = [m for m in orca_in(result, stimulus - 0.05, stimulus + 15) if m is not msg][:2]
        rows.append(
            {
                "route": label,
                "step_t": None if t_step is None else round(t_step, 2),
                "in_orca_debug_log": any(needle in s for s in result.spoken_texts()),
                "spoken_as": None if msg is None else msg.text[:48],
                "handed_over_after_s": None
                if msg is None or t_step is None
                else round(msg.queued - t_step, 2),
                "result": describe_msg(msg, stimulus) if msg else "not spoken",
                "cut_after_stimulus_s": (
                    round(msg.end - stimulus, 2)
                    if msg and msg.canceled and msg.end is not None and stimulus is not None
                    else None
                ),
                "orca_next": [describe_msg(m, stimulus) + f" ({m.text[:30]})" for m in after],
                "announcement_signals_on_bus": n_signals,
            }
        )
    return rows


def print_prio(rows: list[dict[str, Any]]) -> None:
    """``A*``: Orca was speaking when ours was handed over."""
    print(f"{'seg':<4}{'stimulus':<38}{'ours (assistant)':<74}orca   (*: Orca was speaking when ours came)")
    for r in rows:
        o = r["orca"]
        orca = (
            f"{o['n']} msgs: {o['spoken_to_end']} spoken, {o['canceled']} CANCELED "
            f"({o['canceled_by_orca_itself']} by Orca itself), {o['never_began']} never began, "
            f"max wait {fmt(o['max_wait_s'])} s"
        )
        seg = r["segment"] + ("*" if r["orca_speaking_when_ours_queued"] else "")
        print(f"{seg:<4}{r['stimulus']:<38}{r['ours']:<74}{orca}")
        for text in o["messages"]:
            print(f"{'':<8}orca: {text}")


def print_listener(rows: list[dict[str, Any]], marks: Marks, settings: dict[str, list[str]]) -> None:
    cols = ["press", "xdotool_ms", "pynput_detect_ms", "atspi_detect_ms", "our_cancel_sent_ms",
            "speechd_got_cancel_ms", "speechd_canceled_ms", "cancel_to_canceled_ms"]  # fmt: skip
    print("  ".join(cols) + "  orca")
    for r in rows:
        cells = [f"{'-' if r[c] is None else r[c]:>{len(c)}}" for c in cols]
        print("  ".join(cells) + f"  {r['orca_cmds']} said {r['orca_said']}")
    print("detection:", json.dumps(marks.detect, indent=1))
    print("our client's settings calls:", json.dumps(marks.settings, indent=1))
    print("SET commands per client:", json.dumps(settings, indent=1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--out", type=Path, default=None, help="keep every run's harness folder here")
    ap.add_argument(
        "--analyze-only",
        action="store_true",
        help="re-read the folders of an earlier run under --out, run nothing",
    )
    args, rest = ap.parse_known_args()
    if rest[:1] == ["child"]:
        return child(rest[1])
    if rest[:1] == ["notifier"]:
        return notifier()
    missing = missing_requirements(pulse=True, keys=True)
    if missing:
        print("cannot run: missing " + ", ".join(missing))
        print(json.dumps({"benchmark": "orca_speech_routes", "skipped": missing}))
        return 1
    base = args.out or Path(tempfile.mkdtemp(prefix="orca-speech-routes."))
    summary: dict[str, Any] = {"benchmark": "orca_speech_routes", "out": str(base)}
    for scenario in args.scenarios.split(","):
        keys, wait, env = plan(scenario, base / scenario)
        t = time.monotonic()
        if args.analyze_only:
            result = load_result(base / scenario)
        else:
            result = run_probe(
                [sys.executable, str(Path(__file__).resolve()), "child", scenario],
                ProbeOptions(wait=wait, pulse=True),
                env=env,
                keys=keys,
                out_dir=base / scenario,
            )
        marks = read_marks(result)
        print(f"\n### {scenario} ({time.monotonic() - t:.0f} s, results in {result.out_dir})")
        if scenario.startswith("prio-"):
            prio_rows = analyze_prio(result, marks)
            print_prio(prio_rows)
            summary[scenario] = prio_rows
        elif scenario == "listener":
            listener_rows = analyze_listener(result, marks)
            settings = client_settings(result)
            print_listener(listener_rows, marks, settings)
            chunks = [find(result.messages_of(OUR_CLIENT), f"Text chunk {i}:") for i in (1, 2)]
            chunk_rows = [describe_msg(m) for m in chunks]
            c1, c2 = chunks
            gap = None if c1 is None or c2 is None else c2.queued - c1.queued
            cut = None if c1 is None or c2 is None or c1.end is None else c1.end - c2.queued
            print(
                f"two 'text' messages of ours, handed over {fmt(gap)} s apart: 1: {chunk_rows[0]} "
                f"({fmt(cut)} s after 2 came); 2: {chunk_rows[1]}"
            )
            summary[scenario] = {
                "text_chunks": chunk_rows,
                "presses": listener_rows,
                "detect": marks.detect,
                "client_settings_calls": marks.settings,
                "set_commands": settings,
            }
        else:
            announce_rows = analyze_announce(result, marks)
            for r in announce_rows:
                print(f"{r['route']:<58} step {fmt(r['step_t']):>6}  {r['result']}")
                for nxt in r["orca_next"]:
                    print(f"{'':<8}then orca: {nxt}")
            print(f"Announcement signals on the a11y bus: {announce_rows[0]['announcement_signals_on_bus']}")
            print("app steps:", "; ".join(n for n in marks.notes if "active" in n or "notifier" in n))
            summary[scenario] = announce_rows
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
