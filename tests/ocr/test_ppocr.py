"""The "rapidocr" reader without RapidOCR or OpenCV (issue #19): its numpy pieces, and its words
against RapidOCR's own on real screenshots (datasets/screens, half A)."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.errors import AssistantError
from assistant.ocr import ppocr_models
from assistant.ocr.ppocr_detect import resize_linear
from assistant.ocr.rapid import PAD, RapidOcrEngine
from assistant.ocr.regions import min_area_rect, regions
from tests.support.screens import SCREEN_PNG


def test_regions_are_eight_connected_with_area_and_box() -> None:
    mask = np.zeros((8, 10), dtype=bool)
    mask[1:3, 1:4] = True  # a 2x3 block ...
    mask[3, 4] = True  # ... touching this pixel only at a corner: one region
    mask[5:8, 7] = True  # a separate vertical bar
    mask[6, 1] = True  # a lone pixel
    found = sorted((r.area, r.box) for r in regions(mask))
    assert found == [(1, (1, 6, 2, 7)), (3, (7, 5, 8, 8)), (7, (1, 1, 5, 4))]
    assert regions(np.zeros((4, 4), dtype=bool)) == []


def test_the_smallest_rectangle_of_a_tilted_bar_follows_its_tilt() -> None:
    angle = np.deg2rad(20)
    u, v = np.array([np.cos(angle), np.sin(angle)]), np.array([-np.sin(angle), np.cos(angle)])
    pts = np.array([50 + a * u + b * v for a in np.linspace(-30, 30, 61) for b in np.linspace(-5, 5, 11)])
    rect = min_area_rect(pts)
    assert rect.half_u == pytest.approx(30, abs=1e-6) and rect.half_v == pytest.approx(5, abs=1e-6)
    assert abs(rect.u @ u) == pytest.approx(1, abs=1e-9)
    axis_aligned = min_area_rect(np.array([[2, 3], [12, 3], [12, 7], [2, 7], [5, 5]], dtype=float))
    assert axis_aligned.corners().tolist() == [[2, 3], [12, 3], [12, 7], [2, 7]]


def test_resizing_matches_opencv() -> None:
    cv2 = pytest.importorskip("cv2")
    rng = np.random.default_rng(0)
    for h, w, nh, nw in [(14, 200, 48, 686), (900, 1500, 600, 1000), (40, 30, 48, 36)]:
        img = rng.integers(0, 256, (h, w, 3), dtype=np.uint8)
        diff = np.abs(cv2.resize(img, (nw, nh)).astype(int) - resize_linear(img, nw, nh).astype(int))
        assert diff.max() <= 1 and diff.mean() < 0.02


def test_missing_model_files_say_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ppocr_models, "candidate_dirs", lambda: [tmp_path])
    with pytest.raises(AssistantError, match="model files are missing"):
        RapidOcrEngine()


def _rapidocr_lines(rapid: object, img: Image.Image) -> list[str]:
    """RapidOCR itself on what the assistant gave it before issue #19 (the picture padded with its
    edge colour, RGB array, no direction classifier, lines below 0.5 dropped)."""
    arr = np.asarray(img.convert("RGB"))
    edge = np.median(np.concatenate([arr[0], arr[-1], arr[:, 0], arr[:, -1]]), axis=0).astype(np.uint8)
    padded = np.empty((arr.shape[0] + 2 * PAD, arr.shape[1] + 2 * PAD, 3), dtype=np.uint8)
    padded[:] = edge
    padded[PAD:-PAD, PAD:-PAD] = arr
    out = rapid(padded)  # type: ignore[operator]
    return [str(t).strip() for t in (out.txts or ()) if str(t).strip()]


@pytest.mark.timeout(240)
def test_same_words_as_rapidocr_on_real_screens() -> None:
    pytest.importorskip("rapidocr")
    from rapidocr import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    rapid = RapidOCR(params={"Global.log_level": "error", "Global.use_cls": False, "Global.text_score": 0.5})
    engine = RapidOcrEngine()
    # A Qt dialog on a 1920x1080 screen, and the top of a Chromium article (half A).
    pictures = [
        Image.open(SCREEN_PNG / "dlg-qt-connect.png").crop((560, 300, 1360, 780)),
        Image.open(SCREEN_PNG / "article-chromium-birds.png").crop((100, 40, 700, 340)),
    ]
    for img in pictures:
        theirs = Counter(" ".join(_rapidocr_lines(rapid, img)).split())
        result = engine.recognize(img)
        ours = Counter(" ".join(line.text for line in result.lines).split())
        assert sum(theirs.values()) >= 15
        shared = sum((theirs & ours).values())
        assert shared >= 0.97 * max(sum(theirs.values()), sum(ours.values())), (theirs - ours, ours - theirs)
        for line in result.lines:  # boxes and word boxes inside the picture, words in the line's order
            x0, y0, x1, y1 = line.box
            assert 0 <= x0 < x1 <= img.width and 0 <= y0 < y1 <= img.height
            assert "".join(w.text for w in line.words) == "".join(line.text.split())
            assert all(a.box[0] <= b.box[0] for a, b in zip(line.words, line.words[1:], strict=False))


def test_the_photo_reader_and_the_second_look_hold_one_recogniser() -> None:
    # Both run it with the same onnxruntime threads a run (RECOGNIZER_THREADS): one session.
    from assistant.ocr.line_reader import LineReader

    if ppocr_models.find_model_files() is None:
        pytest.skip("needs the PP-OCR models")
    engine, reader = RapidOcrEngine(), LineReader()
    _, recogniser = engine._load()
    assert reader._load() is recogniser
