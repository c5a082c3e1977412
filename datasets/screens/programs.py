"""The real programs a screen is made of, each able to say which words it drew and where.

Every program reports *items* (a label, a button, a table cell, a terminal line): a role, the text
as we put it in, and each word with its box on the screen in pixels. The boxes come from the
program's own geometry (Tk and Qt metrics, Chromium's layout through the DevTools protocol, the
terminal's character grid), never from the screenshot. Programs that cannot say where they draw
(xcalc, xclock, xmessage, zenity, yad) give words without boxes, and the capture then insists that
the whole window is in view.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xsession import WindowInfo, XSession

HERE = Path(__file__).resolve().parent
VENV_PYTHON = HERE.parents[1] / ".venv" / "bin" / "python"
DEBIAN_PYTHON = "/usr/bin/python3"  # python3-tk lives here, not in the venv

OWN_APP_NAME = "assistant"  # the WM_CLASS class of the assistant's Qt windows (assistant/app/main.py)
Item = dict[str, Any]  # {"role", "text", "words": [[word, [x, y, w, h] | None]], optional table/row/col}


def _words(text: str, box: list[int] | None = None) -> list[list[Any]]:
    return [[w, box] for w in text.split()]


@dataclass
class Program:
    """One window on the screen. ``pos`` is where its frame's top-left corner goes."""

    title: str
    pos: tuple[int, int]
    program: str = field(default="", init=False)
    opaque: bool = field(default=False, init=False)  # words without boxes: the window must be fully in view
    focusable: bool = field(default=True, init=False)  # False: the program never takes the focus (xclock)
    own: bool = field(default=False, kw_only=True)  # one of the assistant's own windows: never to be read

    def launch(self, s: XSession) -> None:
        raise NotImplementedError

    def after_placed(self, s: XSession) -> None:
        """Work typed into the window once it is where it belongs (terminals)."""

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        raise NotImplementedError

    def tables(self, visible: list[Item]) -> list[list[list[str]]]:
        """Tables from fully visible cell/heading items: a row counts when all its cells do."""
        by_table: dict[int, dict[int, dict[int, str]]] = {}
        for it in visible:
            if it["role"] in ("cell", "heading"):
                by_table.setdefault(it.get("table", 0), {}).setdefault(it["row"], {})[it["col"]] = it["text"]
        out = []
        for _t, rows in sorted(by_table.items()):
            width = max(len(r) for r in rows.values())
            table = [
                [cells[c] for c in sorted(cells)] for _r, cells in sorted(rows.items()) if len(cells) == width
            ]
            if len(table) >= 2:
                out.append(table)
        return out

    def close(self) -> None:
        """Anything the program holds beyond its process (a DevTools pipe)."""


# ---- terminals -----------------------------------------------------------------------------------
LS_LINE = re.compile(r"^[-dlcbps][rwxsStT-]{9}[.+@]?\s")


