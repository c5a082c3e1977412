"""The rendered screen set (Pillow terminals and pages, Qt dialogs, Chromium web pages): OCR word
recall, reading order on multi-column pages, and the kind classifier, with the default engine."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from assistant.ocr import OcrResult, create_ocr_engine
from assistant.understand import classify_kind
from tests.fixtures_screens import ScreenFixture, load_fixtures, order_correct, word_recall

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="apt package chromium is not installed"
)


@pytest.fixture(scope="module")
def read_set() -> list[tuple[ScreenFixture, OcrResult]]:
    engine = create_ocr_engine("auto")
    return [(fx, engine.recognize(fx.image())) for fx in load_fixtures()]


@pytest.mark.timeout(600)
def test_fixture_set_is_large_and_labelled(read_set: list[Any]) -> None:
    fixtures = [fx for fx, _ in read_set]
    screens = [fx for fx in fixtures if fx.kind != "photo"]
    assert len(screens) >= 30
    assert {fx.source for fx in screens} == {"pillow", "qt", "chromium"}
    assert {fx.kind for fx in screens} == {"screen", "document", "mixed"}
    assert sum(1 for fx in screens if fx.anchors) >= 5


@pytest.mark.timeout(600)
def test_word_recall_on_rendered_screens(read_set: list[Any]) -> None:
    found = 0.0
    total = 0
    worst = []
    for fx, result in read_set:
        if fx.kind == "photo" or not fx.texts:
            continue
        recall, missing = word_recall(fx.texts, result.text)
        n = sum(len(t.split()) for t in fx.texts)
        found += recall * n
        total += n
        worst.append((recall, fx.name, missing[:6]))
    pooled = found / total
    assert pooled >= 0.95, sorted(worst)[:5]
    assert min(worst)[0] >= 0.75, sorted(worst)[:5]


@pytest.mark.timeout(600)
def test_reading_order_on_multi_column_pages(read_set: list[Any]) -> None:
    checked = 0
    for fx, result in read_set:
        if fx.anchors:
            ok, problems = order_correct(fx.anchors, result.text)
            assert ok, (fx.name, problems)
            checked += 1
    assert checked >= 5


@pytest.mark.timeout(600)
def test_kind_classifier_on_rendered_set(read_set: list[Any]) -> None:
    wrong = []
    for fx, result in read_set:
        kind = classify_kind(fx.image(), result)
        if kind.kind != fx.kind:
            wrong.append((fx.name, fx.kind, kind.kind))
        if fx.kind == "mixed":
            assert len(kind.photo_regions) >= 1, fx.name
        if fx.kind in ("screen", "document"):
            assert kind.photo_regions == [], fx.name
    accuracy = 1 - len(wrong) / len(read_set)
    assert accuracy >= 0.95, wrong
