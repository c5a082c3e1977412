"""masks.true_runs: the one home for "runs of True in a row" (title-bar edges, table columns, gaps)."""

from __future__ import annotations

import numpy as np

from assistant.masks import true_runs


def test_runs_of_true_with_ends_exclusive_and_a_least_length() -> None:
    mask = np.array([1, 1, 0, 0, 1, 0, 1, 1, 1], dtype=bool)
    assert true_runs(mask) == [(0, 2), (4, 5), (6, 9)]
    assert true_runs(mask, min_len=2) == [(0, 2), (6, 9)]
    assert true_runs(np.zeros(5, dtype=bool)) == []
    assert true_runs(np.ones(3, dtype=bool)) == [(0, 3)]
    assert all(isinstance(v, int) for run in true_runs(mask) for v in run)


def test_runs_by_row_are_each_rows_true_runs() -> None:
    from assistant.masks import runs_by_row

    mask = np.array([[1, 1, 0, 1], [0, 0, 0, 0], [0, 1, 1, 1]], dtype=bool)
    rows, starts, ends, _ = runs_by_row(mask)
    got = [(int(r), int(s), int(e)) for r, s, e in zip(rows, starts, ends, strict=True)]
    assert got == [(r, s, e) for r in range(3) for s, e in true_runs(mask[r])]
    assert got == [(0, 0, 2), (0, 3, 4), (2, 1, 4)]
