"""Single instance and remote control over a local socket (QLocalServer), private to the user.

The running app listens on a name derived from the user and the config folder. A second launch,
or ``assistant trigger describe-screen`` (the way to bind keys on Wayland, or in any desktop's
shortcut settings), connects, sends one JSON line and reads one JSON line back.

Protocol: ``{"command": "describe-screen", "args": {...}}\\n`` → ``{"ok": true, "message": "..."}\\n``.
On Unix the socket lives in ``$XDG_RUNTIME_DIR`` (a 0700 folder) when there is one, and Qt's
``UserAccessOption`` makes the socket itself owner-only either way.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from assistant import paths

log = logging.getLogger(__name__)

COMMANDS: dict[str, str] = {
    "describe-screen": "Describe the screen under the pointer.",
    "describe-window": "Describe the active window.",
    "describe-pointer": "Describe the area around the pointer.",
    "clipboard": "Describe the image on the clipboard.",
    "describe-file": "Describe an image file (give its path).",
    "stop": "Stop speaking.",
    "repeat": "Say the last description again.",
    "show": "Open the main window.",
    "history": "Open the history.",
    "settings": "Open the settings.",
    "status": "Report whether the model is ready and what is running.",
    "quit": "Quit the running assistant.",
}

Handler = Callable[[str, dict[str, Any]], tuple[bool, str]]
MAX_MESSAGE = 64 * 1024


def server_name(config_dir: Path | None = None) -> str:
    """One name per user and config folder, so test instances never meet the real one."""
    directory = str((config_dir or paths.config_dir()).resolve())
    digest = hashlib.sha1(directory.encode("utf-8")).hexdigest()[:10]
    try:
        user = getpass.getuser()
    except Exception:
        user = "user"
    name = f"assistant-{user}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform != "win32" and runtime and Path(runtime).is_dir() and os.access(runtime, os.W_OK):
        return str(Path(runtime) / f"{name}.sock")
    return name


def encode(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj).encode("utf-8") + b"\n"


class IpcServer(QObject):
    """Accepts commands from other processes and hands them to ``handler`` on the GUI thread."""

    command_received = Signal(str, dict)

    def __init__(self, handler: Handler, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._lock: QLockFile | None = None

    def listen(self) -> bool:
        """Start listening; False when another live instance already owns the name.

        A lock file next to the socket decides who is the instance (Qt's QLockFile notices a lock
        left by a crashed process); the socket itself is then (re)created. Qt's listen() alone
        cannot decide this: with access options it silently replaces a live socket.
        """
        self._lock = QLockFile(self._lock_path())
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not self._lock.tryLock(200):
            if send_command("status", name=self.name, timeout_ms=1500) is not None:
                return False
            # The lock's owner is alive but not answering (hung): leave it be.
            log.warning("another instance holds %s but does not answer", self._lock_path())
            return False
        QLocalServer.removeServer(self.name)  # a socket file left behind by a crash
        ok = self._server.listen(self.name)
        if ok:
            log.info("listening on %s", self._server.fullServerName())
        else:
            log.warning("could not listen on %s: %s", self.name, self._server.errorString())
            self._lock.unlock()
        return ok

    def _lock_path(self) -> str:
        if "/" in self.name or "\\" in self.name:
            return self.name + ".lock"
        return str(Path(QDir.tempPath()) / f"{self.name}.lock")

    def close(self) -> None:
        self._server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @property
    def full_name(self) -> str:
        return self._server.fullServerName()

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            self._reply(socket, {"ok": False, "message": "The command was too long."})
            return
        if b"\n" not in data:
            self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
            command = str(message["command"])
            args = message.get("args") or {}
            if not isinstance(args, dict):
                raise TypeError("args must be an object")
        except (ValueError, KeyError, TypeError) as exc:
            self._reply(socket, {"ok": False, "message": f"Bad command: {exc}."})
            return
        if command not in COMMANDS:
            self._reply(socket, {"ok": False, "message": f"Unknown command {command}."})
            return
        self.command_received.emit(command, args)
        try:
            ok, text = self._handler(command, args)
        except Exception:
            log.exception("IPC command %s failed", command)
            ok, text = False, "The command failed."
        self._reply(socket, {"ok": ok, "message": text})

    def _reply(self, socket: QLocalSocket, obj: dict[str, Any]) -> None:
        socket.write(QByteArray(encode(obj)))
        socket.flush()
        socket.disconnectFromServer()


def send_command(
    command: str, args: dict[str, Any] | None = None, name: str | None = None, timeout_ms: int = 3000
) -> dict[str, Any] | None:
    """Send one command to the running instance; its reply, or None when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(QByteArray(encode({"command": command, "args": args or {}})))
    if not socket.waitForBytesWritten(timeout_ms):
        socket.abort()
        return {"ok": False, "message": "The running assistant did not accept the command."}
    data = b""
    while b"\n" not in data:
        ready = socket.waitForReadyRead(timeout_ms)
        data += bytes(socket.readAll().data())  # the server may answer and hang up at once
        if not ready:
            break
    socket.abort()
    try:
        reply = json.loads(data.split(b"\n", 1)[0].decode("utf-8"))
        return reply if isinstance(reply, dict) else {"ok": False, "message": "Bad reply."}
    except ValueError:
        return {"ok": False, "message": "The running assistant did not answer."}


def trigger_main(args: Any) -> int:
    """``assistant trigger NAME [PATH]``: 0 done, 1 refused by the app, 2 no running app."""
    command = str(getattr(args, "command", "") or "")
    if command not in COMMANDS:
        print(f"Unknown command {command!r}. Known: {', '.join(COMMANDS)}.", file=sys.stderr)
        return 2
    payload: dict[str, Any] = {}
    if command == "describe-file":
        path = getattr(args, "path", None)
        if not path:
            print("describe-file needs the path of an image.", file=sys.stderr)
            return 2
        payload["path"] = str(Path(path).expanduser().resolve())
    settings_dir = getattr(args, "settings_dir", None)
    name = server_name(Path(settings_dir)) if settings_dir else None
    reply = send_command(command, payload, name=name)
    if reply is None:
        print("The assistant is not running. Start it with: assistant run", file=sys.stderr)
        return 2
    message = str(reply.get("message", ""))
    if message:
        print(message, file=sys.stdout if reply.get("ok") else sys.stderr)
    return 0 if reply.get("ok") else 1
