"""What the glyph vote (assistant.ocr.glyph_vote) does to screen reading, measured without noise.

    nice .venv/bin/python benchmarks/glyph_vote.py --half A              # file and live paths
    nice .venv/bin/python benchmarks/glyph_vote.py --half A --only term-df term-services --details

Two runs of ``screen_reading.py`` a few minutes apart differ by more than the vote: the second
look's budget follows tesseract's own time, so a busy machine reads a little less, and other
work changes the tree between them. So here every picture the second look reads is read once,
with the vote off, and its lines are kept; the vote's readers get those same lines with the vote
applied (and its time added to the engine's). The readers run screen by screen in the same
process: ``assistant-novote``, ``assistant``, ``live-novote``, ``assistant-live``, then raw
``tesseract-psm3`` for the time ratio. The vote readers' ``ocr_ms`` is the vote's time alone
(their engine call is a lookup); the vote's time per picture is printed at the end. Prints
``screen_reading.py``'s tables and JSON line, then one JSON line of this benchmark's own.
"""

from __future__ import annotations

import copy
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import screen_reading as sr

from assistant.ocr import glyph_vote, second_look
from assistant.ocr.base import OcrResult
from assistant.ocr.boxes import OcrLine

_VOTE = glyph_vote.vote_glyphs
_READ = second_look.SecondLookOcr.recognize
_state: dict[str, Any] = {"on": False, "misses": 0, "vote_ms": []}
_kept: dict[str, OcrResult] = {}


def _no_vote(lines: list[OcrLine], gray: np.ndarray, cfg: object = None) -> list[OcrLine]:
    return lines


def _recognize(self: second_look.SecondLookOcr, image: Image.Image) -> OcrResult:
    """The second look's reading, once per picture (vote off); with the vote, the kept lines voted."""
    key = hashlib.sha1(image.tobytes()).hexdigest() + repr(image.size) + image.mode
    kept = _kept.get(key)
    if not _state["on"] or kept is None:
        _state["misses"] += _state["on"]
        second_look.vote_glyphs = _VOTE if _state["on"] else _no_vote
        result = _READ(self, image)
        if not _state["on"]:
            _kept[key] = copy.deepcopy(result)
        return result
    result = copy.deepcopy(kept)
    began = time.perf_counter()
    result.lines = _VOTE(result.lines, np.asarray(image.convert("L")))
    ms = (time.perf_counter() - began) * 1000
    _state["vote_ms"].append(ms)
    result.elapsed_ms += ms
    return result


def _toggled(cls: type[sr.AssistantReader], name: str, on: bool) -> type[sr.AssistantReader]:
    class Toggled(cls):  # type: ignore[valid-type, misc]
        def read(self, png: Path, truth: dict[str, Any]) -> sr.Reading:
            _state["on"] = on
            return super().read(png, truth)

    Toggled.name = name
    return Toggled


def main() -> None:
    second_look.SecondLookOcr.recognize = _recognize  # type: ignore[method-assign]
    sr.READERS.update(
        {
            "assistant-novote": _toggled(sr.AssistantReader, "assistant-novote", False),
            "assistant": _toggled(sr.AssistantReader, "assistant", True),
            "live-novote": _toggled(sr.LiveAssistantReader, "live-novote", False),
            "assistant-live": _toggled(sr.LiveAssistantReader, "assistant-live", True),
        }
    )
    readers = "assistant-novote,assistant,live-novote,assistant-live,tesseract-psm3"
    sys.argv = [sys.argv[0], "--readers", readers, *sys.argv[1:]]
    sr.main()
    ms = _state["vote_ms"]
    figures = {
        "pictures": len(ms),
        "vote_ms_median": round(statistics.median(ms), 1) if ms else None,
        "vote_ms_max": round(max(ms), 1) if ms else None,
        "not_kept": _state["misses"],  # pictures the vote readers had to read themselves (0 expected)
    }
    print(f"\nglyph vote: {figures}")
    print(json.dumps({"benchmark": "glyph_vote", "figures": figures}))


if __name__ == "__main__":
    main()
