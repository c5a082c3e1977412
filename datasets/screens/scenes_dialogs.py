"""Session 9's dialogs and small light text scenes (issue #15, helper "dialogs"), all half A.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here; the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

from scenes import Scene


def dialogs_scenes() -> list[Scene]:
    return []
