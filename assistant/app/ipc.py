"""Single instance and remote control over a local socket (QLocalServer), private to the user.

The running app listens on a name derived from the user and the config folder. A second launch,
or ``assistant trigger describe-screen`` (the way to bind keys on Wayland, or in any desktop's
shortcut settings), connects, sends one JSON line and reads one JSON line back.

Protocol: ``{"command": "describe-screen", "args": {...}}\\n`` → ``{"ok": true, "message": "..."}\\n``.
On Unix the socket lives only in the user's private runtime folder (:func:`assistant.paths.runtime_dir`:
0700, owned by the user, checked before every use, never a predictable name in ``/tmp``), and Qt's
``UserAccessOption`` makes the socket itself owner-only too. A client refuses a socket file that is
not a socket of this user. Messages are size- and depth-limited JSON; idle or surplus connections are
closed, and the server listens again by itself if Qt ever closes it (``accept()`` failing when the
process runs out of file descriptors closes a ``QLocalServer`` for good).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QDir, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from assistant import paths, safe_json
from assistant.catalog import IPC_COMMANDS
from assistant.errors import AssistantError, UnsafeFolderError

log = logging.getLogger(__name__)

COMMANDS = IPC_COMMANDS  # name -> help, declared once in assistant.catalog

Handler = Callable[[str, dict[str, Any]], tuple[bool, str]]
MAX_MESSAGE = 64 * 1024
MAX_DEPTH = 8  # a command is {"command": ..., "args": {...}}: two levels
MAX_CLIENTS = 32  # open connections at once; more close the oldest (a flood cannot use up descriptors)
IDLE_SECONDS = 10.0  # a client that has not sent its line by then is hung up on
WATCH_MS = 1000  # how often the server checks it is still listening and sweeps idle clients


def server_name(config_dir: Path | None = None) -> str:
    """One name per user and config folder, so test instances never meet the real one.

    On Unix a path in the user's private runtime folder (created and checked here; raises
    :class:`UnsafeFolderError` when it is not private); on Windows a named pipe's name.
    """
    directory = str((config_dir or paths.config_dir()).resolve())
    digest = hashlib.sha1(directory.encode("utf-8")).hexdigest()[:10]
    if sys.platform == "win32":
        try:
            user = getpass.getuser()
        except Exception:
            user = "user"
        return f"assistant-{user}-{digest}"
    name = str(paths.runtime_dir() / f"ipc-{digest}.sock")
    if len(os.fsencode(name)) > paths.MAX_SOCKET_PATH:
        raise AssistantError(
            f"The path of my private folder is too long for a socket ({name}); "
            "set XDG_RUNTIME_DIR to a short private folder."
        )
    return name


def socket_problem(name: str) -> str | None:
    """Why the socket file ``name`` must not be trusted (None when it is this user's socket or absent).

    The folder is private, so this only fails when something went wrong around it; a client then never
    sends a file's path to whoever made the file.
    """
    if "/" not in name:
        return None
    folder_problem = paths.private_folder_problem(Path(name).parent)
    if folder_problem is not None:
        return f"its folder {folder_problem}"
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        return None
    except OSError:
        return "it cannot be read"
    if not stat.S_ISSOCK(info.st_mode):
        return "it is not a socket"
    if info.st_uid != os.getuid():
        return "it belongs to another user"
    return None


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
        self._opened: dict[QLocalSocket, float] = {}  # when each client connected (monotonic)
        self._lock: QLockFile | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._keep_listening)
        self.relistened = 0  # how often Qt closed the server and it listened again

    def listen(self) -> bool:
        """Start listening; False when another live instance already owns the name.

        A lock file next to the socket decides who is the instance (Qt's QLockFile notices a lock
        left by a crashed process); the socket itself is then (re)created. Qt's listen() alone
        cannot decide this: with access options it silently replaces a live socket.
        Raises :class:`UnsafeFolderError` when the socket's folder is not private to this user.
        """
        if "/" in self.name:
            problem = paths.private_folder_problem(Path(self.name).parent)
            if problem is not None:
                raise UnsafeFolderError(f"The folder of my socket {problem}, so I will not listen there.")
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
            self._watch.start()
        else:
            log.warning("could not listen on %s: %s", self.name, self._server.errorString())
            self._lock.unlock()
        return ok

    def _lock_path(self) -> str:
        if "/" in self.name or "\\" in self.name:
            return self.name + ".lock"
        return str(Path(QDir.tempPath()) / f"{self.name}.lock")

    def close(self) -> None:
        self._watch.stop()
        for socket in list(self._buffers):
            self._drop(socket)
        self._server.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @property
    def full_name(self) -> str:
        return self._server.fullServerName()

    def _keep_listening(self) -> None:
        """Listen again if Qt closed the server (it does when accept() fails, e.g. out of descriptors),
        and hang up on clients that have been silent too long."""
        now = time.monotonic()
        for socket, opened in list(self._opened.items()):
            if now - opened > IDLE_SECONDS:
                self._drop(socket)
        if self._lock is None or self._server.isListening():
            return
        log.warning("the command socket closed (%s); listening again", self._server.errorString())
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            self.relistened += 1
        else:  # still out of descriptors, say: the next tick tries again
            log.warning("could not listen again on %s: %s", self.name, self._server.errorString())

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            while len(self._opened) >= MAX_CLIENTS:  # the oldest silent one makes room
                self._drop(next(iter(self._opened)))
            self._buffers[socket] = b""
            self._opened[socket] = time.monotonic()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _drop(self, socket: QLocalSocket) -> None:
        known = self._opened.pop(socket, None) is not None or socket in self._buffers
        self._buffers.pop(socket, None)
        socket.abort()  # its disconnected signal finds it forgotten already
        if known:
            socket.deleteLater()

    def _forget(self, socket: QLocalSocket) -> None:
        if self._opened.pop(socket, None) is None and socket not in self._buffers:
            return
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        try:
            self._read_command(socket)
        except Exception:  # a bug must cost one reply, never the server
            log.exception("IPC message handling failed")
            self._reply(socket, {"ok": False, "message": "The command failed."})

    def _read_command(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
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
            message = safe_json.loads(line, MAX_MESSAGE, MAX_DEPTH)
            if not isinstance(message, dict) or not isinstance(message.get("command"), str):
                raise ValueError("it must be an object with a command name")
            command = message["command"]
            args = message.get("args") or {}
            if not isinstance(args, dict):
                raise ValueError("args must be an object")
        except ValueError as exc:
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
        self._opened.pop(socket, None)  # answered: no longer counted as waiting
        socket.write(QByteArray(encode(obj)))
        socket.flush()
        socket.disconnectFromServer()


def send_command(
    command: str, args: dict[str, Any] | None = None, name: str | None = None, timeout_ms: int = 3000
) -> dict[str, Any] | None:
    """Send one command to the running instance; its reply, or None when none is running."""
    name = name or server_name()
    problem = socket_problem(name)
    if problem is not None:
        log.warning("not using the socket %s: %s", name, problem)
        return None
    socket = QLocalSocket()
    socket.connectToServer(name)
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
        reply = safe_json.loads(data.split(b"\n", 1)[0], MAX_MESSAGE, MAX_DEPTH)
        return reply if isinstance(reply, dict) else {"ok": False, "message": "Bad reply."}
    except ValueError:
        return {"ok": False, "message": "The running assistant did not answer."}


def trigger_main(args: Any) -> int:
    """``assistant trigger NAME [ARG...]``: 0 done, 1 refused by the app, 2 no running app. ARG is
    describe-file's image or find-text's words."""
    command = str(getattr(args, "command", "") or "")
    if command not in COMMANDS:
        print(f"Unknown command {command!r}. Known: {', '.join(COMMANDS)}.", file=sys.stderr)
        return 2
    payload: dict[str, Any] = {}
    words = getattr(args, "path", None) or []
    words = [str(words)] if isinstance(words, (str, Path)) else [str(w) for w in words]
    if command == "describe-file":
        if not words:
            print("describe-file needs the path of an image.", file=sys.stderr)
            return 2
        payload["path"] = str(Path(" ".join(words)).expanduser().resolve())
    elif command == "find-text" and words:
        payload["text"] = " ".join(words)
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
