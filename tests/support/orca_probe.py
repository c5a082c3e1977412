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

Starting and ending the harness costs seconds each time, so :func:`run_steps` runs several commands
(:class:`ProbeStep`) one after the other under one Orca and cuts the logs into one result each;
keys may wait until Orca has spoken (``KeyAction.heard``) and a step may end once Orca has gone
quiet, instead of fixed times sized for the slowest moment of a loaded machine.

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
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parents[2]
HARNESS_ENV = "ORCA_PROBE_DIR"
DEFAULT_HARNESS = Path(__file__).resolve().parent / "orca_harness"
LOCK_PATH = Path(tempfile.gettempdir()) / f"orca-probe-{os.getuid()}.lock"
KEYS_LOG = "keys.tsv"
STEPS_LOG = "steps.tsv"
HEARD_TIMEOUT = 8.0  # the longest a ``heard`` key waits for Orca's speech
SETTLE = 1.0  # between steps: Orca has been quiet this long (it presents a closed window's events)
_SPEECH_MARK = b" - SPEECH OUTPUT: "
_KEY_ECHO_MARK = b"' {'"  # Orca's echo of a pressed key: "'tab ' {'established': False}"
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

    ``heard``: the key waits until Orca has spoken since the key before it (or since the command
    started) and then said nothing for ``heard`` seconds, as a user listens before the next key (at
    most ``HEARD_TIMEOUT`` s; ``at`` and ``gap`` still hold). A fixed pause would have to allow for the
    slowest moment of a loaded machine; Orca 43 also drops a focus event it dequeues after the focus
    has moved on, so the next key must not come before Orca has spoken.
    """

    at: float
    kind: KeyKind
    arg: str
    delay_ms: int = 120
    heard: float | None = None  # wait for Orca: see the class docstring
    gap: float = 0.0  # at least this many seconds after the key before it


@dataclass(frozen=True)
class ProbeStep:
    """One command of a shared harness run (:func:`run_steps`): started when the step before it has
    ended and Orca has been quiet ``SETTLE`` s, with its own keys (``at`` counted from its start),
    its own environment additions and its own output (``app.log`` of its result).

    It ends by itself, or is ended (SIGTERM, as the harness ends a command) ``wait`` s after it
    started, or, with ``quiet``, once its keys are sent and Orca has said nothing for ``quiet`` s
    (after it spoke at least once in the step).
    """

    name: str
    cmd: Sequence[str]
    keys: Sequence[KeyAction] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    wait: float = 12.0
    quiet: float | None = None


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
    out = _out_folder(out_dir)
    (out / KEYS_LOG).unlink(missing_ok=True)  # the launcher appends; a reused folder must not mix runs
    plan = json.dumps([asdict(k) for k in keys])
    launcher = ["keys", "--plan", plan, "--log", str(out / KEYS_LOG), "--", *cmd]
    return _in_harness(launcher, options, env, out)


def run_steps(
    steps: Sequence[ProbeStep],
    options: ProbeOptions | None = None,
    *,
    env: Mapping[str, str] | None = None,
    out_dir: Path | None = None,
) -> dict[str, ProbeResult]:
    """Run several commands one after the other under one Orca (one harness start for all), each
    as :func:`run_probe` would run it alone; returns each step's result by its name.

    A step's result holds what was said from its start to the next step's start, with times counted
    from its own start; its ``out_dir`` holds its ``app.log``, the run's raw logs lie one folder up.
    ``options.wait`` is ignored: the run lasts as long as its steps. Orca, its settings and the
    harness's servers are shared, so only steps that need the same ``options`` and Orca settings
    can share a run.
    """
    if len({step.name for step in steps}) != len(steps):
        raise ValueError("step names must differ")
    options = options or ProbeOptions()
    longest = sum(step.wait + SETTLE + 12.0 for step in steps)  # each: start, settle, end
    options = replace(options, wait=longest, timeout=options.timeout or longest + 90.0)
    out = _out_folder(out_dir)
    (out / STEPS_LOG).unlink(missing_ok=True)
    plan = json.dumps([asdict(step) for step in steps])
    launcher = ["steps", "--plan", plan, "--dir", str(out)]
    whole = _in_harness(launcher, options, env, out)
    results = _step_results(whole)
    lost = [step.name for step in steps if step.name not in results]
    if lost:  # the harness ended before these steps began: say why, not a bare KeyError later
        raise AssertionError(
            f"the Orca run ended before steps {lost} (rc {whole.returncode}): {whole.stderr[-2000:]}"
        )
    return results


def steps_of_selected_tests(request: object, by_test: Mapping[str, Sequence[ProbeStep]]) -> list[ProbeStep]:
    """The steps of the tests of the requesting module that this pytest run will run (``by_test``:
    test name -> its steps), for a module-scoped fixture that runs them all under one Orca: a run of
    one test starts only that test's programs."""
    module = request.module  # type: ignore[attr-defined]
    items = request.session.items  # type: ignore[attr-defined]
    # A parametrized test's item is "test_x[a]": its steps are listed under "test_x".
    chosen = {
        getattr(item, "originalname", None) or item.name
        for item in items
        if getattr(item, "module", None) is module
    }
    return [step for test, steps in by_test.items() if test in chosen for step in steps]


