"""AT-SPI on Linux: a window's accessible tree read over D-Bus with ``jeepney`` (pure Python).

The accessibility bus is a D-Bus bus of its own, whose address the session bus gives
(``org.a11y.Bus.GetAddress``); on it the registry lists one root per application, and each
object answers ``org.a11y.atspi.Accessible`` (role, name, state, children), ``Component`` (its
place on the screen) and ``Text`` (its contents). No GObject introspection is needed, so the
assistant's own virtual environment can read it without Debian's python3-gi.

A window is found through its process (``_NET_WM_PID`` against the bus's
``GetConnectionUnixProcessID`` of each application), then by title and place among that
application's frames (:func:`~assistant.capture.accessibility.match_frame`). The tree is walked a
level at a time with every request of a level sent at once (one round trip per level, not per
object), hidden branches left out, under a time and size budget: an application that hangs
costs at most the budget, and the window is then OCR'd.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from assistant.capture.accessibility import AccessibleFrame, AccessibleNode, match_frame
from assistant.capture.window_stack import DesktopWindow

log = logging.getLogger(__name__)

ACCESSIBLE = "org.a11y.atspi.Accessible"
REGISTRY = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
PROPERTIES = "org.freedesktop.DBus.Properties"
TEXT = "org.a11y.atspi.Text"

# AT-SPI's role numbers (atspi-constants.h), as names with spaces like pyatspi's getRoleName().
ROLES = (  # noqa: SIM905 - 130 names, kept readable
    "invalid,accelerator label,alert,animation,arrow,calendar,canvas,check box,check menu item,"
    "color chooser,column header,combo box,date editor,desktop icon,desktop frame,dial,dialog,"
    "directory pane,drawing area,file chooser,filler,focus traversable,font chooser,frame,glass pane,"
    "html container,icon,image,internal frame,label,layered pane,list,list item,menu,menu bar,"
    "menu item,option pane,page tab,page tab list,panel,password text,popup menu,progress bar,"
    "push button,radio button,radio menu item,root pane,row header,scroll bar,scroll pane,separator,"
    "slider,spin button,split pane,status bar,table,table cell,table column header,table row header,"
    "tearoff menu item,terminal,text,toggle button,tool bar,tool tip,tree,tree table,unknown,viewport,"
    "window,extended,header,footer,paragraph,ruler,application,autocomplete,editbar,embedded,entry,"
    "chart,caption,document frame,heading,page,section,redundant object,form,link,"
    "input method window,table row,tree item,document spreadsheet,document presentation,"
    "document text,document web,document email,comment,list box,grouping,image map,notification,"
    "info bar,level bar,title bar,block quote,audio,video,definition,article,landmark,log,marquee,"
    "math,rating,timer,static,math fraction,math root,subscript,superscript,description list,"
    "description term,description value,footnote,content deletion,content insertion,mark,"
    "suggestion,push button menu"
).split(",")
# AT-SPI's state bits (AtspiStateType), in order.
STATES = (  # noqa: SIM905
    "invalid active armed busy checked collapsed defunct editable enabled expandable expanded "
    "focusable focused has-tooltip horizontal iconified modal multi-line multiselectable opaque "
    "pressed resizable selectable selected sensitive showing single-line stale transient vertical "
    "visible manages-descendants indeterminate required truncated animated invalid-entry "
    "supports-autocompletion selectable-text is-default visited checkable has-popup read-only"
).split()
_VALUED = {"slider", "progress bar", "level bar", "dial", "scroll bar"}


@dataclass(frozen=True)
class AtspiConfig:
    call_timeout: float = 0.5  # seconds one round trip may take before the application is given up
    budget: float = 1.5  # seconds for a whole window's tree
    max_nodes: int = 4000  # a tree larger than this is left to OCR (a long list, a big web page)
    max_text: int = 20000  # characters read from one object's text
    silent_for: float = 30.0  # seconds an application that did not answer in time is not asked


class Incomplete(Exception):
    """The tree could not be read whole within the budget."""


def role_name(number: int) -> str:
    return ROLES[number] if 0 <= number < len(ROLES) else "unknown"


def state_names(bits: Sequence[int]) -> frozenset[str]:
    """AT-SPI's state set (two 32-bit words) as names."""
    found = set()
    for word, value in enumerate(bits[:2]):
        for bit in range(32):
            index = word * 32 + bit
            if value >> bit & 1 and index < len(STATES):
                found.add(STATES[index])
    return frozenset(found)


def _body(reply: Any) -> tuple[Any, ...] | None:
    if reply is None or reply.header.message_type != MessageType.method_return:
        return None
    return tuple(reply.body)