@dataclass
class Terminal(Program):
    """xterm running tmux running bash: what is typed is real, and ``tmux capture-pane`` gives the
    exact characters on screen (no OCR), which the character grid turns into word boxes."""

    cols: int = 80
    rows: int = 24
    font: tuple[str, float] = ("DejaVu Sans Mono", 10)  # Xft font; ("fixed", 0) = core X font via -fn
    fg: str = "black"
    bg: str = "white"
    prompt: str = "sam@desk:~$ "
    workdir: str = "home"
    setup: Callable[[Path], None] | None = None
    commands: list[str] = field(default_factory=list)
    keys: list[list[str]] = field(default_factory=list)  # tmux key names sent after the commands
    table_rows: list[list[list[str]]] | None = None  # our own tables printed by the commands
    parse_ls: bool = False  # read `ls -l` lines as a table (cells split as ls prints them)
    # A program's own table (`ps`, `df`, `top`): (the header's first words, its number of columns);
    # the header line and the lines right under it, each split at blanks into that many cells (the
    # last cell keeps its blanks: "Mounted on", a command line), up to the first line that does not
    # split into as many
    parse_table: tuple[str, int] | None = None
    border: int = 2
    env: dict[str, str] = field(default_factory=dict)
    # A root shell script run in fresh PID, mount and network namespaces (unshare) before the shell
    # starts there: what `ps`, `top`, `df` or `ip` then print is real, yet only about what the script
    # made (its processes, tmpfs mounts, links), never about the machine the build runs on.
    namespace: str = ""

    def __post_init__(self) -> None:
        self.program = "xterm"

    def _tmux(self, s: XSession, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self._sock, *args],
            env=s.env(TMUX_TMPDIR=str(s.tmp)),
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def tmux_command(self, s: XSession, prefix: str = "t") -> list[str]:
        """The tmux session the terminal runs (its socket named ``prefix`` and a hash of the title,
        kept in ``self._sock``): a shell with a clean environment of ours, in the scene's working
        folder, in fresh namespaces where the scene asks for them. Every terminal emulator runs it."""
        self._sock = f"{prefix}{abs(hash(self.title)) % 100000}"
        self._env: dict[str, str] | None = s.env(TMUX_TMPDIR=str(s.tmp))
        wd = s.tmp / "home" / self.workdir
        wd.mkdir(parents=True, exist_ok=True)
        if self.setup:
            self.setup(wd)
        conf = s.tmp / f"{self._sock}.conf"
        conf.write_text('set -g status off\nset -g default-terminal "xterm-256color"\nset -g escape-time 0\n')
        inner = {
            "HOME": str(s.tmp / "home"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "UTC",
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "PS1": self.prompt,
            "PAGER": "less",
            "MANPAGER": "less",
            **self.env,
        }
        shell = (
            "env -i "
            + " ".join(f"{k}={shlex.quote(v)}" for k, v in inner.items())
            + " bash --norc --noprofile"
        )
        if self.namespace:
            script = f"ip link set lo up\n{self.namespace}\nexec {shell}"
            shell = "unshare --pid --fork --mount-proc --mount --net sh -c " + shlex.quote(script)
        return ["tmux", "-L", self._sock, "-f", str(conf), "new-session", "-s", "main", "-c", str(wd), shell]

    def launch(self, s: XSession) -> None:
        tmux = self.tmux_command(s)
        family, size = self.font
        font_args = ["-fn", family] if size == 0 else ["-fa", family, "-fs", str(size)]
        args = [
            "xterm",
            "-T",
            self.title,
            "-n",
            self.title,
            *font_args,
            "-fg",
            self.fg,
            "-bg",
            self.bg,
            "-b",
            str(self.border),
            "+sb",
            "-geometry",
            f"{self.cols}x{self.rows}+{self.pos[0]}+{self.pos[1]}",
            "-xrm",
            "XTerm*allowTitleOps: false",
            "-e",
            *tmux,
        ]
        s.spawn(args, env=s.env(TMUX_TMPDIR=str(s.tmp)), name="xterm")

    def close(self) -> None:
        """End the tmux server: it leaves xterm's process group when it daemonises, so ending the
        session's processes would leave it (and the shell, and a namespace's processes) running."""
        env = getattr(self, "_env", None)
        if env is not None:
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                subprocess.run(
                    ["tmux", "-L", self._sock, "kill-server"], env=env, capture_output=True, timeout=10
                )
            self._env = None

    def _settle(self, s: XSession, timeout: float = 20.0) -> None:
        last, since = None, time.monotonic()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                now = self._tmux(s, "capture-pane", "-p", "-t", "main")
            except subprocess.CalledProcessError:
                now = None
            if now != last:
                last, since = now, time.monotonic()
            elif now and time.monotonic() - since > 1.0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"terminal {self.title!r} did not settle")

    def after_placed(self, s: XSession) -> None:
        self._settle(s)
        for cmd in self.commands:
            self._tmux(s, "send-keys", "-t", "main", "-l", cmd)
            self._tmux(s, "send-keys", "-t", "main", "Enter")
            self._settle(s)
        for keys in self.keys:
            self._tmux(s, "send-keys", "-t", "main", *keys)
            self._settle(s)

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        text = self._tmux(s, "capture-pane", "-p", "-t", "main")
        lines = text.split("\n")[: self.rows]
        x, y, w, h = win.client
        cw, ch = (w - 2 * self.border) / self.cols, (h - 2 * self.border) / self.rows
        if cw != int(cw) or ch != int(ch):
            raise RuntimeError(f"{self.title!r}: client {w}x{h} is not a {self.cols}x{self.rows} grid")
        # Glyphs sit inside the cell: leave out the line spacing above and below them, so a frame
        # that only touches a line's cell does not count as covering its letters.
        top, bottom = round(ch * 0.15), round(ch * 0.1)
        out: list[Item] = []
        for row, line in enumerate(lines):
            words = []
            for m in re.finditer(r"\S+", line):
                box = [
                    x + self.border + int(m.start() * cw),
                    y + self.border + row * int(ch) + top,
                    int(len(m.group()) * cw),
                    int(ch) - top - bottom,
                ]
                words.append([m.group(), box])
            if words:
                out.append({"role": "line", "text": line.rstrip(), "line": row, "words": words})
        return out

    def tables(self, visible: list[Item]) -> list[list[list[str]]]:
        """Rows of our own tables (or `ls -l` lines), from lines wholly in view."""
        full = {it["line"]: it["text"] for it in visible if it["role"] == "line"}
        out: list[list[list[str]]] = []
        if self.parse_ls:
            rows = [line.split(maxsplit=8) for line in full.values() if LS_LINE.match(line)]
            if rows:
                out.append(rows)
        if self.parse_table:
            head, ncols = self.parse_table
            for row in sorted(full):
                if full[row].split()[: len(head.split())] != head.split():
                    continue
                found = []
                while row in full and len(cells := full[row].split(maxsplit=ncols - 1)) == ncols:
                    found.append(cells)
                    row += 1
                if len(found) >= 2:
                    out.append(found)
        for table in self.table_rows or []:
            kept = []
            for cells in table:
                want = " ".join(" ".join(c.split()) for c in cells)
                if any(" ".join(line.split()) == want for line in full.values()):
                    kept.append(cells)
            if len(kept) >= 2:
                out.append(kept)
        return out


