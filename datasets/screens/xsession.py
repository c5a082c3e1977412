"""An X session of our own for capturing: Xvfb (24-bit) + openbox, EWMH reads, screen grabs.

Everything started here is a child of this process, started in its own process group and ended
by that group's id when the session closes; nothing else on the machine is touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageGrab
from Xlib import X, Xatom
from Xlib import display as xdisplay

TITLE_FONT = ("DejaVu Sans", 9)  # openbox title font, bold (set in rc.xml below)

RC_XML = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <focus><focusNew>yes</focusNew><followMouse>no</followMouse></focus>
  <placement><policy>Smart</policy><center>yes</center></placement>
  <theme>
    <name>{theme}</name>
    <titleLayout>NLIMC</titleLayout>
    <keepBorder>yes</keepBorder>
    <animateIconify>no</animateIconify>
    <font place="ActiveWindow">
      <name>{font}</name><size>{size}</size><weight>bold</weight><slant>normal</slant>
    </font>
    <font place="InactiveWindow">
      <name>{font}</name><size>{size}</size><weight>bold</weight><slant>normal</slant>
    </font>
  </theme>
  <desktops><number>1</number></desktops>
  <applications>
    <application class="*"><decor>yes</decor></application>
  </applications>
</openbox_config>
"""


def _free_display() -> int:
    for n in range(140, 240):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number in 140..239")


@dataclass
class WindowInfo:
    """One client window as the window manager reports it (EWMH), at capture time."""

    id: int
    title: str
    wm_class: list[str]
    pid: int | None
    client: tuple[int, int, int, int]  # x, y, w, h of the client area on the screen
    extents: tuple[int, int, int, int]  # _NET_FRAME_EXTENTS: left, right, top, bottom
    stack: int = 0  # 0 = bottom of _NET_CLIENT_LIST_STACKING
    active: bool = False

    @property
    def frame(self) -> tuple[int, int, int, int]:
        x, y, w, h = self.client
        left, right, top, bottom = self.extents
        return (x - left, y - top, w + left + right, h + top + bottom)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": hex(self.id),
            "title": self.title,
            "wm_class": self.wm_class,
            "pid": self.pid,
            "client": list(self.client),
            "frame": list(self.frame),
            "frame_extents": list(self.extents),
            "stacking": self.stack,
            "active": self.active,
        }


