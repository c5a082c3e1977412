"""Packaging metadata and the start-at-login entry validate with the freedesktop tools."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.app import autostart

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def need(tool: str, package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: apt-get install {package} (listed in .ci/apt-packages.txt)")
    return path


@pytest.mark.timeout(60)
def test_desktop_file_validates() -> None:
    tool = need("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run(
        [tool, str(PACKAGING / "io.github.assistant.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


@pytest.mark.timeout(60)
def test_appstream_metainfo_validates() -> None:
    tool = need("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(PACKAGING / "io.github.assistant.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_is_an_svg() -> None:
    text = (PACKAGING / "icons" / "io.github.assistant.svg").read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the freedesktop autostart entry is Linux/BSD"
)
@pytest.mark.timeout(60)
def test_start_at_login_writes_a_valid_autostart_entry(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not autostart.is_enabled()
    autostart.set_start_at_login(True, ["/usr/bin/assistant", "run"])
    entry = tmp_path / "autostart" / "assistant.desktop"
    assert autostart.is_enabled() and entry.is_file()
    assert "Exec=/usr/bin/assistant run\n" in entry.read_text()
    tool = need("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout
    autostart.set_start_at_login(False)
    assert not entry.exists() and not autostart.is_enabled()


def test_exec_line_quotes_like_the_desktop_entry_spec(tmp_path) -> None:
    text = autostart.desktop_entry(["/opt/my apps/python", "-m", "assistant", "run", "100%"])
    assert 'Exec="/opt/my apps/python" -m assistant run 100%%\n' in text
    entry = tmp_path / "spaces.desktop"
    entry.write_text(text)
    tool = need("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_launch_agent_plist_shape(tmp_path, monkeypatch) -> None:
    # The macOS branch only builds a plist; check it is well formed wherever the tests run.
    monkeypatch.setattr(autostart.sys, "platform", "darwin")
    monkeypatch.setattr(autostart.Path, "home", lambda: tmp_path)
    autostart.set_start_at_login(True, ["/usr/local/bin/assistant", "run"])
    data = plistlib.loads(autostart.launch_agent_file().read_bytes())
    assert data["ProgramArguments"] == ["/usr/local/bin/assistant", "run"] and data["RunAtLoad"] is True
    autostart.set_start_at_login(False)
    assert not autostart.launch_agent_file().exists()
