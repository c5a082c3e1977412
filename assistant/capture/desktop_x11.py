"""X11: the pointer and the active window, through python-xlib (pure Python, no C build).

The active window is what the window manager announces in the root window's EWMH
``_NET_ACTIVE_WINDOW``. Without an EWMH window manager (bare X servers, some kiosks, tests) the
window holding the keyboard focus (``XGetInputFocus``) is used instead, walked up to its top-level
window. The rectangle is translated to root coordinates and grown by ``_NET_FRAME_EXTENTS`` (the
window manager's title bar and borders), and shrunk by ``_GTK_FRAME_EXTENTS`` (the invisible
shadow that client-side-decorated GTK windows draw around themselves).

:meth:`X11Desktop.window_stack` reads the whole stack the same way: the clients of
``_NET_CLIENT_LIST_STACKING``, ordered as the X server stacks their frames (window managers disagree on
that property's order: jwm 2.4 lists it top first, fluxbox 1.3 keeps the order of mapping whatever is
raised later; the server's own stacking of the root's children is right under all of them), each
window's ``_NET_WM_NAME`` and frame, leaving out what a person cannot see
(``_NET_WM_STATE_HIDDEN``, other workspaces by ``_NET_WM_DESKTOP``, docks and the desktop window by
``_NET_WM_WINDOW_TYPE``) and marking the assistant's own windows by ``_NET_WM_PID`` or ``WM_CLASS``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable
from typing import Any

from Xlib import X, Xatom, error
from Xlib import display as xdisplay

from assistant.capture.models import Rect, WindowInfo
from assistant.capture.window_stack import DesktopWindow, WindowStack
from assistant.errors import CaptureError

log = logging.getLogger(__name__)

# python-xlib raises these while connecting (bad name, refused, authorisation) or on a dead socket.
_CONNECT_ERRORS = (
    error.DisplayError,
    error.DisplayConnectionError,
    error.DisplayNameError,
    error.ConnectionClosedError,
    OSError,
    EOFError,
)
_MAX_CLIENT_SEARCH = 64  # windows looked at below a frame when searching for the client window
_ALL_DESKTOPS = 0xFFFFFFFF  # _NET_WM_DESKTOP of a window shown on every workspace
_NOT_WINDOWS = ("_NET_WM_WINDOW_TYPE_DOCK", "_NET_WM_WINDOW_TYPE_DESKTOP")  # panels, the desktop itself


class X11Desktop:
    """One connection to the X server; calls are serialised so any thread may use it."""

    name = "x11"

    def __init__(
        self,
        display_name: str | None = None,
        *,
        own_pids: Iterable[int] | None = None,
        own_classes: Iterable[str] = (),
    ) -> None:
        """``own_pids`` (default: this process) and ``own_classes`` (``WM_CLASS`` class names, exact:
        Qt sets the class to the application name, so the tray app's windows are known from another
        process too) say which windows are the assistant's own."""
        self._own_pids = frozenset(own_pids) if own_pids is not None else frozenset({os.getpid()})
        self._own_classes = frozenset(own_classes)
        try:
            self._display = xdisplay.Display(display_name)
        except _CONNECT_ERRORS as exc:
            log.warning("python-xlib could not connect to %r: %s", display_name, exc)
            where = f" {display_name}" if display_name else ""
            raise CaptureError(f"No display to capture: I cannot connect to the display{where}.") from None
        # Errors of requests without replies arrive asynchronously; log them instead of printing.
        self._display.set_error_handler(lambda err, *_: log.debug("X error: %s", err))
        self._root = self._display.screen().root
        self._lock = threading.Lock()
        self._atoms: dict[str, int] = {}
        self._closed = False

    def pointer_position(self) -> tuple[int, int] | None:
        with self._lock:
            try:
                reply = self._root.query_pointer()
            except (error.XError, *_CONNECT_ERRORS) as exc:
                log.warning("query_pointer failed: %s", exc)
                return None
            return int(reply.root_x), int(reply.root_y)

    def active_window(self) -> WindowInfo | None:
        with self._lock:
            try:
                window = self._ewmh_active() or self._focused_toplevel()
                if window is None:
                    return None
                client = self._client_of(window)
                return WindowInfo(self._title(client), self._app_name(client), self._rects(client)[0])
            except (error.XError, *_CONNECT_ERRORS) as exc:  # the window went away while we looked
                log.info("active window vanished: %s", exc)
                return None

    def window_stack(self) -> WindowStack | None:
        """The windows shown on the current workspace, top first; ``None`` without an EWMH window
        manager (then nothing says which window covers which)."""
        with self._lock:
            try:
                ids = self._root.get_full_property(self._atom("_NET_CLIENT_LIST_STACKING"), Xatom.WINDOW)
                if ids is None:
                    return None
                active = self._cardinals(self._root, "_NET_ACTIVE_WINDOW", Xatom.WINDOW)
                current = self._cardinals(self._root, "_NET_CURRENT_DESKTOP")
                found = []
                for xid in reversed(self._server_order([int(v) for v in ids.value])):  # top first
                    try:
                        window = self._stack_entry(xid, active[0] if active else None, current)
                    except error.XError:  # closed while we looked: it is no longer on the screen
                        continue
                    if window is not None:
                        found.append(window)
                return WindowStack(tuple(found))
            except _CONNECT_ERRORS as exc:
                log.info("window stack unavailable: %s", exc)
                return None

    def _server_order(self, clients: list[int]) -> list[int]:
        """``clients`` bottom to top as the X server stacks their top-level windows (the frames a
        reparenting window manager puts them in). A client gone meanwhile sorts to the bottom (and is
        then left out as not viewable)."""
        order = {int(w.id): i for i, w in enumerate(self._root.query_tree().children)}

        def place(index: int, xid: int) -> tuple[int, int]:
            try:
                return order.get(self._top_level(self._window(xid)), -1), index
            except error.XError:
                return -1, index

        return [xid for _, xid in sorted((place(i, xid), xid) for i, xid in enumerate(clients))]

    def _top_level(self, window: Any) -> int:
        """The id of the root's child that holds ``window`` (its frame, or itself when unframed)."""
        while True:
            parent = window.query_tree().parent
            if parent is None or isinstance(parent, int) or parent.id in (X.NONE, self._root.id):
                return int(window.id)
            window = parent

    def _stack_entry(self, xid: int, active: int | None, current: list[int]) -> DesktopWindow | None:
        window = self._window(xid)
        if not self._viewable(window):
            return None
        types = set(self._cardinals(window, "_NET_WM_WINDOW_TYPE", Xatom.ATOM))
        if types & {self._atom(name) for name in _NOT_WINDOWS}:
            return None
        if self._atom("_NET_WM_STATE_HIDDEN") in self._cardinals(window, "_NET_WM_STATE", Xatom.ATOM):
            return None
        desktop = self._cardinals(window, "_NET_WM_DESKTOP")
        if current and desktop and desktop[0] not in (current[0], _ALL_DESKTOPS):
            return None
        pids = self._cardinals(window, "_NET_WM_PID")
        pid = pids[0] if pids else None
        classes = self._wm_class(window)
        own = pid in self._own_pids or (len(classes) > 1 and classes[-1] in self._own_classes)
        outer, inner = self._rects(window)
        return DesktopWindow(
            title=self._title(window),
            rect=outer,
            client=inner,
            active=xid == active,
            is_own=own,
            app_name=classes[-1] if classes else None,
            pid=pid,
            handle=xid,
        )

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._display.close()
            except (error.XError, *_CONNECT_ERRORS):
                pass

    # --- finding the window ------------------------------------------------------------------------

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self._display.intern_atom(name)
        return self._atoms[name]

    def _window(self, xid: int) -> Any:
        return self._display.create_resource_object("window", xid)

    def _cardinals(self, window: Any, name: str, kind: int = Xatom.CARDINAL) -> list[int]:
        prop = window.get_full_property(self._atom(name), kind)
        return [int(v) for v in prop.value] if prop is not None else []

    def _viewable(self, window: Any) -> bool:
        return bool(window.get_attributes().map_state == X.IsViewable)

    def _ewmh_active(self) -> Any | None:
        """The window manager's active window, if a live EWMH manager says so and the window is shown."""
        ids = self._cardinals(self._root, "_NET_ACTIVE_WINDOW", Xatom.WINDOW)
        if not ids or ids[0] in (X.NONE, self._root.id):
            return None
        window = self._window(ids[0])
        try:
            return window if self._viewable(window) else None
        except error.XError:  # stale property left by a window manager that has gone
            return None

    def _focused_toplevel(self) -> Any | None:
        """The top-level window containing the keyboard focus (no window manager needed)."""
        focus = self._display.get_input_focus().focus
        if isinstance(focus, int) or focus.id in (X.NONE, X.PointerRoot, self._root.id):
            return None
        window = self._window(self._top_level(focus))
        return window if self._viewable(window) else None

    def _client_of(self, window: Any) -> Any:
        """The application's own window: the one with ``WM_STATE`` at or below a window-manager frame."""
        wm_state = self._atom("WM_STATE")
        queue = deque([window])
        seen = 0
        while queue and seen < _MAX_CLIENT_SEARCH:
            candidate = queue.popleft()
            seen += 1
            if candidate.get_full_property(wm_state, X.AnyPropertyType) is not None:
                return candidate
            queue.extend(candidate.query_tree().children)
        return window

    # --- describing it ---------------------------------------------------------------------------

    def _title(self, window: Any) -> str:
        prop = window.get_full_property(self._atom("_NET_WM_NAME"), self._atom("UTF8_STRING"))
        if prop is not None and prop.value:
            return _text(prop.value, "utf-8")
        prop = window.get_full_property(Xatom.WM_NAME, X.AnyPropertyType)
        if prop is not None and prop.value:
            encoding = "latin-1" if prop.property_type == Xatom.STRING else "utf-8"
            return _text(prop.value, encoding)
        return ""

    def _wm_class(self, window: Any) -> list[str]:
        """``WM_CLASS``: the instance ("Navigator"), then the class ("Firefox")."""
        prop = window.get_full_property(Xatom.WM_CLASS, Xatom.STRING)
        if prop is None or not prop.value:
            return []
        return [p for p in _text(prop.value, "latin-1").split("\0") if p]

    def _app_name(self, window: Any) -> str | None:
        parts = self._wm_class(window)
        return parts[-1] if parts else None  # the class ("Firefox"), not the instance ("Navigator")

    def _rects(self, window: Any) -> tuple[Rect, Rect]:
        """The outer frame (title bar and borders included) and the client area, on the root."""
        geometry = window.get_geometry()
        origin = self._root.translate_coords(window, 0, 0)
        x, y, width, height = int(origin.x), int(origin.y), int(geometry.width), int(geometry.height)
        shadow = self._cardinals(window, "_GTK_FRAME_EXTENTS")
        if len(shadow) == 4:
            left, right, top, bottom = shadow
            x, y, width, height = x + left, y + top, width - left - right, height - top - bottom
        client = (x, y, max(width, 1), max(height, 1))
        frame = self._cardinals(window, "_NET_FRAME_EXTENTS")
        if len(frame) == 4:
            left, right, top, bottom = frame
            x, y, width, height = x - left, y - top, width + left + right, height + top + bottom
        return (x, y, max(width, 1), max(height, 1)), client


def _text(value: bytes | str, encoding: str) -> str:
    raw = value.encode("latin-1", "replace") if isinstance(value, str) else bytes(value)
    return raw.decode(encoding, "replace").rstrip("\0").strip()
