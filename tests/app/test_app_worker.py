"""The describe worker's bounds: newest wins, one in flight plus one pending, cancel, errors."""

from __future__ import annotations

import pytest
from app_testkit import PixelDescriber, solid_image

from assistant.app.worker import DescribeQueue, DescribeRequest
from assistant.capture.screen import FakeScreenSource
from assistant.errors import ImageLoadError

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]


def make_queue(describer: PixelDescriber, debounce_ms: int = 0, colour: str = "green") -> DescribeQueue:
    screen = FakeScreenSource(solid_image(colour, (400, 300)))
    return DescribeQueue(lambda: describer, lambda: screen, debounce_ms)


def test_model_loads_in_background_and_a_screen_is_described(qtbot) -> None:
    describer = PixelDescriber(work_ms=20)
    queue = make_queue(describer)
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000) as loaded:
            queue.load_model()
        assert loaded.args == [True, ""]
        assert describer.loaded
        with qtbot.waitSignal(queue.result_ready, timeout=10_000) as result:
            queue.submit(DescribeRequest("screen"))
        request, description, label = result.args
        assert request.kind == "screen" and label == "screen"
        assert description.text.startswith("A mostly green picture, 400 by 300 pixels.")
    finally:
        queue.shutdown()


def test_burst_keeps_one_in_flight_one_pending_and_the_last_wins(qtbot) -> None:
    # Each description takes longer than the whole burst of submissions, even on a loaded CI machine,
    # so the burst lands while the first one runs (a 150 ms describer let a slow burst start a 4th).
    describer = PixelDescriber(work_ms=1200)
    queue = make_queue(describer, debounce_ms=50)
    results: list[str] = []
    queue.result_ready.connect(lambda req, desc, label: results.append(req.label))
    try:
        requests = []
        for i in range(30):
            request = DescribeRequest(
                "image", payload=solid_image("red" if i < 29 else "yellow"), label=f"n{i}"
            )
            requests.append(queue.submit(request))
            assert (queue.in_flight is not None) + (queue.pending is not None) <= 2
            qtbot.wait(5)
        qtbot.waitUntil(lambda: not queue.busy, timeout=20_000)
        assert queue.max_outstanding <= 2
        assert describer.max_active == 1
        # Only the newest request's result is delivered; superseded ones never are.
        assert results == ["n29"]
        assert describer.described[-1].startswith("A mostly yellow picture")
        assert describer.calls <= 3  # the first, possibly one that was pending, and the last
        assert all(r.cancel.is_set() for r in requests[:-1])
    finally:
        queue.shutdown()


def test_cancel_all_drops_the_running_result(qtbot) -> None:
    describer = PixelDescriber(work_ms=300)
    queue = make_queue(describer)
    delivered: list[object] = []
    queue.result_ready.connect(lambda *args: delivered.append(args))
    try:
        queue.submit(DescribeRequest("screen"))
        qtbot.waitUntil(lambda: describer.active == 1, timeout=10_000)
        queue.cancel_all()
        qtbot.waitUntil(lambda: not queue.busy, timeout=10_000)
        qtbot.wait(50)
        assert delivered == []
        assert describer.calls == 1
    finally:
        queue.shutdown()


def test_sentences_stream_before_the_result(qtbot) -> None:
    describer = PixelDescriber(work_ms=0)
    queue = make_queue(describer, colour="white")
    order: list[str] = []
    queue.sentence_ready.connect(lambda req, text: order.append("sentence:" + text))
    queue.result_ready.connect(lambda req, desc, label: order.append("result"))
    try:
        queue.submit(DescribeRequest("pointer", pointer_size=100))
        qtbot.waitUntil(lambda: "result" in order, timeout=10_000)
        assert order == [
            "sentence:A mostly white picture, 100 by 100 pixels.",
            "sentence:It is bright overall.",
            "result",
        ]
    finally:
        queue.shutdown()


def test_errors_come_back_as_one_sentence(qtbot, tmp_path) -> None:
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    describer = PixelDescriber()
    queue = make_queue(describer)
    try:
        with qtbot.waitSignal(queue.error, timeout=10_000) as error:
            queue.submit(DescribeRequest("file", payload=bad))
        request, message = error.args
        assert request.label == "broken.png"
        assert message and message.endswith(".") and "\n" not in message
        with pytest.raises(ImageLoadError):
            describer._to_pil(bad)
        # The worker is still usable afterwards.
        with qtbot.waitSignal(queue.result_ready, timeout=10_000):
            queue.submit(DescribeRequest("screen"))
    finally:
        queue.shutdown()


def test_a_failing_model_load_is_reported_and_retried(qtbot) -> None:
    from assistant.errors import ModelError

    attempts: list[int] = []

    def factory() -> PixelDescriber:
        attempts.append(1)
        raise ModelError("The model files are missing.")

    queue = DescribeQueue(factory, None, 0)
    try:
        with qtbot.waitSignal(queue.model_loaded, timeout=10_000) as loaded:
            queue.load_model()
        assert loaded.args == [False, "The model files are missing."]
        with qtbot.waitSignal(queue.error, timeout=10_000) as error:
            queue.submit(DescribeRequest("image", payload=solid_image("red")))
        assert error.args[1] == "The model files are missing."
        assert len(attempts) == 2
    finally:
        queue.shutdown()


def test_worker_thread_keeps_its_thread_local_state(qtbot) -> None:
    """mss keeps one grabber per thread in threading.local; under a QThread PySide gave every slot a
    fresh Python thread state, so each request built (and leaked) a new grabber and X connection."""
    import threading

    class PerThreadSource(FakeScreenSource):
        def __init__(self, image) -> None:  # type: ignore[no-untyped-def]
            super().__init__(image)
            self.local = threading.local()
            self.setups = 0

        def _grab(self, rect):  # type: ignore[no-untyped-def]
            if getattr(self.local, "ready", None) is None:
                self.setups += 1
                self.local.ready = True
            return super()._grab(rect)

    source = PerThreadSource(solid_image("blue", (200, 100)))
    describer = PixelDescriber()
    queue = DescribeQueue(lambda: describer, lambda: source, 0)
    try:
        for _ in range(5):
            with qtbot.waitSignal(queue.result_ready, timeout=10_000):
                queue.submit(DescribeRequest("screen"))
        assert len(source.grabs) == 5
        assert source.setups == 1
    finally:
        queue.shutdown()
