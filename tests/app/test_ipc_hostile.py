"""The IPC socket against a hostile local user and a hostile client (issue #18, items 2, 6 and 7).

Another user must not be able to pre-create or own the folder or the socket (then "already running",
and the victim's file paths sent to them); a deeply nested message must get a reply, not a traceback;
running out of file descriptors must not end remote control for good.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import paths
from assistant.app.ipc import MAX_CLIENTS, IpcServer, send_command, server_name
from assistant.errors import UnsafeFolderError

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]
REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
as_root = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can make a folder owned by another user"
)


def private(tmp_path: Path, name: str = "rt") -> Path:
    folder = tmp_path / name
    folder.mkdir(mode=0o700)
    return folder


def run_client(qtbot, code: str, timeout_ms: int = 60_000) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        env=env,
        cwd=REPO,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout_ms)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def status_from_another_process(qtbot, name: str) -> object:
    code = (
        "import json; from assistant.app.ipc import send_command; "
        f"print(json.dumps(send_command('status', name={name!r}, timeout_ms=5000)))"
    )
    result = run_client(qtbot, code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- the folder and the socket --------------------------------------------------------------------
@as_root
def test_runtime_dir_owned_by_another_user_is_not_used(tmp_path, monkeypatch) -> None:
    foreign = private(tmp_path)
    os.chown(foreign, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(foreign))
    folder = paths.runtime_dir()
    assert foreign not in folder.parents
    assert paths.private_folder_problem(folder) is None


def test_world_writable_runtime_dir_is_not_used(tmp_path, monkeypatch) -> None:
    shared = private(tmp_path)
    shared.chmod(0o1777)  # like /tmp
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    folder = paths.runtime_dir()
    assert shared not in folder.parents
    assert not (shared / paths.APP_NAME).exists()


@as_root
def test_precreated_folder_of_another_user_is_refused(tmp_path, monkeypatch) -> None:
    """The attack of issue #18: someone else made the app's folder first. Nothing is created in it."""
    runtime = private(tmp_path)
    planted = runtime / paths.APP_NAME
    planted.mkdir(mode=0o777)
    os.chown(planted, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    with pytest.raises(UnsafeFolderError, match="belongs to another user"):
        server_name(tmp_path / "cfg")
    assert list(planted.iterdir()) == []


def test_precreated_symlink_instead_of_the_folder_is_refused(tmp_path, monkeypatch) -> None:
    runtime = private(tmp_path)
    elsewhere = private(tmp_path, "elsewhere")
    (runtime / paths.APP_NAME).symlink_to(elsewhere)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    with pytest.raises(UnsafeFolderError, match="symbolic link"):
        server_name(tmp_path / "cfg")


def test_own_folder_with_loose_permissions_is_tightened(tmp_path, monkeypatch) -> None:
    runtime = private(tmp_path)
    (runtime / paths.APP_NAME).mkdir(mode=0o755)
    (runtime / paths.APP_NAME).chmod(0o755)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    name = server_name(tmp_path / "cfg")
    assert os.stat(Path(name).parent).st_mode & 0o777 == 0o700


@as_root
def test_client_never_talks_to_a_socket_of_another_user(tmp_path, monkeypatch) -> None:
    """A planted listening socket (owned by someone else) never receives a command or a path."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private(tmp_path)))
    name = server_name(tmp_path / "cfg")
    planted = socket.socket(socket.AF_UNIX)
    planted.bind(name)
    planted.listen(4)
    os.chown(name, NOBODY, NOBODY)
    planted.settimeout(0.5)
    try:
        assert send_command("describe-file", {"path": "/home/victim/secret.png"}, name=name) is None
        with pytest.raises(TimeoutError):
            planted.accept()
    finally:
        planted.close()


@as_root
def test_server_refuses_a_folder_taken_over_after_naming(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private(tmp_path)))
    name = server_name(tmp_path / "cfg")
    os.chown(Path(name).parent, NOBODY, NOBODY)
    server = IpcServer(lambda c, a: (True, ""), name)
    with pytest.raises(UnsafeFolderError):
        server.listen()


# -- hostile messages -----------------------------------------------------------------------------
def test_deeply_nested_message_gets_a_short_reply(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(private(tmp_path)))
    server = IpcServer(lambda c, a: (True, "fine"), server_name(tmp_path / "cfg"))
    assert server.listen()
    try:
        deep = "[" * 60_000  # under the 64 KB message limit, far over Python's recursion limit
        code = (
            "import socket; s = socket.socket(socket.AF_UNIX); s.settimeout(20); "
            f"s.connect({server.full_name!r}); s.sendall(b'{deep}\\n'); print(s.recv(4096).decode())"
        )
        result = run_client(qtbot, code)
        assert '"ok": false' in result.stdout and "nested" in result.stdout, result
        assert status_from_another_process(qtbot, server.name) == {"ok": True, "message": "fine"}
    finally:
        server.close()


def test_describe_file_with_an_unusable_path_is_refused_in_words(make_controller) -> None:
    """Found by scripts/fuzz_inputs.py: a 5,000-character path raised OSError inside the app."""
    controller = make_controller()
    for path in ("x" * 5000, "~nosuchuser-18/a.png"):
        assert controller.handle_command("describe-file", {"path": path}) == (
            False,
            "That is not a usable file name.",
        )
    assert controller.handle_command("describe-file", {"path": "/nonexistent-18.png"}) == (
        False,
        "That file does not exist.",
    )


# -- file descriptors -----------------------------------------------------------------------------
def run_fd_child(mode: str) -> dict:
    """The server runs in its own process (tests/app/ipc_fd_child.py) with a tight descriptor limit."""
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("ipc_fd_child.py")), mode],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count descriptors")


@needs_proc
def test_a_flood_of_idle_connections_cannot_use_up_descriptors() -> None:
    """300 idle connections against a server allowed only 120 more descriptors: it keeps answering."""
    report = run_fd_child("flood")
    assert report["listening"] is True
    assert report["held_by_server"] <= MAX_CLIENTS
    assert report["status"] == {"ok": True, "message": "alive"}


@needs_proc
def test_server_listens_again_after_accept_failed_for_lack_of_descriptors() -> None:
    """Out of descriptors, Qt's accept() fails and it closes the server; it must come back by itself."""
    report = run_fd_child("exhaust")
    assert report["closed_by_qt"] is True, "accept() did not fail: descriptors were not used up"
    assert report["listening_again"] is True and report["relistened"] >= 1
    assert report["status"] == {"ok": True, "message": "alive"}