class AtspiText:
    """The AT-SPI reader; safe to call from any thread (calls are serialised)."""

    name = "at-spi"

    def __init__(self, address: str | None = None, config: AtspiConfig | None = None) -> None:
        """``address``: the accessibility bus (default: ``$AT_SPI_BUS_ADDRESS``, else asked of the
        session bus when the first window is read)."""
        self.config = config or AtspiConfig()
        self._address = address or os.environ.get("AT_SPI_BUS_ADDRESS") or None
        self._conn: DBusConnection | None = None
        self._failed = False
        self._silent: dict[str, float] = {}  # application bus name -> until when it is skipped
        self._lock = threading.Lock()

    # ---- the interface ---------------------------------------------------------------------------
    def window_tree(self, window: DesktopWindow) -> AccessibleNode | None:
        with self._lock:
            conn = self._connection()
            if conn is None:
                return None
            deadline = time.monotonic() + self.config.budget
            try:
                frame = self._find_frame(conn, window, deadline)
                if frame is None:
                    return None
                bus, path = cast(tuple[str, str], frame.key)
                return self._walk(conn, bus, path, deadline)
            except Incomplete as exc:
                log.info("accessible tree of %r left to OCR: %s", window.title, exc)
                return None
            except (OSError, ValueError, IndexError, TypeError, KeyError) as exc:  # gone, or malformed
                log.info("AT-SPI read failed for %r: %s", window.title, exc)
                self._drop()
                return None

    def close(self) -> None:
        with self._lock:
            self._drop()

    # ---- the bus ---------------------------------------------------------------------------------
    def _connection(self) -> DBusConnection | None:
        if self._conn is not None or self._failed:
            return self._conn
        try:
            address = self._address or _bus_address(self.config.call_timeout * 4)
            if address is None:
                self._failed = True
                return None
            self._conn = open_dbus_connection(address)
        except Exception as exc:  # no bus, a refused or malformed address, no answer: OCR as before
            log.info("no accessibility bus: %s", exc)
            self._failed = True
        return self._conn

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
        self._conn = None

    def _batch(
        self, conn: DBusConnection, calls: list[Any], deadline: float, *, partial: bool = False
    ) -> list[Any]:
        """Send every call at once, then gather the replies (None for an error). A call not
        answered in time marks its application silent for ``silent_for`` seconds (it is skipped
        meanwhile) and raises :class:`Incomplete`, or with ``partial`` leaves a None."""
        waiting = {}
        for i, call in enumerate(calls):
            if partial and self._is_silent(_destination(call)):
                continue  # its reply stays None
            serial = next(conn.outgoing_serial)
            conn.send(call, serial=serial)
            waiting[serial] = i
        replies: list[Any] = [None] * len(calls)
        while waiting:
            left = min(deadline - time.monotonic(), self.config.call_timeout)
            try:
                if left <= 0:
                    raise TimeoutError
                msg = conn.receive(timeout=left)
            except TimeoutError:
                for i in waiting.values():
                    self._silent[_destination(calls[i])] = time.monotonic() + self.config.silent_for
                if partial:
                    break
                raise Incomplete("no answer in time") from None
            index = waiting.pop(msg.header.fields.get(HeaderFields.reply_serial, -1), None)
            if index is not None:
                replies[index] = msg
        return replies

    def _is_silent(self, bus: str) -> bool:
        return self._silent.get(bus, 0.0) > time.monotonic()

    # ---- finding the window's frame --------------------------------------------------------------
    def _find_frame(
        self, conn: DBusConnection, window: DesktopWindow, deadline: float
    ) -> AccessibleFrame | None:
        apps = _body(self._batch(conn, [_call(*REGISTRY, ACCESSIBLE, "GetChildren")], deadline)[0])
        if not apps:
            return None
        buses = sorted({bus for bus, _ in apps[0] if not self._is_silent(bus)})  # a hung one: skipped
        if window.pid is not None:
            pids = self._batch(
                conn, [message_bus.GetConnectionUnixProcessID(b) for b in buses], deadline, partial=True
            )
            buses = [b for b, r in zip(buses, pids, strict=True) if (_body(r) or (None,))[0] == window.pid]
        roots = self._batch(
            conn, [_call(b, REGISTRY[1], ACCESSIBLE, "GetChildren") for b in buses], deadline, partial=True
        )
        tops = [(b, path) for b, r in zip(buses, roots, strict=True) for _, path in (_body(r) or ([],))[0]]
        frames = []
        for (bus, path), facts in zip(tops, self._facts(conn, tops, deadline), strict=True):
            role, name, states, _children, _text, rect, _value = facts
            # Every child of an application is a top-level window, whatever its role: a Qt widget
            # shown as a window is a "filler", a GTK one a "frame", "dialog" or "window".
            frames.append(AccessibleFrame(role, name, rect, (bus, path), "showing" in states))
        return match_frame(window, frames)

    # ---- reading a tree ----------------------------------------------------------------------------
    def _facts(
        self, conn: DBusConnection, objects: list[tuple[str, str]], deadline: float
    ) -> list[tuple[Any, ...]]:
        """Role, name, states, children, text, screen rectangle and value of each object; eight
        calls each, all sent at once (an object without a text or value answers an error)."""
        n = 8
        calls = []
        for bus, path in objects:
            calls += [
                _call(bus, path, ACCESSIBLE, "GetRole"),
                _call(bus, path, PROPERTIES, "Get", "ss", (ACCESSIBLE, "Name")),
                _call(bus, path, ACCESSIBLE, "GetState"),
                _call(bus, path, ACCESSIBLE, "GetChildren"),
                _call(bus, path, TEXT, "GetText", "ii", (0, self.config.max_text)),
                _call(bus, path, "org.a11y.atspi.Component", "GetExtents", "u", (0,)),  # 0: the screen
                _call(bus, path, PROPERTIES, "Get", "ss", ("org.a11y.atspi.Value", "CurrentValue")),
                _call(bus, path, PROPERTIES, "Get", "ss", (TEXT, "CharacterCount")),
            ]
        replies = [_body(r) for r in self._batch(conn, calls, deadline)]
        # Qt answers nothing for an end past the text: ask those again within their length.
        lengths = {i: int((replies[n * i + 7] or [(0, 0)])[0][1]) for i in range(len(objects))}
        again = [i for i in range(len(objects)) if not (replies[n * i + 4] or ("",))[0] and lengths[i] > 0]
        end = self.config.max_text
        retry = [_call(*objects[i], TEXT, "GetText", "ii", (0, min(lengths[i], end))) for i in again]
        for i, reply in zip(again, self._batch(conn, retry, deadline) if retry else [], strict=True):
            replies[n * i + 4] = _body(reply)
        out = []
        for i in range(len(objects)):
            role, name, state, children, text, extents, value, _count = replies[n * i : n * i + n]
            rect = tuple(int(v) for v in extents[0]) if extents else None
            out.append(
                (
                    role_name(int(role[0])) if role else "unknown",
                    str(name[0][1]) if name else "",
                    state_names(state[0]) if state else frozenset(),
                    [tuple(c) for c in children[0]] if children else [],
                    str(text[0]) if text else None,
                    rect if rect and rect[2] > 0 and rect[3] > 0 else None,
                    float(value[0][1]) if value and isinstance(value[0][1], int | float) else None,
                )
            )
        return out

    def _walk(self, conn: DBusConnection, bus: str, path: str, deadline: float) -> AccessibleNode:
        """The shown part of the tree under ``(bus, path)``, a level at a time."""
        facts: dict[tuple[str, str], tuple[Any, ...]] = {}
        kids: dict[tuple[str, str], list[tuple[str, str]]] = {}
        level = [(bus, path)]
        while level:
            if len(facts) + len(level) > self.config.max_nodes:
                raise Incomplete(f"more than {self.config.max_nodes} objects")
            following = []
            for obj, found in zip(level, self._facts(conn, level, deadline), strict=True):
                facts[obj] = found
                states, children = found[2], found[3]
                shown = obj == (bus, path) or "showing" in states
                kids[obj] = [c for c in children if c not in facts] if shown else []
                following += kids[obj]
            level = list(dict.fromkeys(following))
        return _node((bus, path), facts, kids, set())


