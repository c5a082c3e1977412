"""Fixtures for capture tests on a real X server: X clients, a window manager and painted windows."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from capture_x11_support import Painter, XClients, need, wait_for

from tests.support.xvfb import XvfbServer


@pytest.fixture
def x_clients(xvfb: XvfbServer) -> Iterator[XClients]:
    clients = XClients(xvfb)
    yield clients
    clients.stop()


@pytest.fixture
def painter(xvfb: XvfbServer) -> Iterator[Painter]:
    painter = Painter(xvfb.display)
    yield painter
    painter.close()


@pytest.fixture
def openbox(x_clients: XClients, xvfb: XvfbServer) -> XClients:
    """A real EWMH window manager (openbox) on the test's server, ready when it announces itself."""
    need("openbox", "openbox")
    x_clients.start("openbox", "--sm-disable")
    return _announced(x_clients, xvfb, "openbox")


@pytest.fixture
def jwm(x_clients: XClients, xvfb: XvfbServer, tmp_path: Path) -> XClients:
    """Another EWMH window manager, one that lists ``_NET_CLIENT_LIST_STACKING`` top first (jwm 2.4),
    with an empty configuration of its own (no panel, nothing read from the home folder)."""
    need("jwm", "jwm")
    rc = tmp_path / "jwmrc"
    rc.write_text('<?xml version="1.0"?>\n<JWM></JWM>\n')
    x_clients.start("jwm", "-f", str(rc))
    return _announced(x_clients, xvfb, "jwm")


def _announced(x_clients: XClients, xvfb: XvfbServer, name: str) -> XClients:
    """``x_clients`` once the window manager has announced itself on the root window."""

    def announced() -> bool:
        result = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
            env=xvfb.env(), capture_output=True, text=True, timeout=10,
        )  # fmt: skip
        return "window id" in result.stdout

    need("xprop", "x11-utils")
    wait_for(announced, what=f"{name} to start")
    return x_clients
