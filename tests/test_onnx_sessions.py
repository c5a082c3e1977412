"""assistant/onnx_sessions.py, the one home of onnxruntime session settings (issue #19), on a real
graph (onnxruntime's own example ``mul_1.onnx``: Y = X * [[1, 2], [3, 4], [5, 6]])."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import numpy as np
import pytest

from assistant.onnx_sessions import SessionSettings, open_session, session_options, shared_session


@pytest.fixture(scope="module")
def graph() -> Path:
    from onnxruntime.datasets import get_example

    return Path(get_example("mul_1.onnx"))


def test_sessions_hold_no_arena_and_do_not_spin(graph: Path) -> None:
    session = open_session(graph)
    options = session.get_session_options()
    assert options.enable_cpu_mem_arena is False  # a run's buffers go back when it ends
    assert options.enable_mem_pattern is False
    assert options.intra_op_num_threads == 1 and options.inter_op_num_threads == 1
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert session.get_providers() == ["CPUExecutionProvider"]
    x = np.ones((3, 2), dtype=np.float32)
    (y,) = session.run(None, {"X": x})
    assert y.tolist() == [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]


def test_settings_are_honoured() -> None:
    options = session_options(SessionSettings(threads=2, allow_spinning=True, cpu_mem_arena=True))
    assert options.intra_op_num_threads == 2
    assert options.enable_cpu_mem_arena is True
    with pytest.raises(RuntimeError):  # spinning allowed: onnxruntime's default, no entry written
        options.get_session_config_entry("session.intra_op.allow_spinning")
    assert session_options(SessionSettings(threads=None)).intra_op_num_threads >= 1  # all cores


def test_one_session_per_file_and_settings_while_held(graph: Path, tmp_path: Path) -> None:
    first = open_session(graph)
    assert open_session(str(graph)) is first  # the same file, however it is named
    assert shared_session(graph) is first
    assert open_session(graph, SessionSettings(threads=2)) is not first
    (y,) = first.run(None, {"X": np.full((3, 2), 2.0, dtype=np.float32)})
    assert y[2, 1] == 12.0
    # A file rewritten since (a new export in the same place) gets a new session.
    copy = tmp_path / "graph.onnx"
    copy.write_bytes(graph.read_bytes())
    old = open_session(copy)
    copy.write_bytes(graph.read_bytes() + b"")  # same bytes, a new file time
    os.utime(copy, ns=(1, 1))
    assert open_session(copy) is not old
    # Nobody holds it any more: freed, not kept for the life of the process.
    ref = weakref.ref(old)
    del old
    gc.collect()
    assert ref() is None


def test_a_damaged_graph_raises_for_the_caller_to_word(tmp_path: Path) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a graph")
    with pytest.raises(Exception, match=r"(?i)protobuf|parse|load"):
        open_session(broken)


def test_an_arena_per_run_gives_its_blocks_back_and_the_same_results(graph: Path) -> None:
    from assistant.onnx_sessions import run_options

    settings = SessionSettings(arena_per_run=True)
    session = open_session(graph, settings)
    assert session.get_session_options().enable_cpu_mem_arena is True
    options = run_options(settings)
    assert options.get_run_config_entry("memory.enable_memory_arena_shrinkage") == "cpu:0"
    assert run_options(SessionSettings()) is None  # the defaults: no arena, nothing to shrink
    x = np.arange(6, dtype=np.float32).reshape(3, 2)
    (plain,) = open_session(graph).run(None, {"X": x})
    (shrunk,) = session.run(None, {"X": x}, options)
    assert shrunk.tobytes() == plain.tobytes()


def test_runs_side_by_side_only_where_the_cores_hold_each_run_s_threads(monkeypatch) -> None:
    from assistant import onnx_sessions

    monkeypatch.setattr(onnx_sessions, "available_cores", lambda: 2)
    assert onnx_sessions.runs_at_once(2) == 1  # two 2-thread runs would put 4 threads on 2 cores
    assert onnx_sessions.runs_at_once(1) == 2
    assert onnx_sessions.runs_at_once(None) == 1  # a run on all the cores
    monkeypatch.setattr(onnx_sessions, "available_cores", lambda: 8)
    assert onnx_sessions.runs_at_once(2) == 4
    assert onnx_sessions.runs_at_once(3) == 2
