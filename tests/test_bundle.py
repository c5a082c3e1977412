"""The Linux desktop bundle (issue #19): built by packaging/build_bundle.sh, copied to a clean folder and
started there under Xvfb with an empty home and no Python on the path, it describes a picture with the
development install's caption and carries no torch.

Slow: a wheel, a build venv (PyInstaller from the package index) and PyInstaller itself, about 4-5
minutes on two busy cores. Skipped when no package index can be reached.
"""

from __future__ import annotations

import pytest

from tests.support.packaging_runs import BUNDLE
from tests.support.packaging_runs import index_reachable as _index_reachable


@pytest.mark.slow
@pytest.mark.x11
@pytest.mark.timeout(1500)
def test_bundle_from_a_clean_folder_describes_a_picture(request):
    if not _index_reachable():
        pytest.skip("no package index reachable for PyInstaller and the wheel's dependencies")
    # Built from the session's one wheel (build_bundle.sh's other steps as without WHEEL), side by side
    # with the wheel install's checks: tests/support/packaging_runs.py.
    found = request.getfixturevalue("packaging_runs")[BUNDLE].get()
    assert found["build_rc"] == 0, found["build_stderr"]
    assert found["missing"] == []  # the desktop files and install.sh
    assert found["torch_libraries"] == []
    assert found["said_rc"] == 0, found["said_stderr"]
    assert found["doctor_rc"] == 0, found["doctor_stderr"]
    assert "through onnxruntime" in found["doctor_stdout"]
    assert found["dev_rc"] == 0, found["dev_stderr"]
    assert found["caption"] is not None and found["caption"] == found["dev_caption"]