def _out_folder(out_dir: Path | None) -> Path:
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="orca-probe."))
    out.mkdir(parents=True, exist_ok=True)
    return out


def _in_harness(
    launcher_args: list[str], options: ProbeOptions, env: Mapping[str, str] | None, out: Path
) -> ProbeResult:
    """Run this file's launcher (``keys`` or ``steps``) inside the harness and parse the run."""
    argv = [str(harness_dir() / "run.sh"), sys.executable, str(Path(__file__).resolve()), *launcher_args]
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


def _end_run(proc: subprocess.Popen[str], grace: float) -> None:
    """Ends a harness run: SIGTERM lets run.sh's trap end everything it started by PID (Xvfb,
    D-Bus, speech-dispatcher, Orca); its whole session is killed only if that hangs."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.communicate(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


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
            _end_run(proc, grace=30)
            raise ProbeError(f"orca-probe run exceeded {timeout:.0f} s (logs in {out})") from None
        except BaseException:  # pytest-timeout's signal, ^C: nothing of the run may be left behind
            _end_run(proc, grace=5)
            raise
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
    result.keys = _load_keys(out / KEYS_LOG, run_env.get("t0", ""))
    return result


def _load_keys(path: Path, t0: str) -> list[SentKey]:
    keys = []
    for k_start, k_end, rc, action in _rows(path, 4):
        act = KeyAction(**json.loads(action))
        keys.append(SentKey(act, _seconds_since(t0, k_start), _seconds_since(t0, k_end), int(rc)))
    return keys


def _step_results(whole: ProbeResult) -> dict[str, ProbeResult]:
    """Cut a :func:`run_steps` run into its steps: each keeps what happened from its start to the next
    step's start (Orca presents a closed window's events after its program ended), re-timed from its
    own start."""
    rows = list(_rows(whole.out_dir / STEPS_LOG, 4))
    t0 = whole.run_env.get("t0", "")
    starts = [_seconds_since(t0, row[1]) for row in rows] + [float("inf")]
    results = {}
    for i, (name, clock, _end, rc) in enumerate(rows):
        lo, hi = starts[i], starts[i + 1]
        folder = whole.out_dir / name
        folder.mkdir(exist_ok=True)
        log = whole.out_dir / f"step-{name}.log"
        if log.exists():
            shutil.copy(log, folder / "app.log")
        step = ProbeResult(folder, int(rc), whole.stdout, whole.stderr, dict(whole.run_env, t0=clock))

        def since(t: float | None, lo: float = lo) -> float | None:
            return None if t is None else t - lo

        step.spoken = [Utterance(u.t - lo, u.text) for u in whole.spoken if lo <= u.t < hi]
        step.messages = [
            SpeechdMessage(m.queued - lo, since(m.begin), since(m.end), m.outcome, m.client, m.text)
            for m in whole.messages
            if lo <= m.queued < hi
        ]
        step.events = [
            SpeechdEvent(e.t - lo, e.client, e.event, e.text) for e in whole.events if lo <= e.t < hi
        ]
        step.keys = _load_keys(whole.out_dir / f"keys-{name}.tsv", clock)
        results[name] = step
    return results


# ----------------------------------------------------------------------------- in-harness launcher


def _xdotool_argv(action: KeyAction) -> list[str]:
    if action.kind == "type":
        return ["xdotool", "type", "--delay", str(action.delay_ms), action.arg]
    return ["xdotool", action.kind, action.arg]


class _OrcaSpeech:
    """Orca's debug log as it grows (line-buffered by launch/orca): how much it has spoken, and when
    it last did, for keys that wait until Orca has been heard. Its echo of the keys pressed does not
    count: it comes at once, before Orca has said what the key did."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.count = 0
        self.last = float("-inf")

    def poll(self) -> int:
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.offset)
                data = fh.read()
        except OSError:
            return self.count
        whole = data[: data.rfind(b"\n") + 1]
        self.offset += len(whole)
        spoken = sum(1 for line in whole.splitlines() if _SPEECH_MARK in line and _KEY_ECHO_MARK not in line)
        if spoken:
            self.count += spoken
            self.last = time.monotonic()
        return self.count

    def quiet_for(self) -> float:
        self.poll()
        return time.monotonic() - self.last


