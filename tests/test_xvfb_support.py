import subprocess

import pytest

from tests.support.xvfb import XvfbServer


@pytest.mark.x11
@pytest.mark.timeout(60)
def test_xvfb_server_starts_and_answers(tmp_path):
    with XvfbServer(640, 480) as server:
        assert server.display.startswith(":")
        out = subprocess.run(["xdpyinfo"], env=server.env(), capture_output=True, text=True, timeout=20)
        if out.returncode == 127:
            pytest.skip("xdpyinfo not installed")
        assert "640x480" in out.stdout
        shot = server.screenshot(tmp_path / "s.png")
        assert shot.stat().st_size > 0
