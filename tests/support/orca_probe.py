"""Run a command under the real Orca screen reader (the shared orca-probe harness) from pytest.

The harness (``tests/support/orca_harness/run.sh``, a copy of the project's shared
``../shared/tools/orca-probe`` so that CI on a fresh clone has it; see that tool's README) starts a
private Xvfb, session bus, AT-SPI bus, speech-dispatcher and Orca 43, runs one command, and writes
what Orca said (``spoken.txt``, ``spoken_timed.tsv``) and what every speech-dispatcher client handed
over and what became of it (``speechd_messages.tsv``, ``speechd_spoken.tsv``). This module starts
it, parses those files into dataclasses, and can press keys with ``xdotool`` at given times while
the command runs, so a test can play the user (type, press Control) against the real screen reader.

Keys are sent by this very file, run as a small launcher *inside* the harness (it is the only
place that knows the private display): ``run.sh PYTHON orca_probe.py keys --plan JSON --log FILE
-- CMD...`` starts CMD and sends the planned keys; each key's wall-clock start and end are logged so
they share the time base (seconds since the command started) with the harness's own files.

Only one Orca can run per user (Orca refuses to start next to another), so runs are serialised
with a lock file, and a run waits while someone else's Orca is up.

    from tests.support.orca_probe import KeyAction, ProbeOptions, require_orca_probe, run_probe

    def test_something(tmp_path):
        require_orca_probe(keys=True)
        result = run_probe([sys.executable, "app.py"], ProbeOptions(wait=10, pulse=True),
                           keys=[KeyAction(4.0, "type", "abc")], out_dir=tmp_path / "orca")
        assert "Describe screen push button." in result.spoken_texts()
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parents[2]
HARNESS_ENV = "ORCA_PROBE_DIR"
DEFAULT_HARNESS = Path(__file__).resolve().parent / "orca_harness"
LOCK_PATH = Path(tempfile.gettempdir()) / f"orca-probe-{os.getuid()}.lock"
KEYS_LOG = "keys.tsv"
_SHORT_PATH = 40  # longest output folder the harness's sockets (priv/runtime/at-spi/bus_0) fit under
_CLOCK = "%H:%M:%S.%f"
_ECHO_TAIL = re.compile(r"' \{'.*$")

KeyKind = Literal["key", "type", "keydown", "keyup"]


class ProbeError(RuntimeError):
    """The harness itself failed (exit status 2), hung, or another Orca never went away."""


@dataclass(frozen=True)
class ProbeOptions:
    """Knobs of one harness run (they map to run.sh's ``ORCA_PROBE_*`` variables)."""

    wait: float = 12.0  # seconds the command may run before it is ended
    pulse: bool = False  # real-time speech into a PulseAudio null sink (queueing and cut-offs as for a user)
    speech: Literal["speechd", "none"] = "speechd"
    wm: Literal["auto", "openbox", "none"] = "auto"
    monitor: bool = True  # record every AT-SPI signal (atspi-signals.log)
    orca_args: str | None = None  # default: the harness's "-d braille,sound"
    timeout: float | None = None  # whole run; default wait + 90 s (start ~4 s, stop and extraction ~10 s)
    lock_timeout: float = 900.0  # how long to wait for another run (or another user's Orca) to finish


@dataclass(frozen=True)
class KeyAction:
    """One ``xdotool`` call, ``at`` seconds after the command started.

    ``kind``: ``key`` (press and release keysyms, e.g. ``"Control_L"`` or ``"ctrl+a"``), ``type``
    (type the text, ``delay_ms`` between letters), ``keydown`` / ``keyup`` (one half of a press).
    """

    at: float
    kind: KeyKind
    arg: str
    delay_ms: int = 120


@dataclass(frozen=True)
class SentKey:
    """A key action as it really ran: start and end of the xdotool call, seconds since the command started."""

    action: KeyAction
    start: float
    end: float
    returncode: int


@dataclass(frozen=True)
class Utterance:
    """A line Orca sent to speech (its debug log), seconds since the command started."""

    t: float
    text: str


@dataclass(frozen=True)
class SpeechdMessage:
    """One message a speech-dispatcher client handed over, and what became of it.

    ``outcome`` is the harness's: ``spoken to the end``, ``CANCELED`` or ``queued`` (no end seen:
    still playing or waiting when the run ended). Times are seconds since the command started.
    """

    queued: float
    begin: float | None
    end: float | None
    outcome: str
    client: str
    text: str

    @property
    def canceled(self) -> bool:
        return self.outcome == "CANCELED"

    @property
    def spoken_to_end(self) -> bool:
        return self.outcome == "spoken to the end"

    @property
    def waited(self) -> float | None:
        """Seconds between handing the message over and its first sound (None: never began)."""
        return None if self.begin is None else self.begin - self.queued


@dataclass(frozen=True)
class SpeechdEvent:
    """A row of ``speechd_spoken.tsv``: SPEAK, BEGIN, END, CANCELED, or CMD (CANCEL/STOP/... sent)."""

    t: float
    client: str
    event: str
    text: str


@dataclass
class ProbeResult:
    """Everything one run produced (``out_dir`` keeps the raw logs)."""

    out_dir: Path
    returncode: int
    stdout: str
    stderr: str
    run_env: dict[str, str]
    spoken: list[Utterance] = field(default_factory=list)
    messages: list[SpeechdMessage] = field(default_factory=list)
    events: list[SpeechdEvent] = field(default_factory=list)
    keys: list[SentKey] = field(default_factory=list)

    def spoken_texts(self) -> list[str]:
        return [u.text for u in self.spoken]

    def messages_of(self, client: str) -> list[SpeechdMessage]:
        """Messages of clients whose name contains ``client`` (e.g. ``"Orca"``, ``"assistant"``)."""
        return [m for m in self.messages if client.lower() in m.client.lower()]

    def events_of(self, client: str, event: str | None = None) -> list[SpeechdEvent]:
        return [
            e
            for e in self.events
            if client.lower() in e.client.lower() and (event is None or e.event == event)
        ]

    def app_log(self) -> str:
        path = self.out_dir / "app.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def clock_to_t(self, clock: str) -> float:
        """Wall-clock ``HH:MM:SS.ffffff`` (as the app may log it) -> seconds since the command started."""
        return _seconds_since(self.run_env.get("t0", ""), clock)


# ----------------------------------------------------------------------------- availability


def harness_dir() -> Path:
    return Path(os.environ.get(HARNESS_ENV, str(DEFAULT_HARNESS)))


def missing_requirements(*, pulse: bool = False, keys: bool = False) -> list[str]:
    """What this machine lacks for a run (empty list: ready)."""
    missing = []
    run_sh = harness_dir() / "run.sh"
    if not os.access(run_sh, os.X_OK):
        missing.append(f"orca-probe harness ({run_sh}; set {HARNESS_ENV})")
    programs = ["orca", "Xvfb", "speech-dispatcher", "dbus-daemon", "gdbus", "gsettings"]
    programs += ["pulseaudio"] if pulse else []
    programs += ["xdotool"] if keys else []
    missing += [p for p in programs if shutil.which(p) is None]
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    return missing


def require_orca_probe(*, pulse: bool = False, keys: bool = False) -> None:
    """pytest.skip(...) unless the harness and the real Orca can run here."""
    import pytest

    missing = missing_requirements(pulse=pulse, keys=keys)
    if missing:
        pytest.skip("real Orca not available: missing " + ", ".join(missing))


# ----------------------------------------------------------------------------- Orca's settings

# Orca reads $XDG_DATA_HOME/orca/user-settings.conf; the harness's HOME is new on every run, so this
# shim, run as Orca (launch/orca honours ORCA_PROBE_ORCA_BIN), writes one and then runs /usr/bin/orca.
_SETTINGS_SHIM = """
import json, os
prefs = os.path.join(os.environ["XDG_DATA_HOME"], "orca")
os.makedirs(prefs, exist_ok=True)
with open(os.path.join(prefs, "user-settings.conf"), "w") as fh:
    json.dump({{"general": {general},
               "profiles": {{"default": {{"profile": ["Default", "default"],
                                        "pronunciations": {{}}, "keybindings": {{}}}}}},
               "pronunciations": {{}}, "keybindings": {{}}}}, fh)
with open("/usr/bin/orca") as fh:
    exec(compile(fh.read(), "/usr/bin/orca", "exec"), {{"__name__": "__main__", "__file__": "/usr/bin/orca"}})
"""


def orca_settings_env(folder: Path, general: Mapping[str, object]) -> dict[str, str]:
    """Harness environment that starts Orca with these ``general`` settings (e.g. ``enableKeyEcho``)."""
    folder.mkdir(parents=True, exist_ok=True)
    shim = folder / "orca-settings-shim.py"
    shim.write_text(_SETTINGS_SHIM.format(general=repr(dict(general))))  # a Python literal
    return {"ORCA_PROBE_ORCA_BIN": str(shim)}


# ----------------------------------------------------------------------------- running


def _other_orca_running() -> bool:
    """Orca refuses to start next to another ``orca`` process of the same user."""
    uid = os.getuid()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if proc.stat().st_uid != uid:
                continue
            if (proc / "comm").read_text().strip() == "orca":
                return True
        except OSError:
            continue
    return False


@contextlib.contextmanager
def _exclusive(timeout: float) -> Iterator[None]:
    """One harness run at a time per user on this machine, and none while another Orca is up."""
    deadline = time.monotonic() + timeout
    with open(LOCK_PATH, "a+") as fh:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ProbeError(f"another orca-probe run held {LOCK_PATH} for {timeout:.0f} s") from None
                time.sleep(0.5)
        try:
            while _other_orca_running():
                if time.monotonic() > deadline:
                    raise ProbeError("another Orca of this user kept running; the harness cannot start")
                time.sleep(1.0)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _harness_env(options: ProbeOptions, env: Mapping[str, str] | None, out_dir: Path) -> dict[str, str]:
    full = dict(os.environ)
    full.update(env or {})
    full.update(
        {
            "ORCA_PROBE_OUT": str(out_dir),
            "ORCA_PROBE_WAIT": str(max(1, round(options.wait))),
            "ORCA_PROBE_PULSE": "1" if options.pulse else "0",
            "ORCA_PROBE_SPEECH": options.speech,
            "ORCA_PROBE_WM": options.wm,
            "ORCA_PROBE_MONITOR": "1" if options.monitor else "0",
        }
    )
    if options.orca_args is not None:
        full["ORCA_PROBE_ORCA_ARGS"] = options.orca_args
    return full


def run_probe(
    cmd: Sequence[str],
    options: ProbeOptions | None = None,
    *,
    env: Mapping[str, str] | None = None,
    keys: Sequence[KeyAction] = (),
    out_dir: Path | None = None,
) -> ProbeResult:
    """Run ``cmd`` under Orca (blocking: ``options.wait`` s plus ~10 s) and parse what was said.

    ``env`` is added to this process's environment (the harness then replaces HOME, XDG_* and
    TMPDIR with private ones). Raises :class:`ProbeError` when the harness fails or hangs.
    """
    options = options or ProbeOptions()
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="orca-probe."))
    out.mkdir(parents=True, exist_ok=True)
    (out / KEYS_LOG).unlink(missing_ok=True)  # the launcher appends; a reused folder must not mix runs
    plan = json.dumps([asdict(k) for k in keys])
    launcher = [sys.executable, str(Path(__file__).resolve()), "keys", "--plan", plan, "--log"]
    argv = [str(harness_dir() / "run.sh"), *launcher, str(out / KEYS_LOG), "--", *cmd]
    timeout = options.timeout if options.timeout is not None else options.wait + 90.0
    # The harness puts its sockets under its output folder; a Unix socket path may not exceed 107
    # bytes (pytest's tmp_path easily does: "Socket name too long"), so run in a short folder.
    work = out if len(str(out)) <= _SHORT_PATH else Path(tempfile.mkdtemp(prefix="op.", dir="/tmp"))
    try:
        returncode, stdout, stderr = _run_harness(argv, options, env, out, work, timeout)
    finally:
        if work != out:
            shutil.copytree(
                work, out, dirs_exist_ok=True, ignore=shutil.ignore_patterns("priv"), symlinks=True
            )
            shutil.rmtree(work, ignore_errors=True)
    return load_result(out, returncode=returncode, stdout=stdout, stderr=stderr)


