"""The describe worker warms the describer up after reporting "ready" (issue #17), in its own thread;
a failing warm-up is logged and the app goes on describing."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import numpy as np
import pytest
from app_testkit import PixelDescriber, solid_image

from assistant.app.worker import DescribeQueue, DescribeRequest

pytestmark = [pytest.mark.gui, pytest.mark.timeout(120)]


class WarmingDescriber(PixelDescriber):
    """A pixel describer with a warm-up that records where and when it ran (or fails, if told)."""

    def __init__(self, fail: bool = False, steps: int = 0) -> None:
        super().__init__(work_ms=0)
        self.fail = fail
        self.steps = steps
        self.stopped = False
        self.warm_thread: str | None = None
        self.ready_reached_gui = threading.Event()  # set by the GUI thread on ``model_loaded``
        self.ready_during_warm_up = False

    def warm_up(self, stop: Callable[[], bool] | None = None) -> dict[str, float]:
        self.warm_thread = threading.current_thread().name
        # "Ready" reaches the GUI while the warm-up is still running: it never waits for it.
        self.ready_during_warm_up = self.ready_reached_gui.wait(10)
        if self.steps:  # a long warm-up, in steps of real work, asking ``stop`` before each
            for _ in range(self.steps):
                if stop is not None and stop():
                    self.stopped = True
                    break
                self._work(np.asarray(solid_image("red")))
        if self.fail:
            raise RuntimeError("warm-up crashed")
        return {"pixels": 1.0}


@pytest.mark.parametrize("fail", [False, True])
def test_the_worker_warms_up_after_loading_and_a_failure_is_only_logged(
    qtbot, caplog: pytest.LogCaptureFixture, fail: bool
) -> None:
    describer = WarmingDescriber(fail=fail)
    queue = DescribeQueue(lambda: describer, debounce_ms=0)
    queue.model_loaded.connect(lambda ok, message: describer.ready_reached_gui.set())
    try:
        with caplog.at_level(logging.INFO, logger="assistant.app.worker"):
            with qtbot.waitSignal(queue.model_loaded, timeout=10_000) as loaded:
                queue.load_model()
            assert loaded.args == [True, ""]
            with qtbot.waitSignal(queue.result_ready, timeout=10_000) as result:
                queue.submit(DescribeRequest("image", payload=solid_image("green")))
        assert result.args[1].text.startswith("A mostly green picture")
        assert describer.warm_thread == "describe-worker"  # never the GUI thread
        assert describer.ready_during_warm_up
        if fail:
            assert "warming up the describer failed" in caplog.text
        else:
            assert "describer warmed up" in caplog.text
    finally:
        queue.shutdown()


def test_a_request_stops_the_warm_up_and_is_described_at_once(qtbot) -> None:
    describer = WarmingDescriber(steps=400)  # 400 steps of 50 ms: 20 s unless stopped
    describer.work_ms = 50
    queue = DescribeQueue(lambda: describer, debounce_ms=0)
    queue.model_loaded.connect(lambda ok, message: describer.ready_reached_gui.set())
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000):
            queue.load_model()
        asked = time.perf_counter()
        with qtbot.waitSignal(queue.result_ready, timeout=10_000) as result:
            queue.submit(DescribeRequest("image", payload=solid_image("green")))
        waited = time.perf_counter() - asked
        assert describer.stopped
        assert result.args[1].text.startswith("A mostly green picture")
        assert waited < 5.0  # one step (50 ms) and the describe, not the 20 s warm-up
    finally:
        queue.shutdown()
