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

        def read(self, crops: list[np.ndarray]) -> list[ReadLine]:
            self.seen += len(crops)
            return [ReadLine("", 0.0, []) for _ in crops]

    rgb = np.full((200, 400, 3), 255, dtype=np.uint8)
    keys = [(10 + 40 * k, 10, 40 + 40 * k, 30) for k in range(8)]  # one-line boxes in a keypad
    text = [(10, 100 + 20 * k, 390, 118 + 20 * k) for k in range(4)]  # long lines elsewhere
    cfg = SecondLookConfig()
    small = line_cost(text[0]) + 10  # room for one long line only
    reader = Counting()
    _, read = read_places(rgb, rgb[..., 0], [], reader, cfg, keys + text, (small, [(0, 0, 400, 40)]))  # type: ignore[arg-type]
    assert len(read) == 8 + 1 and reader.seen == 9  # every key, and the one line the budget allows