def _run_harness(
    argv: list[str],
    options: ProbeOptions,
    env: Mapping[str, str] | None,
    out: Path,
    work: Path,
    timeout: float,
) -> tuple[int, str, str]:
    with _exclusive(options.lock_timeout):
        proc = subprocess.Popen(
            argv,
            env=_harness_env(options, env, work),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # SIGTERM lets run.sh's trap end everything it started by PID; KILL only if that hangs.
            proc.send_signal(signal.SIGTERM)
            try:
                proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
            raise ProbeError(f"orca-probe run exceeded {timeout:.0f} s (logs in {out})") from None
    if proc.returncode == 2:
        raise ProbeError(f"orca-probe harness failed (logs in {out}):\n{stderr[-3000:]}")
    return proc.returncode, stdout, stderr


# ----------------------------------------------------------------------------- parsing


def _seconds_since(t0: str, clock: str) -> float:
    delta = (datetime.strptime(clock, _CLOCK) - datetime.strptime(t0, _CLOCK)).total_seconds()
    return delta + 86400 if delta < -43200 else delta  # crossed midnight


def _opt_float(text: str) -> float | None:
    return None if text in ("-", "") else float(text)


def _rows(path: Path, columns: int) -> Iterator[list[str]]:
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line:
            yield line.split("\t", columns - 1)


def _clean_utterance(text: str) -> str:
    """Orca's key echo is logged as ``'x ' {'established': False}`` (a trailing space before the
    voice dict), which the harness's extractor keeps as ``x ' {'established``; cut that tail."""
    return _ECHO_TAIL.sub("", text).strip()


def _fix_second_wraps(
    events: list[SpeechdEvent],
) -> tuple[list[SpeechdEvent], dict[tuple[str, str, str, float], float]]:
    """Undo speech-dispatcher's occasional one-second-early stamps.

    speech-dispatcher 0.11 stamps its log lines with the seconds of ``time()`` (a coarse clock)
    and the microseconds of ``gettimeofday()``; in the first few milliseconds of a second the two
    disagree and a line reads a whole second early (seen: ``22:08:02 : 874`` between lines stamped
    ``22:08:03``). The log is written in order, so a row stamped before its predecessor (by more
    than the 0.01 s rounding) but less than a second before it is moved forward by one second. A
    wrap that happens to follow a quiet second cannot be seen and stays. Returns the fixed rows
    and, for the messages file, ``(client, event, text, old_t) -> new_t``.
    """
    fixed: list[SpeechdEvent] = []
    moved: dict[tuple[str, str, str, float], float] = {}
    latest = float("-inf")
    for ev in events:
        t = ev.t
        if t < latest - 0.015 and t + 1.0 >= latest - 0.015:
            t = round(t + 1.0, 2)
            moved[(ev.client, ev.event, ev.text, round(ev.t, 2))] = t
        fixed.append(SpeechdEvent(t, ev.client, ev.event, ev.text))
        latest = max(latest, t)
    return fixed, moved


def load_result(out: Path, *, returncode: int = 0, stdout: str = "", stderr: str = "") -> ProbeResult:
    """Parse a finished run's output folder (also usable on folders of earlier runs)."""
    run_env: dict[str, str] = {}
    for line in _rows(out / "run.env", 1):
        key, _, value = line[0].partition("=")
        run_env[key] = value
    result = ProbeResult(out, returncode, stdout, stderr, run_env)
    result.spoken = [
        Utterance(float(t), _clean_utterance(text)) for t, text in _rows(out / "spoken_timed.tsv", 2)
    ]
    raw_events = [
        SpeechdEvent(float(t), client, event, text)
        for t, client, event, text in _rows(out / "speechd_spoken.tsv", 4)
    ]
    result.events, fixed = _fix_second_wraps(raw_events)

    def fix(t: float | None, client: str, text: str, *events: str) -> float | None:
        for event in events:
            if t is not None and (client, event, text, round(t, 2)) in fixed:
                return fixed[(client, event, text, round(t, 2))]
        return t

    for q, b, e, outcome, client, text in _rows(out / "speechd_messages.tsv", 6):
        queued = fix(float(q), client, text, "SPEAK")
        begin = fix(_opt_float(b), client, text, "BEGIN")
        end = fix(_opt_float(e), client, text, "END", "CANCELED")
        queued = float(q) if queued is None else queued
        if outcome == "queued" and begin is None and end is None:
            # speech-dispatcher can refuse a message (a 'notification' while something else
            # speaks) with its CANCELED event *before* the reply that names the message's id; the
            # harness then logs the event as "?id N" and the message as still queued.
            refused = [
                ev.t
                for ev in result.events
                if ev.client == client and ev.event == "CANCELED" and ev.text.startswith("?id ")
                and abs(ev.t - queued) < 0.02
            ]  # fmt: skip
            if refused:
                outcome, end = "CANCELED", refused[0]
        result.messages.append(SpeechdMessage(queued, begin, end, outcome, client, text))
    t0 = run_env.get("t0", "")
    for row in _rows(out / KEYS_LOG, 4):
        k_start, k_end, rc, action = row
        act = KeyAction(**json.loads(action))
        result.keys.append(SentKey(act, _seconds_since(t0, k_start), _seconds_since(t0, k_end), int(rc)))
    return result


# ----------------------------------------------------------------------------- in-harness launcher


def _xdotool_argv(action: KeyAction) -> list[str]:
    if action.kind == "type":
        return ["xdotool", "type", "--delay", str(action.delay_ms), action.arg]
    return ["xdotool", action.kind, action.arg]


def _send_keys(plan: list[KeyAction], log_path: Path, t_start: float, child: subprocess.Popen[bytes]) -> None:
    with open(log_path, "a", encoding="utf-8") as log:
        for action in sorted(plan, key=lambda a: a.at):
            while True:  # sleep in slices so a finished command stops the plan
                left = t_start + action.at - time.monotonic()
                if left <= 0 or child.poll() is not None:
                    break
                time.sleep(min(left, 0.05))
            if child.poll() is not None:
                return
            start = datetime.now().strftime(_CLOCK)
            rc = subprocess.run(_xdotool_argv(action), check=False, timeout=60).returncode
            end = datetime.now().strftime(_CLOCK)
            log.write(f"{start}\t{end}\t{rc}\t{json.dumps(asdict(action))}\n")
            log.flush()


def _launcher(argv: list[str]) -> int:
    """``keys --plan JSON --log FILE -- CMD...``: start CMD, send the planned keys, return CMD's status."""
    sep = argv.index("--")
    opts, cmd = argv[:sep], argv[sep + 1 :]
    plan = [KeyAction(**a) for a in json.loads(opts[opts.index("--plan") + 1])]
    log_path = Path(opts[opts.index("--log") + 1])
    t_start = time.monotonic()
    child = subprocess.Popen(cmd)

    def forward(signum: int, _frame: object) -> None:
        child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    sender = threading.Thread(target=_send_keys, args=(plan, log_path, t_start, child), daemon=True)
    sender.start()
    rc = child.wait()
    sender.join(timeout=1.0)
    return rc


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "keys":
        sys.exit(_launcher(sys.argv[2:]))
    print(__doc__)
    sys.exit(64)
