"""Session 9's tables and listings scenes (issue #15, helper "tables"), all half A.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here; the truth comes from the programs, as for every other scene (``capture.py``).
"""

from __future__ import annotations

from scenes import Scene


def tables_scenes() -> list[Scene]:
    return []