# ---- Tk and Qt windows from a spec ---------------------------------------------------------------
@dataclass
class SpecWindow(Program):
    """A window of ours (``ui_tk.py`` or ``ui_qt.py``) built from a JSON spec."""

    spec: dict[str, Any] = field(default_factory=dict)
    toolkit: str = "tk"  # tk | qt
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.program = "tk" if self.toolkit == "tk" else "qt"

    def launch(self, s: XSession) -> None:
        spec = {"title": self.title, **self.spec, "x": self.pos[0], "y": self.pos[1]}
        if self.own:
            spec["app_name"] = OWN_APP_NAME
        name = f"{self.toolkit}-{abs(hash(self.title)) % 100000}"
        spec_path = s.tmp / f"{name}.json"
        spec_path.write_text(json.dumps(spec))
        self._layout = s.tmp / f"{name}.layout.json"
        if self.toolkit == "tk":
            args = [DEBIAN_PYTHON, str(HERE / "ui_tk.py"), str(spec_path), str(self._layout)]
            env = s.env()
        else:
            args = [str(VENV_PYTHON), str(HERE / "ui_qt.py"), str(spec_path), str(self._layout)]
            env = s.env(QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="0", QT_SCALE_FACTOR="1")
        env.update(self.env)
        s.spawn(args, env=env, name=self.toolkit)

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        before = time.time()
        deadline = before + 10
        while time.time() < deadline:  # a layout written after the screen was grabbed
            if self._layout.exists() and self._layout.stat().st_mtime > before:
                data = json.loads(self._layout.read_text())
                cx, cy = data["client"][:2]
                if (cx, cy) != win.client[:2]:
                    raise RuntimeError(f"{self.title!r}: toolkit says {data['client']}, EWMH {win.client}")
                return list(data["items"])
            time.sleep(0.1)
        raise RuntimeError(f"{self.title!r}: no fresh layout")


