"""Data-parallel training: a real two-process torchrun job keeps its decoder replicas identical."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from assistant.vision.training.distributed import SAVE_REPLICAS_ENV, DistContext, context_from_env, shard


def test_single_process_without_torchrun(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
        monkeypatch.delenv(name, raising=False)
    ctx = context_from_env()
    assert (ctx.rank, ctx.world_size, ctx.enabled, ctx.is_main) == (0, 1, False, True)
    order = torch.randperm(11)
    assert torch.equal(shard(order, ctx), order)


def test_context_from_torchrun_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORLD_SIZE", "4")
    monkeypatch.setenv("RANK", "5")
    monkeypatch.setenv("LOCAL_RANK", "1")
    monkeypatch.setenv("MASTER_ADDR", "127.0.0.1")
    monkeypatch.setenv("MASTER_PORT", "29500")
    ctx = context_from_env()
    assert (ctx.rank, ctx.world_size, ctx.local_rank, ctx.enabled, ctx.is_main) == (5, 4, 1, True, False)


@pytest.mark.parametrize(("samples", "world"), [(10, 2), (11, 2), (7, 3), (2, 4)])
def test_shards_are_equal_sized_and_cover_every_sample(samples: int, world: int) -> None:
    order = torch.randperm(samples, generator=torch.Generator().manual_seed(0))
    parts = [shard(order, DistContext(rank, world, enabled=True)) for rank in range(world)]
    assert len({len(p) for p in parts}) == 1  # the same number of steps on every rank, or DDP hangs
    together = torch.cat(parts)
    assert set(together.tolist()) == set(order.tolist())  # every sample is trained on ...
    assert len(together) - samples < world  # ... and fewer than `world` are repeated to even the shards
    for rank, part in enumerate(parts):  # rank r takes order[r::world] (then its share of the padding)
        assert torch.equal(part[: len(order[rank::world])], order[rank::world])


def _load(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(path))


def _torchrun_train(data: Path, out: Path, cache: Path, epochs: int) -> subprocess.CompletedProcess[str]:
    """``torchrun --standalone --nproc-per-node 2 -m assistant train ...`` with tiny sizes, on CPU (gloo)."""
    launcher = ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT")
    env = {k: v for k, v in os.environ.items() if k not in launcher}
    env.update(
        OMP_NUM_THREADS="1",  # two processes on two shared cores
        ASSISTANT_CACHE_DIR=str(cache),
        **{SAVE_REPLICAS_ENV: "1"},
    )
    options = {
        "data-dir": data,
        "encoder": "efficientnet-lite0",
        "epochs": epochs,
        "train-limit": 12,
        "val-limit": 4,
        "batch-size": 4,
        "embed-dim": 16,
        "hidden-dim": 16,
        "attention-dim": 16,
        "dropout": 0.2,  # each rank draws its own masks; averaged gradients still keep the replicas equal
        "min-count": 1,
        "val-beam": 1,
        "max-tokens": 12,
        "lr": 0.003,
        "device": "cpu",
        "out": out,
    }
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2"]
    command += ["-m", "assistant", "train", "--no-progress"]
    for name, value in options.items():
        command += [f"--{name}", str(value)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _replicas(out: Path, tag: str = "") -> list[dict[str, torch.Tensor]]:
    from safetensors.torch import load_file

    return [load_file(str(out / f"rank{rank}{tag}.safetensors")) for rank in (0, 1)]


@pytest.mark.timeout(180)
def test_two_cpu_processes_keep_identical_replicas(shapes_dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "run"
    done = _torchrun_train(shapes_dataset, out, tmp_path / "cache", epochs=2)
    start, final = _replicas(out, "-start"), _replicas(out)
    assert set(final[0]) == set(final[1]) == set(start[0])
    for name in final[0]:
        assert torch.equal(start[0][name], start[1][name]), name  # DDP broadcast rank 0's initial weights
        assert torch.equal(final[0][name], final[1][name]), name  # ... and every step kept them equal
        assert not torch.equal(final[0][name], start[0][name]), f"{name} never moved"

    # Rank 0 alone wrote the run's files: one log line per epoch, and the checkpoint is its replica.
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert [e["epoch"] for e in log] == [1, 2]
    state = torch.load(out / "last.pt", weights_only=True)
    assert all(torch.equal(state["decoder"][k], final[0][k]) for k in final[0])
    rng = state["rng_ranks"]  # each rank's generator, for resuming; they differ (different dropout)
    assert rng.shape[0] == 2 and not torch.equal(rng[0], rng[1])
    assert (out / "best" / "model.safetensors").is_file()
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert results and all(r["best_epoch"] == results[0]["best_epoch"] for r in results)

    # The same command with more epochs resumes the job: both ranks load last.pt and go on in step.
    _torchrun_train(shapes_dataset, out, tmp_path / "cache", epochs=3)
    resumed, again = _replicas(out, "-start"), _replicas(out)
    log = [json.loads(line) for line in (out / "log.jsonl").read_text().splitlines()]
    assert [e["epoch"] for e in log] == [1, 2, 3]
    for name in final[0]:
        assert torch.equal(resumed[0][name], final[0][name]) and torch.equal(resumed[1][name], final[0][name])
        assert torch.equal(again[0][name], again[1][name]), name
        assert not torch.equal(again[0][name], final[0][name]), f"{name} did not train after resuming"