def _node(
    obj: tuple[str, str],
    facts: dict[tuple[str, str], tuple[Any, ...]],
    kids: dict[tuple[str, str], list[tuple[str, str]]],
    seen: set[tuple[str, str]],
) -> AccessibleNode:
    seen.add(obj)
    role, name, states, _children, text, rect, value = facts[obj]
    children = tuple(_node(c, facts, kids, seen) for c in kids.get(obj, []) if c in facts and c not in seen)
    # Hidden children stay (without their own children): a web page's text marks where each child
    # sits with U+FFFC, one mark per child, shown or not, so the reader needs them all to align.
    return AccessibleNode(role, name, text, rect, states, children, value)


def _destination(call: Any) -> str:
    return str(call.header.fields.get(HeaderFields.destination, ""))


def _call(
    bus: str, path: str, interface: str, method: str, signature: str | None = None, body: tuple[Any, ...] = ()
) -> Any:
    return new_method_call(DBusAddress(path, bus, interface), method, signature, body)


def _bus_address(timeout: float) -> str | None:
    """The accessibility bus's address, from the session bus (None without one)."""
    if not (os.environ.get("DBUS_SESSION_BUS_ADDRESS") or _runtime_bus()):
        return None  # asking without a session bus could autolaunch a stray dbus-daemon
    with open_dbus_connection(bus="SESSION") as session:
        call = _call("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress")
        reply = _body(session.send_and_get_reply(call, timeout=timeout))
    return str(reply[0]) if reply else None


def _runtime_bus() -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and os.path.exists(os.path.join(runtime, "bus"))
