"""The idle app gives freed memory back (issue #19): the queue trims once it has been idle a while
after a description, never while a request is waiting, and a trim really lowers RSS on glibc; after a
longer quiet spell the describer lets go of what it reopens on its next need."""

from __future__ import annotations

import linecache
import sys
import threading
from pathlib import Path

import pytest
from app_testkit import PixelDescriber, solid_image

from assistant.app.process_memory import (
    check_pyside_use_without_linecache,
    limit_malloc_arenas,
    return_freed_memory,
)
from assistant.app.worker import DescribeQueue, DescribeRequest

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.fixture
def quick_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DescribeQueue, "TRIM_AFTER_MS", 200)


def test_the_queue_trims_once_idle_after_a_description(qtbot, quick_trim: None) -> None:
    queue = DescribeQueue(lambda: PixelDescriber(work_ms=0), debounce_ms=0)
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000):
            queue.load_model()
        assert queue.trims == 0  # loading is trimmed by the worker itself, not by this timer
        with qtbot.waitSignal(queue.result_ready, timeout=10_000):
            queue.submit(DescribeRequest("image", payload=solid_image("green")))
        qtbot.waitUntil(lambda: queue.trims == 1, timeout=5_000)
        qtbot.wait(400)
        assert queue.trims == 1  # once per idle spell, not every interval
    finally:
        queue.shutdown()


def test_a_request_inside_the_idle_window_puts_the_trim_off(qtbot, quick_trim: None) -> None:
    queue = DescribeQueue(lambda: PixelDescriber(work_ms=0), debounce_ms=0)
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000):
            queue.load_model()
        for colour in ("green", "red", "blue"):  # each inside the 200 ms after the one before
            with qtbot.waitSignal(queue.result_ready, timeout=10_000):
                queue.submit(DescribeRequest("image", payload=solid_image(colour)))
            assert queue.trims == 0
        qtbot.waitUntil(lambda: queue.trims == 1, timeout=5_000)
    finally:
        queue.shutdown()


class Releasing(PixelDescriber):
    """A double with the real Describer's ``release``: it counts the calls and their threads."""

    def __init__(self) -> None:
        super().__init__(work_ms=0)
        self.released: list[str] = []

    def release(self) -> list[str]:
        self.released.append(threading.current_thread().name)
        return ["pixels"]


@pytest.fixture
def quick_release(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DescribeQueue, "RELEASE_AFTER_MS", 300)


def test_the_queue_releases_once_after_a_quiet_spell_in_the_worker(qtbot, quick_release: None) -> None:
    describer = Releasing()
    queue = DescribeQueue(lambda: describer, debounce_ms=0)
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000):
            queue.load_model()
        for colour in ("green", "red", "blue"):  # each inside the 300 ms after the one before
            with qtbot.waitSignal(queue.result_ready, timeout=10_000):
                queue.submit(DescribeRequest("image", payload=solid_image(colour)))
            assert queue.releases == 0 and not describer.released
        qtbot.waitUntil(lambda: describer.released == ["describe-worker"], timeout=5_000)
        qtbot.wait(600)
        assert queue.releases == 1  # once per quiet spell
        with qtbot.waitSignal(queue.result_ready, timeout=10_000):  # the next request still runs
            queue.submit(DescribeRequest("image", payload=solid_image("white")))
        qtbot.waitUntil(lambda: queue.releases == 2, timeout=5_000)
    finally:
        queue.shutdown()


def test_the_quiet_spell_after_the_warm_up_releases_too(qtbot, quick_release: None) -> None:
    class Warming(Releasing):
        def warm_up(self, stop: object = None) -> dict[str, float]:
            return {"pixels": 1.0}

    describer = Warming()
    queue = DescribeQueue(lambda: describer, debounce_ms=0)
    try:
        with qtbot.waitSignal(queue.warmed_up, timeout=10_000):
            queue.load_model()
        qtbot.waitUntil(lambda: describer.released == ["describe-worker"], timeout=5_000)
    finally:
        queue.shutdown()


def test_return_freed_memory_drops_the_sources_pyside_cached() -> None:
    # PySide6 reads the source of every module imported after it; linecache kept them (~10 MB).
    assert linecache.getlines(__file__)
    return_freed_memory()
    assert __file__ not in linecache.cache


def test_pyside_tells_modules_apart_without_caching_their_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6's check of each imported module reads the file, so linecache stays empty (issue #19:
    its lines were ~10 MB of small objects that left pymalloc's arenas holed), and answers as before."""
    import PySide6.QtCore  # noqa: F401  (its import hook checks every module imported after it)

    feature = sys.modules["shibokensupport.feature"]
    check_pyside_use_without_linecache()
    assert check_pyside_use_without_linecache() is False  # once is enough
    (tmp_path / "uses_qt_here.py").write_text("from PySide6 import QtCore\n\nVALUE = 1\n")
    (tmp_path / "plain_here.py").write_text("VALUE = 2  # no Qt\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    for name in ("uses_qt_here", "plain_here"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        __import__(name)  # the import statement's way: PySide6 hooks builtins.__import__
    assert feature.pyside_feature_dict["uses_qt_here"] == 0  # uses PySide: features may switch
    assert feature.pyside_feature_dict["plain_here"] == -1  # ignored
    assert not any(str(tmp_path) in path for path in linecache.cache)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt: Linux only")
def test_one_malloc_arena_can_be_set() -> None:
    assert limit_malloc_arenas(1) is True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim: Linux only")
def test_return_freed_memory_gives_freed_heap_back() -> None:
    # ~60 MB in 1 kB blocks (below the mmap threshold: on the heap), one in a hundred kept, so the
    # freed ones sit between live blocks and cannot be given back by shrinking the heap's top.
    blocks = [bytearray(1000) for _ in range(60_000)]
    kept = blocks[::100]
    del blocks
    before = rss_mb()
    return_freed_memory()
    after = rss_mb()
    assert before - after > 20, (before, after)
    assert len(kept) == 600


def test_the_queue_says_when_the_warm_up_is_over(qtbot) -> None:
    """Benchmarks measure the idle app after it (benchmarks/app_bench.py); a describer without a
    warm-up (a double) never says it, and a request stopping it early still ends it."""

    class Warming(PixelDescriber):
        def warm_up(self, stop: object = None) -> dict[str, float]:
            return {"pixels": 1.0}

    queue = DescribeQueue(lambda: Warming(work_ms=0), debounce_ms=0)
    said: list[object] = []
    queue.warmed_up.connect(said.append)
    try:
        with qtbot.waitSignals([queue.model_loaded, queue.warmed_up], timeout=10_000, order="strict"):
            queue.load_model()
        assert said == [{"pixels": 1.0}]
    finally:
        queue.shutdown()
    plain = DescribeQueue(lambda: PixelDescriber(work_ms=0), debounce_ms=0)
    try:
        with (
            qtbot.assertNotEmitted(plain.warmed_up, wait=300),
            qtbot.waitSignal(plain.model_loaded, timeout=10_000),
        ):
            plain.load_model()
    finally:
        plain.shutdown()