# ---- Chromium ------------------------------------------------------------------------------------
WORDS_JS = r"""
(() => {
  const items = [];
  const box = (rs) => {
    rs = [...rs].filter(r => r.width > 0 && r.height > 0);
    if (!rs.length) return null;
    const x1 = Math.min(...rs.map(r => r.left)), y1 = Math.min(...rs.map(r => r.top));
    const x2 = Math.max(...rs.map(r => r.right)), y2 = Math.max(...rs.map(r => r.bottom));
    return [x1, y1, x2 - x1, y2 - y1];
  };
  const meta = (el) => {
    const m = {role: 'text'};
    const cell = el.closest('[data-r]');
    if (cell) {
      m.table = +cell.dataset.t; m.row = +cell.dataset.r; m.col = +cell.dataset.c;
      m.role = cell.dataset.r === '0' ? 'heading' : 'cell';
    }
    if (el.closest('button,[data-button]')) m.role = 'button';
    return m;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node;
      if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) continue;
      if (['checkbox', 'radio', 'hidden', 'range', 'color', 'file'].includes(el.type)) continue;
      const text = el.tagName === 'SELECT'
        ? (el.options[el.selectedIndex] || {}).text || ''
        : (el.value || el.placeholder || '');
      if (!text.trim()) continue;
      const b = box([el.getBoundingClientRect()]);
      const role = ['submit', 'button', 'reset'].includes(el.type) ? 'button' : 'value';
      items.push({role, text, words: text.split(/\s+/).filter(Boolean).map(w => [w, b])});
      continue;
    }
    const el = node.parentElement;
    if (!el || el.closest('select,option,script,style,textarea,noscript')) continue;
    const st = getComputedStyle(el);
    if (st.visibility !== 'visible' || +st.opacity === 0) continue;
    const words = [];
    for (const m of node.data.matchAll(/\S+/g)) {
      const r = document.createRange();
      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const b = box(r.getClientRects());
      if (b) words.push([m[0], b]);
    }
    if (words.length) items.push({...meta(el), text: words.map(w => w[0]).join(' '), words});
  }
  return JSON.stringify({vw: innerWidth, vh: innerHeight, title: document.title, items});
})()
"""


class DevToolsPipe:
    """Chromium's DevTools protocol over ``--remote-debugging-pipe`` (fds 3 and 4, NUL-framed JSON):
    no port, no websocket library."""

    def __init__(self, write_fd: int, read_fd: int) -> None:
        self._out = os.fdopen(write_fd, "wb", buffering=0)
        self._in = os.fdopen(read_fd, "rb", buffering=0)
        self._buf = b""
        self._n = 0

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._n += 1
        msg: dict[str, Any] = {"id": self._n, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self._out.write(json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self._buf:
                chunk = self._in.read(1 << 16)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buf += chunk
            raw, self._buf = self._buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._n:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply["result"])

    def evaluate(self, expression: str) -> Any:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})[
            "sessionId"
        ]
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        return result["result"]["value"]

    def close(self) -> None:
        for f in (self._out, self._in):
            with contextlib.suppress(OSError):
                f.close()


