"""Child process for tests/app/test_ipc_hostile.py: an IpcServer under a tight descriptor limit.

Run apart from pytest's own process because lowering RLIMIT_NOFILE and using up descriptors there
disturbs pytest-qt's event loop. Prints one JSON line with what happened.

``flood``: 300 idle connections from another process against a server allowed 120 more descriptors;
then a ``status`` from a third process. ``exhaust``: every descriptor in use while a client connects
(Qt's accept() fails and it closes the server); descriptors are freed; then a ``status``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from assistant.app.ipc import IpcServer, server_name

HOLD = """import pathlib, resource, socket, sys, time
hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
while not pathlib.Path(sys.argv[3]).exists(): time.sleep(0.02)
held = []
for _ in range(int(sys.argv[2])):
    s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); held.append(s)
pathlib.Path(sys.argv[3] + ".done").write_text("x")
time.sleep(30)
"""

STATUS = (
    "import json, sys; from assistant.app.ipc import send_command; "
    "print(json.dumps(send_command('status', name=sys.argv[1], timeout_ms=5000)))"
)


def pump(app: QCoreApplication, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if callable(until) and until():
            return
        time.sleep(0.005)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def ask_status(app: QCoreApplication, name: str) -> object:
    proc = subprocess.Popen([sys.executable, "-c", STATUS, name], stdout=subprocess.PIPE, text=True)
    pump(app, 30, lambda: proc.poll() is not None)
    out, _ = proc.communicate(timeout=10)
    return json.loads(out)


def main(mode: str) -> None:
    app = QCoreApplication([])
    folder = Path(tempfile.mkdtemp())
    os.environ["XDG_RUNTIME_DIR"] = str(folder)
    server = IpcServer(lambda c, a: (True, "alive"), server_name(folder / "cfg"))
    assert server.listen()
    go = folder / "go"
    connections = 300 if mode == "flood" else 1
    holder = subprocess.Popen([sys.executable, "-c", HOLD, server.full_name, str(connections), str(go)])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    report: dict[str, object] = {"mode": mode}
    try:
        if mode == "flood":
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_fds() + 120, hard))
            go.write_text("x")
            done = Path(str(go) + ".done")
            pump(app, 60, done.exists)
            pump(app, 0.5)
            report["held_by_server"] = len(server._opened)
            report["listening"] = server._server.isListening()
            report["status"] = ask_status(app, server.name)
        else:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_fds() + 64, hard))
            filler: list[int] = []
            while True:
                try:
                    filler.append(os.open(os.devnull, os.O_RDONLY))
                except OSError:
                    break
            os.close(filler.pop())  # one descriptor to create the go file with
            go.touch()
            filler.append(os.open(os.devnull, os.O_RDONLY))
            pump(app, 20, lambda: not server._server.isListening())
            report["closed_by_qt"] = not server._server.isListening()
            for fd in filler:
                os.close(fd)
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
            pump(app, 10, server._server.isListening)
            report["listening_again"] = server._server.isListening()
            report["relistened"] = server.relistened
            report["status"] = ask_status(app, server.name)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        holder.kill()
        holder.wait(10)
        server.close()
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
