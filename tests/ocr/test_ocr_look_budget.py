"""The second look's budget is sized by the text the first engine read, not by the time it took."""

from __future__ import annotations

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.look_budget import BudgetConfig, LookBudget, text_pixels


def _line(width: int, height: int, words: int = 1) -> OcrLine:
    """A line of ``words`` words, each ``width`` by ``height`` pixels."""
    boxes = [(k * 2 * width, 0, k * 2 * width + width, height) for k in range(words)]
    return OcrLine.of([OcrWord("word", box, 0.9) for box in boxes])


def test_text_is_counted_at_the_recognisers_height() -> None:
    assert text_pixels([]) == 0
    assert text_pixels([_line(100, 24)]) == 200  # twice as wide at a height of 48
    assert text_pixels([_line(100, 12, words=3), _line(48, 48)]) == 3 * 400 + 48


def test_budget_grows_with_the_text_read_within_bounds() -> None:
    budget = LookBudget(BudgetConfig(share=0.25, least=1000, most=6000))
    assert budget.pixels([]) == 1000  # nothing read: the least (a dialog's few unsure words)
    assert budget.pixels([_line(100, 12, words=5)]) == 1000  # 2000 pixels of text: a quarter, below the least
    assert budget.pixels([_line(100, 12, words=10)]) == 1000
    assert budget.pixels([_line(100, 12, words=20)]) == 2000  # 8000 pixels of text
    assert budget.pixels([_line(100, 12, words=100)]) == 6000  # a screenful: the most


def test_faint_lines_are_paid_for_on_top_of_the_floor() -> None:
    """A light dialog's lines, read again, on top of the least; a screen of text keeps its share."""
    budget = LookBudget(BudgetConfig(share=0.25, least=1000, most=6000))
    assert budget.pixels([], faint=700) == 1700
    assert budget.pixels([_line(100, 12, words=20)], faint=700) == 2000  # the share is more
    assert budget.pixels([_line(100, 12, words=100)], faint=8000) == 9000  # above the most, too


def test_the_same_reading_gets_the_same_budget_whatever_the_time() -> None:
    """The budget no longer follows the machine's load: the same lines, the same pixels."""
    lines = [_line(90, 15, words=40) for _ in range(10)]
    budget = LookBudget()
    first = budget.pixels(lines)
    assert all(budget.pixels(lines) == first for _ in range(5))
    assert BudgetConfig().least <= first <= BudgetConfig().most


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