@dataclass
class Page(Program):
    """A local HTML page in a Chromium app window (no tabs or address bar; openbox draws the
    title bar, because the profile turns Chromium's own frame off)."""

    html: str = ""
    size: tuple[int, int] = (900, 600)  # client (viewport) size

    def __post_init__(self) -> None:
        self.program = "chromium"
        self._pipe: DevToolsPipe | None = None

    def launch(self, s: XSession) -> None:
        name = f"page-{abs(hash(self.title)) % 100000}"
        page = s.tmp / f"{name}.html"
        page.write_text(self.html, encoding="utf-8")
        profile = s.tmp / f"{name}-profile"
        (profile / "Default").mkdir(parents=True)
        (profile / "Default" / "Preferences").write_text(
            json.dumps({"browser": {"custom_chrome_frame": False}})
        )
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()
        flags = [
            "chromium",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--test-type",
            "--password-store=basic",
            "--disable-features=Translate,MediaRouter",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            f"--window-size={self.size[0]},{self.size[1]}",
            f"--window-position={self.pos[0]},{self.pos[1]}",
            f"--app=file://{page}",
        ]
        shell = "exec " + shlex.join(flags) + f" 3<&{to_chrome_r} 4>&{from_chrome_w}"
        s.spawn(["bash", "-c", shell], name="chromium", pass_fds=(to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._pipe = DevToolsPipe(to_chrome_w, from_chrome_r)

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        assert self._pipe is not None
        data = json.loads(self._pipe.evaluate(WORDS_JS))
        x, y, w, h = win.client
        if (data["vw"], data["vh"]) != (w, h):
            raise RuntimeError(
                f"{self.title!r}: viewport {data['vw']}x{data['vh']} is not the client {w}x{h}"
            )
        for it in data["items"]:
            for word in it["words"]:
                bx, by, bw, bh = word[1]
                word[1] = [round(x + bx), round(y + by), round(bw), round(bh)]
        return list(data["items"])

    def close(self) -> None:
        if self._pipe is not None:
            self._pipe.close()


# ---- programs that cannot say where they draw ------------------------------------------------------
XCALC_TI_KEYS = [
    ["1/x", "x²", "√", "CE/C", "AC"],
    ["INV", "sin", "cos", "tan", "DRG"],
    ["e", "EE", "log", "ln", "y^x"],
    ["not", "and", "or", "xor", "trunc"],
    ["π", "x!", "(", ")", "base"],
    ["shl", "D", "E", "F", "shr"],
    ["mod", "A", "B", "C", "÷"],
    ["STO", "7", "8", "9", "*"],
    ["RCL", "4", "5", "6", "-"],
    ["SUM", "1", "2", "3", "+"],
    ["EXC", "0", ".", "+/-", "="],
]  # as /etc/X11/app-defaults/XCalc labels them (√, π, ÷ are drawn from the Symbol font)


@dataclass
class Opaque(Program):
    """A program whose text we know but whose layout we cannot ask: all words, no boxes."""

    args: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every text shown, as given to the program
    buttons: list[str] = field(default_factory=list)
    table_rows: list[list[list[str]]] = field(default_factory=list)  # tables it shows, header first
    name: str = "opaque"
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.program = self.name
        self.opaque = True

    def launch(self, s: XSession) -> None:
        s.spawn(self.args, env=s.env(**self.env), name=self.name)

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        out: list[Item] = [{"role": "text", "text": t, "words": _words(t)} for t in self.texts]
        out += [{"role": "button", "text": b, "words": _words(b)} for b in self.buttons]
        return out

    def tables(self, visible: list[Item]) -> list[list[list[str]]]:
        return [t for t in self.table_rows]  # the window is wholly in view (checked by the capture)


XCALC_HP_KEYS = [
    ["√", "e^x", "10^x", "y^x", "1/x", "CHS", "7", "8", "9", "÷"],
    ["x!", "π", "sin", "cos", "tan", "EEX", "4", "5", "6", "*"],
    ["Rv", "x:y", "<-", "E\nN\nT\nE\nR", "1", "2", "3", "-"],
    ["ON", "DRG", "INV", "STO", "RCL", "0", ".", "SUM", "+"],
]  # -rpn (HP-10C) mode, as /etc/X11/app-defaults/XCalc labels them (ENTER is written downwards)


def xcalc(
    pos: tuple[int, int],
    color: bool = False,
    rpn: bool = False,
    size: tuple[int, int] | None = None,
    xrm: list[str] | None = None,
) -> Opaque:
    """xcalc in TI-30 mode or, with ``rpn``, HP-10C mode (its display shows "0", "DEG", "DEC" in
    both). At its natural size HP mode cuts the bottom of its upright ENTER key's last letter: give
    it a ``size`` (440x230 draws every key whole). ``xrm``: more X resources ("*Font: 10x20",
    "*ti.Command.background: #334455"; the keys named one by one in app-defaults keep theirs)."""
    geometry = (f"{size[0]}x{size[1]}" if size else "") + f"+{pos[0]}+{pos[1]}"
    args = ["xcalc", "-geometry", geometry]
    if rpn:
        args.append("-rpn")
    if color:
        args += ["-xrm", "*customization: -color"]
    for resource in xrm or []:
        args += ["-xrm", resource]
    keys = [k for row in (XCALC_HP_KEYS if rpn else XCALC_TI_KEYS) for k in row]
    return Opaque("Calculator", pos, args=args, texts=["0", "DEG", "DEC"], buttons=keys, name="xcalc")


GALCULATOR_BASIC_KEYS = [
    ["C", "AC", "<-"],
    ["(", ")", "MS", "MR", "M+"],
    ["7", "8", "9", "/", "sqrt"],
    ["4", "5", "6", "*", "%"],
    ["1", "2", "3", "-", "="],
    ["0", ".", "+/-", "+"],
]  # galculator 2.1.4's basic mode (basic_buttons_gtk3.ui, dispctrl_bottom_gtk3.ui); MR and M+ greyed out


def galculator(pos: tuple[int, int], dark: bool = False) -> Opaque:
    """galculator (GTK 3) in its basic mode, as it starts with no configuration file: a menu bar,
    the display "0" and 26 keys."""
    env = {"GDK_BACKEND": "x11", "GTK_THEME": "Adwaita:dark" if dark else "Adwaita"}
    keys = [k for row in GALCULATOR_BASIC_KEYS for k in row]
    return Opaque(
        "galculator",
        pos,
        args=["galculator"],
        texts=["File Edit View Calculator Help", "0"],
        buttons=keys,
        name="galculator",
        env=env,
    )


def xmessage(
    title: str,
    pos: tuple[int, int],
    text: str,
    buttons: list[str],
    font: str = "",
    fg: str = "",
    bg: str = "",
) -> Opaque:
    args = ["xmessage", "-title", title, "-geometry", f"+{pos[0]}+{pos[1]}", "-buttons", ",".join(buttons)]
    if font:
        args += ["-fn", font]
    if fg:
        args += ["-fg", fg]
    if bg:
        args += ["-bg", bg]
    return Opaque(title, pos, args=[*args, text], texts=[text], buttons=buttons, name="xmessage")


@dataclass
class Clock(Opaque):
    """xclock: analogue (no words) or digital, whose words are the time it shows, read from the
    same clock (UTC) at the moment of the grab."""

    strftime: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.focusable = False  # xclock's WM_HINTS say it takes no input, so it is never active

    def time_text(self) -> str:
        return time.strftime(self.strftime, time.gmtime()) if self.strftime else ""

    def items(self, s: XSession, win: WindowInfo) -> list[Item]:
        t = self.time_text()
        return [{"role": "text", "text": t, "words": _words(t)}] if t else []


def xclock(
    title: str, pos: tuple[int, int], size: tuple[int, int], strftime: str = "", face: str = ""
) -> Clock:
    args = ["xclock", "-title", title, "-geometry", f"{size[0]}x{size[1]}+{pos[0]}+{pos[1]}", "-update", "1"]
    if strftime:
        args += ["-digital", "-strftime", strftime]
        if face:
            args += ["-face", face]
    return Clock(title, pos, args=args, name="xclock", strftime=strftime)


def gtk_dialog(
    title: str,
    pos: tuple[int, int],
    tool: str,
    args: list[str],
    texts: list[str],
    buttons: list[str],
    dark: bool = False,
    table_rows: list[list[list[str]]] | None = None,
) -> Opaque:
    """zenity or yad: a GTK 3 dialog. Texts and buttons are exactly what the arguments say."""
    env = {"GDK_BACKEND": "x11", "GTK_THEME": "Adwaita:dark" if dark else "Adwaita"}
    return Opaque(
        title,
        pos,
        args=[tool, "--title", title, *args],
        texts=texts,
        buttons=buttons,
        table_rows=table_rows or [],
        name=tool,
        env=env,
    )
