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

from PIL import Image, ImageFont, ImageGrab
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
    wm: str = "openbox"  # the window manager: openbox, or one of OTHER_WMS (config of its own in ``tmp``)
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
        if self.wm != "openbox":
            return self._start_other_wm()
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
        if self.wm != "openbox" and stacking is not None:
            stacking = self._x_stacking([int(wid) for wid in stacking])
        out: list[WindowInfo] = []
        clients = [int(wid) for wid in (stacking if stacking is not None else [])]
        clients = [wid for wid in clients if not self._is_dock(wid)]
        for i, wid in enumerate(clients):
            w = self._d.create_resource_object("window", wid)
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

    def _is_dock(self, wid: int) -> bool:
        """A panel (``_NET_WM_WINDOW_TYPE_DOCK``, e.g. tint2's taskbar), which some window
        managers list among the clients: part of the desktop, not a window of the scene."""
        w = self._d.create_resource_object("window", wid)
        kind = w.get_full_property(self._atom("_NET_WM_WINDOW_TYPE"), Xatom.ATOM)
        return kind is not None and self._atom("_NET_WM_WINDOW_TYPE_DOCK") in [int(v) for v in kind.value]

    def work_area(self) -> tuple[int, int, int, int] | None:
        """``_NET_WORKAREA`` of the first desktop (x, y, w, h): the screen less the panels' struts;
        None where the window manager does not set it."""
        area = self._root_prop("_NET_WORKAREA")
        if area is None or len(area) < 4:
            return None
        return (int(area[0]), int(area[1]), int(area[2]), int(area[3]))

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

    def _x_stacking(self, clients: list[int]) -> list[int]:
        """``clients`` bottom to top as the X server stacks their frames (the root's children).
        Other window managers' ``_NET_CLIENT_LIST_STACKING`` cannot be trusted: jwm 2.4 lists it
        top first, fluxbox 1.3 keeps the order of mapping whatever is raised later."""
        root = self._d.screen().root
        order = {int(w.id): i for i, w in enumerate(root.query_tree().children)}

        def top_level(wid: int) -> int:
            w = self._d.create_resource_object("window", wid)
            while True:
                parent = w.query_tree().parent
                if parent is None or int(parent.id) == int(root.id):
                    return int(w.id)
                w = parent

        return sorted(clients, key=lambda wid: order.get(top_level(wid), -1))

    def _start_other_wm(self) -> XSession:
        """icewm, fluxbox, jwm, xfwm4, metacity, fvwm, marco or Window Maker instead of openbox, each
        with a configuration of its own written under ``tmp`` (never the user's home): title bars
        drawn, one desktop, a panel (where the window manager has one) with one button per window
        and no clock (its text would change while the screen is grabbed)."""
        spec = OTHER_WMS.get(self.wm)
        if spec is None:
            raise ValueError(f"unknown window manager {self.wm!r}; have openbox, {', '.join(OTHER_WMS)}")
        theme = self.theme  # for another window manager, one of its own themes
        if theme not in spec.themes:
            raise ValueError(f"{self.wm}: theme {theme!r} is not one of {spec.themes}")
        # fluxbox 1.3 overwrites its -rc file with a default one unless ~/.fluxbox already exists
        conf = self.tmp / "home" / ".fluxbox" if spec.name == "fluxbox" else self.tmp / spec.name
        conf.mkdir(exist_ok=True)
        args, extra_env = spec.configure(conf, theme, self)
        self._wm = subprocess.Popen(
            args,
            env=self.env(**extra_env),
            stdout=open(self.tmp / f"{self.wm}.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while self._root_prop("_NET_SUPPORTING_WM_CHECK") is None:
            if time.monotonic() > deadline or self._wm.poll() is not None:
                raise RuntimeError(f"{self.wm} did not start; see {self.tmp / f'{self.wm}.log'}")
            time.sleep(0.1)
        time.sleep(1.0)  # the panel is drawn, and the style's own background set, after the check window
        subprocess.run(["xsetroot", "-solid", self.background], env=self.env(), check=True)
        # the pointer (never in the grab) to the right edge's middle, away from every window and
        # panel, where it starts no hover look or tooltip (at the screen's centre it would)
        self._d.screen().root.warp_pointer(self.width - 1, self.height // 2)
        self._d.sync()
        return self


# ---- window managers other than openbox (session 15, helper "moreA3") -------------------------------
TITLE_TTF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
OTHER_TITLE_RESERVED = 64  # px kept clear each side of a title: an icon or button left, three buttons right
ICEWM_PREFS = """# written by datasets/screens/xsession.py for one capture
Theme="{theme}/default.theme"
ShowTaskBar=1
TaskBarAtTop={top}
TaskBarAutoHide=0
TaskBarShowClock=0
TaskBarShowAPMStatus=0
TaskBarShowAPMAuto=0
TaskBarShowCPUStatus=0
TaskBarShowMEMStatus=0
TaskBarShowNetStatus=0
TaskBarShowMailboxStatus=0
TaskBarShowWorkspaces=0
TaskBarShowTray=0
TaskBarShowStartMenu=1
TaskBarShowWindowListMenu=0
TaskBarShowShowDesktopButton=0
TaskBarShowWindowIcons=1
TaskBarShowCollapseButton=0
TaskBarDoubleHeight=0
TaskBarEnableSystray=0
TaskBarLaunchOnSingleClick=1
ShowProgramsMenu=0
ShowThemesMenu=0
ShowSettingsMenu=0
ShowFocusModeMenu=0
ShowHelp=0
ShowAbout=0
ShowLogoutMenu=0
ShowLogoutSubMenu=0
ShowRun=0
ShowWindowList=0
FocusRequestFlashTime=0
FocusRequestFlashInterval=0
FocusOnAppRaise=1
RequestFocusOnAppRaise=1
RaiseOnFocus=1
FocusChangesWorkspace=0
OpaqueMove=1
SmartPlacement=1
CenterTransientsOnOwner=0
ShowPopupsWhileGrabbed=0
ToolTipDelay=0
DesktopBackgroundColor=""
DesktopBackgroundImage=""
SupportSemitransparency=0
WorkspaceNames=" 1 "
Sound=0
"""

FLUXBOX_INIT = """session.screen0.toolbar.visible: true
session.screen0.toolbar.placement: {placement}
session.screen0.toolbar.widthPercent: 100
session.screen0.toolbar.height: 0
session.screen0.toolbar.autoHide: false
session.screen0.toolbar.maxOver: false
session.screen0.toolbar.layer: Dock
session.screen0.toolbar.tools: iconbar
session.screen0.iconbar.mode: {{static groups}} (workspace)
session.screen0.iconbar.alignment: Left
session.screen0.iconbar.iconWidth: 180
session.screen0.iconbar.usePixmap: false
session.screen0.workspaces: 1
session.screen0.workspaceNames: Desk,
session.screen0.titlebar.left: Stick
session.screen0.titlebar.right: Minimize Maximize Close
session.screen0.tabs.intitlebar: true
session.screen0.tab.placement: TopLeft
session.screen0.focusModel: ClickFocus
session.screen0.focusNewWindows: true
session.screen0.windowPlacement: RowSmartPlacement
session.screen0.slit.autoHide: false
session.screen0.rootCommand: true
session.screen0.defaultDeco: NORMAL
session.screen0.opaqueMove: true
session.screen0.showwindowposition: false
session.screen0.allowRemoteActions: false
session.styleFile: /usr/share/fluxbox/styles/{theme}
session.styleOverlay: {conf}/overlay
session.menuFile: {conf}/menu
session.keyFile: {conf}/keys
session.appsFile: {conf}/apps
session.slitlistFile: {conf}/slitlist
session.cacheLife: 5
session.cacheMax: 200
session.colorsPerChannel: 4
session.configVersion: 13
session.doubleClickInterval: 250
session.ignoreBorder: false
session.forcePseudoTransparency: false
"""

JWM_RC = """<?xml version="1.0"?>
<JWM>
  <Tray x="0" y="{tray_y}" height="28" autohide="off" layer="above">
    <TrayButton icon="/usr/share/jwm/jwm-blue.svg">root:1</TrayButton>
    <Spacer width="4"/>
    <TaskList maxwidth="220"/>
  </Tray>
  <RootMenu onroot="1"><Program label="Terminal">xterm</Program></RootMenu>
  <WindowStyle decorations="{decorations}">
    <Font>{font}</Font>
    <Width>4</Width>
    <Height>{title_height}</Height>
    <Corner>0</Corner>
    <Foreground>{inactive_fg}</Foreground>
    <Background>{inactive_bg}</Background>
    <Outline>#000000</Outline>
    <Opacity>1.0</Opacity>
    <Active>
      <Foreground>{active_fg}</Foreground>
      <Background>{active_bg}</Background>
      <Outline>#000000</Outline>
      <Opacity>1.0</Opacity>
    </Active>
  </WindowStyle>
  <TrayStyle decorations="{decorations}">
    <Font>DejaVu Sans-9</Font>
    <Background>{tray_bg}</Background>
    <Foreground>{tray_fg}</Foreground>
    <Opacity>1.0</Opacity>
  </TrayStyle>
  <TaskListStyle list="all" group="false">
    <Font>DejaVu Sans-9</Font>
    <Active><Foreground>{active_fg}</Foreground><Background>{active_bg}</Background></Active>
    <Foreground>{tray_fg}</Foreground>
    <Background>{tray_bg}</Background>
  </TaskListStyle>
  <MenuStyle><Font>DejaVu Sans-9</Font></MenuStyle>
  <Desktops width="1" height="1"><Background type="solid">{background}</Background></Desktops>
  <FocusModel>click</FocusModel>
  <SnapMode distance="0">none</SnapMode>
  <MoveMode>opaque</MoveMode>
  <ResizeMode>opaque</ResizeMode>
</JWM>
"""

# jwm has no theme files: a "theme" here is a set of colours and a title font of ours
JWM_THEMES: dict[str, dict[str, str]] = {
    "steel": {
        "decorations": "flat",
        "font": "DejaVu Sans-10:bold",
        "title_height": "24",
        "active_fg": "#ffffff",
        "active_bg": "#3b6ea5",
        "inactive_fg": "#d0d4d8",
        "inactive_bg": "#5c6670",
        "tray_fg": "#e8e8e8",
        "tray_bg": "#2b3038",
    },
    "sand": {
        "decorations": "motif",
        "font": "Liberation Serif-12:bold",
        "title_height": "28",
        "active_fg": "#2a2010",
        "active_bg": "#d8c08a",
        "inactive_fg": "#4a4030",
        "inactive_bg": "#b0a58c",
        "tray_fg": "#2a2010",
        "tray_bg": "#cfc4a8",
    },
    "night": {
        "decorations": "flat",
        "font": "Liberation Mono-9",
        "title_height": "18",
        "active_fg": "#f0f0f0",
        "active_bg": "#7a2e4a",
        "inactive_fg": "#a0a0a0",
        "inactive_bg": "#303030",
        "tray_fg": "#d0d0d0",
        "tray_bg": "#1a1a1a",
    },
    # session 17's (helper "moreA5")
    "moss": {
        "decorations": "flat",
        "font": "Lato-11:bold",
        "title_height": "26",
        "active_fg": "#f4f4e8",
        "active_bg": "#4f6b2f",
        "inactive_fg": "#2e3326",
        "inactive_bg": "#a9b398",
        "tray_fg": "#f0f0e0",
        "tray_bg": "#34402a",
    },
    "plum": {
        "decorations": "motif",
        "font": "Carlito-11:bold",
        "title_height": "24",
        "active_fg": "#ffffff",
        "active_bg": "#6a3d7c",
        "inactive_fg": "#c4bccb",
        "inactive_bg": "#3b3541",
        "tray_fg": "#dcd4e2",
        "tray_bg": "#241f29",
    },
}


# xfwm4 (session 18, helper "moreA6"): its settings are read from xfconf, which xfconfd serves over
# D-Bus from this file under the session's own XDG_CONFIG_HOME (a bus of the capture's own,
# ``dbus-run-session``); no compositor (shadows would change with timing). xfwm4 has no panel, so
# tint2 draws the taskbar: one button per window with its title, no clock, no launcher, no tray.
XFWM4_XML = """<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfwm4" version="1.0">
  <property name="general" type="empty">
    <property name="theme" type="string" value="{theme}"/>
    <property name="title_font" type="string" value="{title_font}"/>
    <property name="title_alignment" type="string" value="{title_alignment}"/>
    <property name="button_layout" type="string" value="{button_layout}"/>
    <property name="use_compositing" type="bool" value="false"/>
    <property name="workspace_count" type="int" value="1"/>
    <property name="click_to_focus" type="bool" value="true"/>
    <property name="raise_on_focus" type="bool" value="true"/>
    <property name="prevent_focus_stealing" type="bool" value="false"/>
    <property name="show_dock_shadow" type="bool" value="false"/>
    <property name="show_popup_shadow" type="bool" value="false"/>
  </property>
</channel>
"""

TINT2_RC = """# written by datasets/screens/xsession.py for one capture
# background 1: the panel; 2: a task; 3: the active task
rounded = 0
border_width = 1
background_color = {panel_bg} 100
border_color = {panel_border} 100
rounded = {task_round}
border_width = 1
background_color = {task_bg} 100
border_color = {task_border} 100
rounded = {task_round}
border_width = 1
background_color = {active_bg} 100
border_color = {active_border} 100
panel_items = T
panel_size = 100% {panel_height}
panel_margin = 0 0
panel_padding = 4 2 4
panel_background_id = 1
panel_position = {position} center horizontal
panel_layer = top
strut_policy = follow_size
mouse_effects = 0
taskbar_mode = single_desktop
taskbar_name = 0
taskbar_padding = 0 0 4
taskbar_background_id = 0
taskbar_active_background_id = 0
task_text = 1
task_icon = {task_icon}
task_centered = 0
task_maximum_size = 220 {task_height}
task_padding = 8 2 4
task_font = {task_font}
task_font_color = {task_fg} 100
task_active_font_color = {active_fg} 100
task_background_id = 2
task_active_background_id = 3
task_tooltip = 0
"""

# a "theme" for xfwm4: one of its own themes (the key) with a title font and alignment and a
# taskbar look of ours
XFWM4_THEMES: dict[str, dict[str, str]] = {
    "Kokodi": {
        "title_font": "Roboto Bold 10",
        "title_alignment": "center",
        "button_layout": "O|SHMC",
        "panel_bg": "#2b2f36",
        "panel_border": "#15171a",
        "task_bg": "#3a404a",
        "task_border": "#50586a",
        "active_bg": "#5a6f96",
        "active_border": "#8aa0c8",
        "task_fg": "#e0e0e0",
        "active_fg": "#ffffff",
        "task_font": "Roboto 9",
        "task_round": "2",
        "task_icon": "0",
        "panel_height": "30",
        "task_height": "26",
    },
    "Daloa": {
        "title_font": "Cabin Bold 10",
        "title_alignment": "left",
        "button_layout": "O|HMC",
        "panel_bg": "#e6e2da",
        "panel_border": "#a8a296",
        "task_bg": "#f4f1ea",
        "task_border": "#b8b2a6",
        "active_bg": "#cfd9e6",
        "active_border": "#6b86a8",
        "task_fg": "#333333",
        "active_fg": "#101820",
        "task_font": "Cabin 9",
        "task_round": "0",
        "task_icon": "1",
        "panel_height": "28",
        "task_height": "24",
    },
    "Moheli": {
        "title_font": "Open Sans Bold 9",
        "title_alignment": "center",
        "button_layout": "CMH|O",
        "panel_bg": "#1d2b24",
        "panel_border": "#0c120f",
        "task_bg": "#28392f",
        "task_border": "#3d5446",
        "active_bg": "#4c7a5c",
        "active_border": "#7fb08f",
        "task_fg": "#d6e4da",
        "active_fg": "#ffffff",
        "task_font": "Open Sans 9",
        "task_round": "4",
        "task_icon": "0",
        "panel_height": "32",
        "task_height": "26",
    },
    "Default": {
        "title_font": "DejaVu Sans Bold 9",
        "title_alignment": "left",
        "button_layout": "O|HMC",
        "panel_bg": "#d8dde4",
        "panel_border": "#9aa4b0",
        "task_bg": "#eef1f5",
        "task_border": "#aab4c0",
        "active_bg": "#ffffff",
        "active_border": "#4a6a9a",
        "task_fg": "#2a2f36",
        "active_fg": "#000000",
        "task_font": "DejaVu Sans 8",
        "task_round": "3",
        "task_icon": "1",
        "panel_height": "26",
        "task_height": "22",
    },
}


# metacity (session 19, helper "moreA7"): its settings are GSettings keys, read here from a key
# file of the session's own (GLib's keyfile backend, ``GSETTINGS_BACKEND=keyfile``, under
# XDG_CONFIG_HOME: no D-Bus, no dconf); the title bars are drawn by a metacity-1 theme of the
# metacity-themes package (theme type "metacity"), or by GTK 3's Adwaita (type "gtk"). No panel.
METACITY_KEYFILE = """[org/gnome/desktop/wm/preferences]
titlebar-font='{title_font}'
titlebar-uses-system-font=false
button-layout='{button_layout}'
num-workspaces=1
focus-mode='click'
focus-new-windows='smart'
raise-on-click=true
[org/gnome/metacity]
compositor='none'
[org/gnome/metacity/theme]
type='{kind}'
name='{name}'
"""

# a "theme" for metacity: one of metacity-themes' own themes (the key; "Adwaita" is GTK 3's look)
# with a title font of ours and a button layout
METACITY_THEMES: dict[str, dict[str, str]] = {
    "Redmond": {"title_font": "Inter Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "OutlineCoal": {"title_font": "Gentium Bold 12", "button_layout": "menu:minimize,maximize,close"},
    "BrushedMetal": {"title_font": "Inter Semi-Bold 10", "button_layout": "close,minimize,maximize:"},
    "Alloy": {"title_font": "Noto Serif Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "Watercolor": {"title_font": "Inter Bold 9", "button_layout": "menu:minimize,maximize,close"},
    "mcblue": {"title_font": "Roboto Condensed Bold 11", "button_layout": "menu:minimize,maximize,close"},
    "Urbicande": {"title_font": "CMU Sans Serif Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "Adwaita": {"title_font": "Inter Bold 10", "button_layout": "appmenu:minimize,maximize,close"},
}

# fvwm 2.7 (session 19, helper "moreA7"): a configuration file of ours (no menus, no modules, no
# panel), click to focus, title buttons drawn as vectors, colours and a title font per look
FVWM_CONFIG = """# written by datasets/screens/xsession.py for one capture
DesktopSize 1x1
EdgeScroll 0 0
EdgeResistance 0
EdgeThickness 0
Style * ClickToFocus, UsePPosition, MinOverlapPlacement, !Icon, FPGrabFocus
Style * Title, DecorateTransient, !MwmDecor, !MwmBorder
Style * Font "xft:{font}"
Style * BorderWidth {border}, HandleWidth {border}
Colorset 1 fg {inactive_fg}, bg {inactive_bg}
Colorset 2 fg {active_fg}, bg {active_bg}
Style * Colorset 1, HilightColorset 2, BorderColorset 1, HilightBorderColorset 2
TitleStyle {justify} Height {title_height}
TitleStyle -- {relief}
BorderStyle -- {relief}
ButtonStyle All -- {relief}
ButtonStyle 1 Vector 4 25x35@4 75x35@3 25x65@4 75x65@3
ButtonStyle 2 Vector 4 25x25@4 75x75@3 75x25@4 25x75@3
ButtonStyle 4 Vector 2 25x70@4 75x70@3
ButtonStyle 6 Vector 5 25x25@4 75x25@3 75x75@3 25x75@3 25x25@3
Mouse 1 1 A Nop
Mouse 1 2 A Close
Mouse 1 4 A Iconify
Mouse 1 6 A Maximize
Mouse 1 T A Raise
"""

# fvwm has no theme files: a "theme" here is a set of colours, a title font and a title layout of ours
FVWM_THEMES: dict[str, dict[str, str]] = {
    "slate": {
        "font": "Inter:bold:pixelsize=13",
        "border": "5",
        "title_height": "24",
        "justify": "Centered",
        "relief": "Flat",
        "active_fg": "#ffffff",
        "active_bg": "#3d5a80",
        "inactive_fg": "#c8ccd2",
        "inactive_bg": "#4a4f57",
    },
    "parchment": {
        "font": "EB Garamond:bold:pixelsize=17",
        "border": "4",
        "title_height": "26",
        "justify": "LeftJustified",
        "relief": "Raised",
        "active_fg": "#2b1d0e",
        "active_bg": "#d9c79e",
        "inactive_fg": "#5a4e3c",
        "inactive_bg": "#b9ad94",
    },
    "console": {
        "font": "Tlwg Mono:bold:pixelsize=14",
        "border": "3",
        "title_height": "20",
        "justify": "LeftJustified",
        "relief": "Flat",
        "active_fg": "#101010",
        "active_bg": "#7fc97f",
        "inactive_fg": "#9ad09a",
        "inactive_bg": "#203020",
    },
    "classic": {
        "font": "Nimbus Sans:bold:pixelsize=12",
        "border": "6",
        "title_height": "20",
        "justify": "Centered",
        "relief": "Raised",
        "active_fg": "#000000",
        "active_bg": "#c0a070",
        "inactive_fg": "#303030",
        "inactive_bg": "#a8a8a8",
    },
}


# marco 1.26 (session 20, helper "moreA8"): MATE's window manager, a fork of metacity with settings
# of its own (``org.mate.Marco.general``), read like metacity's from a key file of the session's
# (``GSETTINGS_BACKEND=keyfile``); the title bars are drawn by a metacity-1 theme of the mate-themes
# package. No panel.
MARCO_KEYFILE = """[org/mate/marco/general]
theme='{name}'
titlebar-font='{title_font}'
titlebar-uses-system-font=false
button-layout='{button_layout}'
num-workspaces=1
focus-mode='click'
focus-new-windows='smart'
raise-on-click=true
compositing-manager=false
center-new-windows=false
allow-tiling=false
"""

# a "theme" for marco: one of mate-themes' metacity-1 themes, with a title font of ours and a button layout
MARCO_THEMES: dict[str, dict[str, str]] = {
    "BlueMenta": {"title_font": "Karla Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "TraditionalOk": {"title_font": "PT Sans Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "Green-Submarine": {"title_font": "Clear Sans Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "YaruGreen": {"title_font": "Jura Bold 11", "button_layout": "close,maximize,minimize:"},
    "GreenLaguna": {"title_font": "Play Bold 10", "button_layout": "close,minimize,maximize:"},
    "YaruOk": {"title_font": "Andika Bold 10", "button_layout": "menu:minimize,maximize,close"},
    "Blue-Submarine": {"title_font": "Caladea Bold 11", "button_layout": "menu:minimize,maximize,close"},
    "TraditionalGreen": {
        "title_font": "Linux Biolinum O Bold 11",
        "button_layout": "menu:minimize,maximize,close",
    },
}

# Window Maker 0.95 (session 20, helper "moreA8"): its defaults are property lists in a folder
# of the session's own (``WMAKER_USER_ROOT``, 0.95's name for ``GNUSTEP_USER_ROOT``); a "theme" is
# one of its own style files (``/usr/share/WindowMaker/Styles``) with a title font of ours. No dock,
# no clip, no application icons (they would stand on the desktop like a panel), no workspace name
# shown; windows placed by the window manager ("manual" placement would wait for a click), then
# moved by the capture like every other window.
WMAKER_STYLES = Path("/usr/share/WindowMaker/Styles")
WMAKER_DEFAULTS = """{{
  FocusMode = manual;
  RaiseDelay = 0;
  AutoFocus = YES;
  ClipAutoRaise = NO;
  DisableDock = YES;
  DisableClip = YES;
  DisableDrawers = YES;
  DisableMiniwindows = YES;
  WorkspaceNameDisplayPosition = none;
  WindowPlacement = smart;
  WindowPlaceOrigin = (0, 0);
  OpaqueMove = YES;
  NoWindowOverDock = NO;
  DontConfirmKill = YES;
  WorkspaceBack = (solid, "{background}");
  WindowTitleFont = "{title_font}";
  TitleJustify = {justify};
{style}
}}
"""
WMAKER_ATTRIBUTES = """{
  "*" = { NoAppIcon = YES; SharedAppIcon = NO; };
}
"""

WMAKER_THEMES: dict[str, dict[str, str]] = {
    "Traditional": {"title_font": "Karla:bold:pixelsize=13", "justify": "center"},
    "Pastel": {"title_font": "Quicksand:bold:pixelsize=13", "justify": "center"},
    "BlueDawn": {"title_font": "PT Sans:bold:pixelsize=13", "justify": "left"},
    "Black": {"title_font": "Clear Sans:bold:pixelsize=12", "justify": "center"},
    "Emerald": {"title_font": "Vollkorn:bold:pixelsize=14", "justify": "left"},
    "GreyBlue": {"title_font": "Jura:bold:pixelsize=14", "justify": "center"},
    "Copper": {"title_font": "Play:bold:pixelsize=13", "justify": "right"},
}


def _wmaker_style(theme: str) -> str:
    """The appearance keys of one of Window Maker's style files (fonts left out: ours replace them)."""
    text = (WMAKER_STYLES / f"{theme}.style").read_text(encoding="latin-1")
    body = text[text.index("{") + 1 : text.rindex("}")]
    keep = []
    for line in body.splitlines():
        key = line.strip().split("=", 1)[0].strip()
        if key and not key.endswith("Font") and key not in ("TitleJustify", "WorkspaceBack"):
            keep.append(line)
    return "\n".join(keep)


@dataclass(frozen=True)
class OtherWM:
    """How one window manager other than openbox is set up for a capture."""

    name: str
    themes: tuple[str, ...]  # the themes/styles a scene may name (first = default)
    panel_top: bool = False  # the panel (taskbar, toolbar, tray) at the top edge instead of the bottom

    def title_box(self, win: WindowInfo) -> tuple[int, int, int, int]:
        """The whole title bar (the frame's top extent): where this window manager puts the title
        in it depends on the theme (left, centred, after one or two buttons), so a title counts as
        in view only when nothing covers any of its bar. Raises when the title might not fit
        (the window manager would cut it short): measured in a large bold font, buttons and icons
        kept clear on both sides."""
        font = ImageFont.truetype(TITLE_TTF_BOLD, 17)  # 13 pt at 96 dpi: wider than any theme's title font
        if round(font.getlength(win.title)) + 2 * OTHER_TITLE_RESERVED > win.frame[2]:
            raise RuntimeError(f"title {win.title!r} may not fit a {win.frame[2]}px frame under {self.name}")
        if win.extents[2] < 12:  # no title bar drawn (fvwm drew none over Qt's message box until told to)
            raise RuntimeError(
                f"{win.title!r} has no title bar under {self.name} (top extent {win.extents[2]})"
            )
        fx, fy, fw, _ = win.frame
        return (fx, fy, fw, max(1, win.extents[2]))

    def configure(self, conf: Path, theme: str, s: XSession) -> tuple[list[str], dict[str, str]]:
        """Write the configuration into ``conf``; the command line and extra environment."""
        if self.name == "icewm":
            (conf / "preferences").write_text(ICEWM_PREFS.format(theme=theme, top=int(self.panel_top)))
            for name in ("toolbar", "menu", "programs", "winoptions", "keys", "startup", "shutdown"):
                (conf / name).write_text("")
            return (
                ["icewm", "--config", str(conf / "preferences"), "--theme", f"{theme}/default.theme"],
                {"ICEWM_PRIVCFG": str(conf)},
            )
        if self.name == "fluxbox":
            placement = "TopCenter" if self.panel_top else "BottomCenter"
            (conf / "init").write_text(FLUXBOX_INIT.format(placement=placement, theme=theme, conf=conf))
            (conf / "overlay").write_text(f"background: none\nbackground.color: {s.background}\n")
            (conf / "menu").write_text("[begin] (Menu)\n[exec] (xterm) {xterm}\n[end]\n")
            for name in ("keys", "apps", "slitlist", "windowmenu"):
                (conf / name).write_text("")
            return ["fluxbox", "-no-slit", "-rc", str(conf / "init")], {}
        if self.name == "jwm":
            rc = conf / "jwmrc"
            tray_y = "0" if self.panel_top else "-1"
            rc.write_text(JWM_RC.format(tray_y=tray_y, background=s.background, **JWM_THEMES[theme]))
            return ["jwm", "-f", str(rc)], {}
        if self.name == "xfwm4":
            settings = XFWM4_THEMES[theme]
            xml = Path(s.env()["XDG_CONFIG_HOME"]) / "xfce4" / "xfconf" / "xfce-perchannel-xml" / "xfwm4.xml"
            xml.parent.mkdir(parents=True, exist_ok=True)
            xml.write_text(XFWM4_XML.format(theme=theme, **settings))
            rc = conf / "tint2rc"
            rc.write_text(TINT2_RC.format(position="top" if self.panel_top else "bottom", **settings))
            # the taskbar after the window manager, both on a D-Bus of their own (xfconfd's)
            script = f"xfwm4 --compositor=off & sleep 0.5; exec tint2 -c {rc}"
            return ["dbus-run-session", "--", "sh", "-c", script], {}
        if self.name == "metacity":
            kind = "gtk" if theme == "Adwaita" else "metacity"
            name = "" if theme == "Adwaita" else theme
            keyfile = Path(s.env()["XDG_CONFIG_HOME"]) / "glib-2.0" / "settings" / "keyfile"
            keyfile.parent.mkdir(parents=True, exist_ok=True)
            keyfile.write_text(METACITY_KEYFILE.format(kind=kind, name=name, **METACITY_THEMES[theme]))
            return ["metacity", "--sm-disable", "--no-composite"], {"GSETTINGS_BACKEND": "keyfile"}
        if self.name == "fvwm":
            rc = conf / "config"
            rc.write_text(FVWM_CONFIG.format(**FVWM_THEMES[theme]))
            return ["fvwm", "-f", str(rc)], {"FVWM_USERDIR": str(conf)}
        if self.name == "marco":
            keyfile = Path(s.env()["XDG_CONFIG_HOME"]) / "glib-2.0" / "settings" / "keyfile"
            keyfile.parent.mkdir(parents=True, exist_ok=True)
            keyfile.write_text(MARCO_KEYFILE.format(name=theme, **MARCO_THEMES[theme]))
            env = {"GSETTINGS_BACKEND": "keyfile"}
            if (Path("/usr/share/themes") / theme / "gtk-3.0").is_dir():
                # a metacity-1 theme may take its colours from the GTK theme (``gtk:bg[SELECTED]``):
                # marco runs under the GTK theme of the same name, as MATE pairs them
                env["GTK_THEME"] = theme
            return ["marco", "--sm-disable", "--no-composite"], env
        if self.name == "wmaker":
            defaults = conf / "Defaults"
            defaults.mkdir(exist_ok=True)
            (defaults / "WindowMaker").write_text(
                WMAKER_DEFAULTS.format(
                    background=s.background, style=_wmaker_style(theme), **WMAKER_THEMES[theme]
                )
            )
            (defaults / "WMWindowAttributes").write_text(WMAKER_ATTRIBUTES)
            (defaults / "WMState").write_text("{ Dock = { Applications = (); }; }\n")
            return (
                ["WindowMaker", "--no-dock", "--no-clip", "--no-autolaunch", "--dont-restore"],
                {"WMAKER_USER_ROOT": str(conf), "GNUSTEP_USER_ROOT": str(conf)},
            )
        raise ValueError(self.name)


OTHER_WMS: dict[str, OtherWM] = {
    "icewm": OtherWM(
        "icewm", ("win95", "CrystalBlue", "Helix", "icedesert", "metal2", "motif", "NanoBlue", "default")
    ),
    "icewm-top": OtherWM("icewm", ("NanoBlue", "Infadel2", "metal2"), panel_top=True),
    "fluxbox": OtherWM(
        "fluxbox",
        ("Emerge", "bora_black", "Squared_blue", "Makro", "carp", "zimek_green", "bora_blue", "green_tea"),
    ),
    "fluxbox-top": OtherWM(
        "fluxbox", ("Squared_green", "arch", "BlueNight", "zimek_darkblue"), panel_top=True
    ),
    "jwm": OtherWM("jwm", tuple(JWM_THEMES)),
    "jwm-top": OtherWM("jwm", tuple(JWM_THEMES), panel_top=True),
    # session 18's (helper "moreA6"): xfwm4 with a tint2 taskbar
    "xfwm4": OtherWM("xfwm4", tuple(XFWM4_THEMES)),
    "xfwm4-top": OtherWM("xfwm4", tuple(XFWM4_THEMES), panel_top=True),
    # session 19's (helper "moreA7"): metacity and fvwm, no panel
    "metacity": OtherWM("metacity", tuple(METACITY_THEMES)),
    "fvwm": OtherWM("fvwm", tuple(FVWM_THEMES)),
    # session 20's (helper "moreA8"): marco and Window Maker, no panel
    "marco": OtherWM("marco", tuple(MARCO_THEMES)),
    "wmaker": OtherWM("wmaker", tuple(WMAKER_THEMES)),
}