def _orca_speech() -> _OrcaSpeech:
    return _OrcaSpeech(Path(os.environ.get("ORCA_PROBE_OUT", ".")) / "orca-debug.log")


def _send_keys(
    plan: Sequence[KeyAction],
    log_path: Path,
    t_start: float,
    child: subprocess.Popen[bytes],
    speech: _OrcaSpeech,
    deadline: float = float("inf"),
) -> float:
    """Send the planned keys; returns when the last one ended (``t_start`` if none was sent)."""
    previous_end, heard_before = t_start, speech.poll()
    with open(log_path, "a", encoding="utf-8") as log:
        for action in sorted(plan, key=lambda a: a.at):
            armed = None  # when ``at`` and ``gap`` were met (a ``heard`` key waits HEARD_TIMEOUT at most)
            while child.poll() is None and time.monotonic() < deadline:
                now = time.monotonic()
                if now >= max(t_start + action.at, previous_end + action.gap):
                    armed = now if armed is None else armed
                    if action.heard is None or now - armed >= HEARD_TIMEOUT:
                        break
                    if speech.quiet_for() >= action.heard and speech.count > heard_before:
                        break
                time.sleep(0.03)  # in slices, so a finished command stops the plan
            if child.poll() is not None or time.monotonic() >= deadline:
                break
            heard_before = speech.poll()  # what Orca says from now on answers this key
            start = datetime.now().strftime(_CLOCK)
            rc = subprocess.run(_xdotool_argv(action), check=False, timeout=60).returncode
            end = datetime.now().strftime(_CLOCK)
            previous_end = time.monotonic()
            log.write(f"{start}\t{end}\t{rc}\t{json.dumps(asdict(action))}\n")
            log.flush()
    return previous_end


def _end(child: subprocess.Popen[bytes]) -> int:
    """End a command as the harness does: SIGTERM, then SIGKILL if it hangs."""
    if child.poll() is None:
        child.terminate()
        try:
            return child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
    return child.wait()


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
    sender = threading.Thread(
        target=_send_keys, args=(plan, log_path, t_start, child, _orca_speech()), daemon=True
    )
    sender.start()
    rc = child.wait()
    sender.join(timeout=1.0)
    return rc


def _steps_launcher(argv: list[str]) -> int:
    """``steps --plan JSON --dir DIR``: run each step (see :class:`ProbeStep`) in turn; its output goes
    to DIR/step-NAME.log, its keys to DIR/keys-NAME.tsv, and a line per step (name, start, end,
    status) to DIR/steps.tsv."""
    steps = json.loads(argv[argv.index("--plan") + 1])
    folder = Path(argv[argv.index("--dir") + 1])
    speech = _orca_speech()
    running: list[subprocess.Popen[bytes]] = []
    stopping: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        stopping.append(signum)
        for child in running:
            if child.poll() is None:
                child.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    for step in steps:
        settle_until = time.monotonic() + 10.0
        while speech.quiet_for() < SETTLE and time.monotonic() < settle_until and not stopping:
            time.sleep(0.05)
        if stopping:
            break
        clock, t_start, heard_before = datetime.now().strftime(_CLOCK), time.monotonic(), speech.poll()
        deadline = t_start + step["wait"]
        with open(folder / f"step-{step['name']}.log", "wb") as out:
            child = subprocess.Popen(
                step["cmd"], env={**os.environ, **step["env"]}, stdout=out, stderr=subprocess.STDOUT
            )
        running[:] = [child]
        keys = [KeyAction(**k) for k in step["keys"]]
        last_key = _send_keys(keys, folder / f"keys-{step['name']}.tsv", t_start, child, speech, deadline)
        quiet = step["quiet"]
        while child.poll() is None and time.monotonic() < deadline and not stopping:
            after_keys = quiet is not None and time.monotonic() - last_key >= quiet
            if after_keys and speech.quiet_for() >= quiet and speech.count > heard_before:
                break
            time.sleep(0.05)
        rc = _end(child)
        with open(folder / STEPS_LOG, "a", encoding="utf-8") as log:
            log.write(f"{step['name']}\t{clock}\t{datetime.now().strftime(_CLOCK)}\t{rc}\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "keys":
        sys.exit(_launcher(sys.argv[2:]))
    if len(sys.argv) > 1 and sys.argv[1] == "steps":
        sys.exit(_steps_launcher(sys.argv[2:]))
    print(__doc__)
    sys.exit(64)
