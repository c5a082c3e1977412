"""The second look's budget follows the first engine's time and the recogniser's measured speed."""

from __future__ import annotations

from assistant.ocr.look_budget import BudgetConfig, LookBudget


def test_budget_grows_with_the_first_engines_time_within_bounds() -> None:
    budget = LookBudget(BudgetConfig(share=0.5, least=1000, most=6000, first_guess=0.1))
    assert budget.pixels(0) == 1000  # a quick first reading: the least
    assert budget.pixels(400) == 2000  # 200 ms at 0.1 ms per pixel
    assert budget.pixels(10_000) == 6000  # a slow one: the most


def test_a_busy_machine_reads_as_many_pixels_not_more_time() -> None:
    budget = LookBudget(BudgetConfig(share=0.5, least=0, most=100_000, first_guess=0.1))
    quiet = budget.pixels(1000)
    for _ in range(20):  # the recogniser measured twice as slow: the machine is busy
        budget.measured(2000, 400.0)
    assert abs(budget.ms_per_pixel - 0.2) < 0.01
    # tesseract took twice as long too: the same pixels, twice the time
    assert abs(budget.pixels(2000) - quiet) <= 0.05 * quiet
    budget.measured(100, 1000.0)  # too short a reading to time: ignored
    assert abs(budget.ms_per_pixel - 0.2) < 0.01


def test_keypad_lines_are_counted_apart_from_the_budget() -> None:
    import numpy as np

    from assistant.ocr.line_reader import ReadLine
    from assistant.ocr.look_read import line_cost, read_places
    from assistant.ocr.second_look import SecondLookConfig

    class Counting:
        """Reads nothing; keeps how many pictures it was given."""

        seen = 0

        def recall(self, key: bytes) -> None:
            return None  # nothing remembered from an earlier picture

        def keep(self, key: bytes, line: ReadLine) -> None:
            pass

        def read(self, crops: list[np.ndarray]) -> list[ReadLine]:
            self.seen += len(crops)
            return [ReadLine("", 0.0, []) for _ in crops]

    rgb = np.full((200, 400, 3), 255, dtype=np.uint8)
    keys = [(10 + 40 * k, 10, 40 + 40 * k, 30) for k in range(8)]  # one-line boxes in a keypad
    text = [(10, 100 + 20 * k, 390, 118 + 20 * k) for k in range(4)]  # long lines elsewhere
    for k, (x0, y0, _, y1) in enumerate(keys + text):  # ink of its own in each (none alike)
        rgb[y0 + 4 : y1 - 4, x0 + 3 : x0 + 5 + k] = 0
    cfg = SecondLookConfig()
    small = line_cost(text[0]) + 10  # room for one long line only
    reader = Counting()
    _, read, pixels = read_places(rgb, rgb[..., 0], [], reader, cfg, keys + text, (small, [(0, 0, 400, 40)]))  # type: ignore[arg-type]
    assert len(read) == 8 + 1 and reader.seen == 9  # every key, and the one line the budget allows
    assert pixels == sum(line_cost(b) for b in read)


def test_the_same_ink_is_read_once() -> None:
    import numpy as np

    from assistant.ocr.line_reader import ReadLine, ReadWord
    from assistant.ocr.look_read import read_places
    from assistant.ocr.second_look import SecondLookConfig

    class Once:
        def __init__(self) -> None:
            self.calls: list[int] = []

        def recall(self, key: bytes) -> None:
            return None  # nothing remembered from an earlier picture

        def keep(self, key: bytes, line: ReadLine) -> None:
            pass

        def read(self, crops: list[np.ndarray]) -> list[ReadLine]:
            self.calls.append(len(crops))
            return [ReadLine("rw", 0.99, [ReadWord("rw", 0.1, 0.9, 0.99)]) for _ in crops]

    rgb = np.full((200, 200, 3), 255, dtype=np.uint8)
    rows = [(10, 10 + 20 * k, 90, 28 + 20 * k) for k in range(6)]
    for k, (x0, y0, x1, y1) in enumerate(rows):  # the same word, its box cut a pixel or two apart
        rgb[y0 + 6 : y0 + 12, 30:60:3] = 0
        rows[k] = (x0 - k % 2, y0, x1 + k % 3, y1)
    reader = Once()
    found, looked, _ = read_places(rgb, rgb[..., 0], [], reader, SecondLookConfig(), rows)  # type: ignore[arg-type]
    assert reader.calls == [1] and len(looked) == 6
    assert [ln.text for ln in found] == ["rw"] * 6 and len({ln.box for ln in found}) == 6  # each in its place