@dataclass
class XSession:
    width: int
    height: int
    theme: str = "Clearlooks"
    background: str = "#2e3440"
    number: int = 0
    title_size: int = TITLE_FONT[1]  # openbox's title font size (pt): the title bar's height follows it
    tmp: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="screens-")))
    procs: list[subprocess.Popen] = field(default_factory=list)
    _xvfb: subprocess.Popen | None = None
    _wm: subprocess.Popen | None = None
    _d: Any = None

    @property
    def display(self) -> str:
        return f":{self.number}"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.tmp / "home"),
            "DISPLAY": self.display,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "NO_AT_BRIDGE": "1",
            "XDG_RUNTIME_DIR": str(self.tmp / "run"),
            "XDG_CONFIG_HOME": str(self.tmp / "home" / ".config"),
            "XDG_CACHE_HOME": str(self.tmp / "home" / ".cache"),
        }
        env.update(extra)
        return env

    def start(self) -> XSession:
        (self.tmp / "home").mkdir(parents=True, exist_ok=True)
        run = self.tmp / "run"
        run.mkdir(exist_ok=True)
        run.chmod(0o700)
        self.number = self.number or _free_display()
        log = open(self.tmp / "xvfb.log", "wb")  # noqa: SIM115 - closed with the process
        self._xvfb = subprocess.Popen(
            [
                "Xvfb",
                self.display,
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{self.number}").exists():
            if time.monotonic() > deadline or self._xvfb.poll() is not None:
                raise RuntimeError(f"Xvfb {self.display} did not start; see {self.tmp / 'xvfb.log'}")
            time.sleep(0.1)
        self._d = xdisplay.Display(self.display)
        rc = self.tmp / "rc.xml"
        rc.write_text(RC_XML.format(theme=self.theme, font=TITLE_FONT[0], size=self.title_size))
        self._wm = subprocess.Popen(
            ["openbox", "--config-file", str(rc)],
            env=self.env(),
            stdout=open(self.tmp / "openbox.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while self._root_prop("_NET_SUPPORTING_WM_CHECK") is None:
            if time.monotonic() > deadline:
                raise RuntimeError("openbox did not start")
            time.sleep(0.1)
        subprocess.run(["xsetroot", "-solid", self.background], env=self.env(), check=True)
        return self

    def spawn(
        self, args: list[str], env: dict[str, str] | None = None, name: str = "proc", **kw: Any
    ) -> subprocess.Popen:
        log = open(self.tmp / f"{name}-{len(self.procs)}.log", "wb")  # noqa: SIM115
        p = subprocess.Popen(
            args, env=env or self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kw
        )
        self.procs.append(p)
        return p

    def close(self) -> None:
        if self._d is not None:
            with contextlib.suppress(Exception):  # the server may already be gone
                self._d.close()
            self._d = None
        for p in [*reversed(self.procs), self._wm, self._xvfb]:
            if p is None or p.poll() is not None:
                continue
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                continue
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(timeout=5)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # ---- EWMH ------------------------------------------------------------------------------
    def _atom(self, name: str) -> int:
        return int(self._d.intern_atom(name))

    def _root_prop(self, name: str) -> Any:
        prop = self._d.screen().root.get_full_property(self._atom(name), X.AnyPropertyType)
        return None if prop is None else prop.value

    def windows(self) -> list[WindowInfo]:
        """Client windows bottom to top (``_NET_CLIENT_LIST_STACKING``), with titles
        (``_NET_WM_NAME``), client geometry, ``_NET_FRAME_EXTENTS`` and which is active."""
        root = self._d.screen().root
        stacking = self._root_prop("_NET_CLIENT_LIST_STACKING")
        active = self._root_prop("_NET_ACTIVE_WINDOW")
        active_id = int(active[0]) if active is not None and len(active) else 0
        out: list[WindowInfo] = []
        for i, wid in enumerate(stacking if stacking is not None else []):
            w = self._d.create_resource_object("window", int(wid))
            name = w.get_full_property(self._atom("_NET_WM_NAME"), self._atom("UTF8_STRING"))
            if name is not None:
                title = bytes(name.value).decode("utf-8")
            else:
                legacy = w.get_full_property(Xatom.WM_NAME, X.AnyPropertyType)
                title = bytes(legacy.value).decode("latin-1") if legacy is not None else ""
            ext = w.get_full_property(self._atom("_NET_FRAME_EXTENTS"), X.AnyPropertyType)
            pid = w.get_full_property(self._atom("_NET_WM_PID"), X.AnyPropertyType)
            geom = w.get_geometry()
            origin = root.translate_coords(w, 0, 0)
            out.append(
                WindowInfo(
                    id=int(wid),
                    title=title,
                    wm_class=list(w.get_wm_class() or []),
                    pid=int(pid.value[0]) if pid is not None else None,
                    client=(origin.x, origin.y, geom.width, geom.height),
                    extents=tuple(int(v) for v in ext.value) if ext is not None else (0, 0, 0, 0),  # type: ignore[arg-type]
                    stack=i,
                    active=int(wid) == active_id,
                )
            )
        return out

    def find(self, title: str) -> WindowInfo | None:
        for w in self.windows():
            if w.title == title:
                return w
        return None

    def wait_for(self, title: str, timeout: float = 30.0) -> WindowInfo:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            w = self.find(title)
            if w is not None and w.extents != (0, 0, 0, 0):
                return w
            time.sleep(0.2)
        raise RuntimeError(f"window {title!r} did not appear; have {[w.title for w in self.windows()]}")

    def move_frame(self, title: str, x: int, y: int) -> WindowInfo:
        """Put the window's frame (title bar included) at (x, y): wmctrl, then correct by what
        the window manager did."""
        want_x, want_y = x, y
        for _ in range(4):
            w = self.wait_for(title)
            fx, fy = w.frame[:2]
            if (fx, fy) == (want_x, want_y):
                return w
            subprocess.run(
                ["wmctrl", "-i", "-r", hex(w.id), "-e", f"0,{x},{y},-1,-1"], env=self.env(), check=True
            )
            time.sleep(0.4)
            w = self.wait_for(title)
            x += want_x - w.frame[0]
            y += want_y - w.frame[1]
        w = self.wait_for(title)
        if w.frame[:2] != (want_x, want_y):
            raise RuntimeError(f"could not place {title!r} at {want_x},{want_y}: frame {w.frame}")
        return w

    def activate(self, title: str) -> None:
        w = self.wait_for(title)
        subprocess.run(["wmctrl", "-i", "-a", hex(w.id)], env=self.env(), check=True)
        time.sleep(0.4)

    def grab(self) -> Image.Image:
        return ImageGrab.grab(xdisplay=self.display).convert("RGB")
