"""Single instance and `assistant trigger` over the user's private local socket.

Clients always run in a second process, as in real use (PySide's blocking socket calls hold the
GIL, so a client thread in the server's own process would stall the server it is waiting for).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.app.ipc import IpcServer, server_name, trigger_main

pytestmark = [pytest.mark.gui, pytest.mark.timeout(90)]
REPO = Path(__file__).resolve().parents[2]


def client(qtbot, code: str) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a second process while this one's event loop keeps serving."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def send(qtbot, name: str, command: str, args: dict | None = None) -> object:
    code = (
        f"import json; from assistant.app.ipc import send_command; "
        f"print(json.dumps(send_command({command!r}, {args!r}, name={name!r})))"
    )
    result = client(qtbot, code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_server_name_is_per_user_and_config_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    a, b = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert a != b and Path(a).parent == Path(b).parent
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert server_name(tmp_path / "a") == str(tmp_path / "assistant" / Path(a).name)


def test_commands_round_trip_and_bad_input(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    received: list[tuple[str, dict]] = []

    def handler(command: str, args: dict) -> tuple[bool, str]:
        received.append((command, args))
        return (command != "repeat"), f"did {command}"

    server = IpcServer(handler, server_name(tmp_path / "cfg"))
    assert server.listen()
    try:
        mode = os.stat(server.full_name).st_mode
        assert stat.S_ISSOCK(mode) and mode & 0o077 == 0  # private to this user
        assert send(qtbot, server.name, "describe-file", {"path": "/x.png"}) == {
            "ok": True,
            "message": "did describe-file",
        }
        assert send(qtbot, server.name, "repeat") == {"ok": False, "message": "did repeat"}
        assert send(qtbot, server.name, "format-disk") == {
            "ok": False,
            "message": "Unknown command format-disk.",
        }
        garbage = client(
            qtbot,
            (
                "import socket; s = socket.socket(socket.AF_UNIX); s.settimeout(10); "
                f"s.connect({server.full_name!r}); s.sendall(b'{{nonsense\\n'); print(s.recv(4096).decode())"
            ),
        )
        assert '"ok": false' in garbage.stdout
        assert received == [("describe-file", {"path": "/x.png"}), ("repeat", {})]
    finally:
        server.close()


def test_second_server_refuses_and_stale_socket_is_taken_over(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    name = server_name(tmp_path / "cfg")
    first_code = (
        "import sys, time; from PySide6.QtCore import QCoreApplication; "
        "from assistant.app.ipc import IpcServer; app = QCoreApplication([]); "
        f"s = IpcServer(lambda c, a: (True, 'first'), {name!r}); assert s.listen(); print('up', flush=True); "
        "end = time.time() + 60\n"
        "while time.time() < end: app.processEvents(); time.sleep(0.01)"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    first = subprocess.Popen(
        [sys.executable, "-c", first_code], env=env, cwd=REPO, text=True, stdout=subprocess.PIPE
    )
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "up"
        second = IpcServer(lambda c, a: (True, "second"), name)
        assert second.listen() is False  # the first one answered: one instance only
        first.send_signal(signal.SIGKILL)  # a crash leaves the socket file behind
        first.wait(10)
        assert Path(name).exists()
        third = IpcServer(lambda c, a: (True, "third"), name)
        assert third.listen()  # nobody answers on the stale socket, so it is taken over
        assert send(qtbot, name, "status") == {"ok": True, "message": "third"}
        third.close()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(10)


def test_trigger_main_from_a_second_process(qtbot, tmp_path, monkeypatch) -> None:
    settings_dir = tmp_path / "cfg"
    monkeypatch.setenv("ASSISTANT_CONFIG_DIR", str(settings_dir))
    received: list[tuple[str, dict]] = []

    def handler(command: str, args: dict) -> tuple[bool, str]:
        received.append((command, args))
        return True, "Describing."

    server = IpcServer(handler, server_name(settings_dir))
    assert server.listen()
    image = tmp_path / "picture.png"
    image.write_bytes(b"")
    try:
        for command, extra in (("describe-screen", ""), ("describe-file", f", path={str(image)!r}")):
            code = (
                "import sys; from types import SimpleNamespace as N; "
                "from assistant.app.ipc import trigger_main; "
                f"sys.exit(trigger_main(N(command={command!r}{extra})))"
            )
            result = client(qtbot, code)
            assert result.returncode == 0, result.stderr
            assert result.stdout.strip() == "Describing."
        assert received == [("describe-screen", {}), ("describe-file", {"path": str(image.resolve())})]
    finally:
        server.close()


def test_trigger_without_a_running_app_says_so(tmp_path, capsys) -> None:
    start = time.perf_counter()
    code = trigger_main(SimpleNamespace(command="stop", settings_dir=tmp_path / "nobody"))
    assert code == 2
    assert time.perf_counter() - start < 5
    assert "not running" in capsys.readouterr().err
    assert trigger_main(SimpleNamespace(command="explode")) == 2
    assert trigger_main(SimpleNamespace(command="describe-file", path=None)) == 2


def test_socket_fallback_name_without_runtime_dir(tmp_path, monkeypatch) -> None:
    """Without XDG_RUNTIME_DIR the socket is still in a folder private to this user, not in /tmp."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    name = server_name(tmp_path / "cfg")
    folder = Path(name).parent
    info = os.lstat(folder)
    assert stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0
    assert folder != Path("/tmp") and folder.parent != Path("/tmp")
    server = IpcServer(lambda c, a: (True, ""), name)
    assert server.listen()
    try:
        path = server.full_name
        assert os.stat(path).st_mode & 0o077 == 0
        probe = socket.socket(socket.AF_UNIX)
        probe.connect(path)
        probe.close()
    finally:
        server.close()


@pytest.mark.timeout(60)
def test_run_without_a_display_says_so_instead_of_aborting(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PYTHONPATH=str(REPO), ASSISTANT_CONFIG_DIR=str(tmp_path / "cfg"))
    result = subprocess.run(
        [sys.executable, "-m", "assistant.app"], env=env, cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 4
    assert "No desktop display was found" in result.stderr
