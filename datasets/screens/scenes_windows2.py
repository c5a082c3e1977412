"""Session 9's multi-window scenes (issue #15, helper "windows2"), all half A.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here; the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

from scenes import Scene


def windows2_scenes() -> list[Scene]:
    return []
