"""Where the screen set lies (datasets/screens: real screenshots and their truth), for the tests
that read its pictures: one home for the path."""

from __future__ import annotations

from pathlib import Path

SCREEN_SET = Path(__file__).resolve().parents[2] / "datasets" / "screens"
SCREEN_PNG = SCREEN_SET / "png"  # the screenshots, <id>.png
SCREEN_TRUTH = SCREEN_SET / "truth"  # what is on each, <id>.json
