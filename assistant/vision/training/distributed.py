"""Data-parallel training across processes: ``torchrun --nproc-per-node N -m assistant train ...``.

torchrun starts N copies of the command and tells each who it is through the environment
(``WORLD_SIZE``, ``RANK``, ``LOCAL_RANK``, plus the rendezvous address). Every copy holds a full
decoder replica; DistributedDataParallel averages the gradients after each backward pass, so the
replicas take identical optimiser steps and stay identical. Each rank trains on its own slice of
one shared shuffled order. Rank 0 alone builds the vocabulary and the feature cache (the others wait
at a barrier, then read them), evaluates, and writes logs, checkpoints and exports.

Without torchrun's variables everything here is a no-op, so a plain ``assistant train`` runs exactly
as a single process always has. (``torchrun --nproc-per-node 1`` is a real job of one rank: the same
code path as N ranks, on one GPU.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import torch
import torch.distributed as dist
from torch import nn

# Rank 0 may keep the others waiting at a barrier for a long time: encoding a large image set into
# the feature cache, or captioning the val split. A generous timeout avoids killing a healthy run.
BARRIER_TIMEOUT = timedelta(hours=3)

# When set (to a folder, or "1" for the run folder), every rank writes its final decoder weights
# there as rank{r}.safetensors (and its starting weights as rank{r}-start.safetensors), so a test
# can check that the replicas stayed identical.
SAVE_REPLICAS_ENV = "ASSISTANT_SAVE_REPLICAS"


@dataclass(frozen=True)
class DistContext:
    """Who this process is in the job; ``enabled`` is false for a plain single process."""

    rank: int = 0
    world_size: int = 1
    local_rank: int = 0
    enabled: bool = False  # launched by torchrun (or a launcher that sets the same variables)
    owns_group: bool = False  # this module started the process group, so it must also end it

    @property
    def is_main(self) -> bool:
        return self.rank == 0


LAUNCHER_VARIABLES = ("WORLD_SIZE", "RANK", "MASTER_ADDR", "MASTER_PORT")


def context_from_env() -> DistContext:
    """Read torchrun's ``WORLD_SIZE``/``RANK``/``LOCAL_RANK``; a single process when they are absent."""
    if not all(os.environ.get(name) for name in LAUNCHER_VARIABLES):
        return DistContext()
    rank = int(os.environ["RANK"])
    local = int(os.environ.get("LOCAL_RANK", str(rank)))
    return DistContext(rank, int(os.environ["WORLD_SIZE"]), local, enabled=True)


def setup(device: torch.device) -> tuple[DistContext, torch.device]:
    """Join the job torchrun started (gloo on CPU, NCCL on GPUs); returns the context and this rank's device.

    With CUDA every rank takes the GPU ``cuda:LOCAL_RANK``. A process group that the caller already
    initialised is reused and left for the caller to destroy.
    """
    ctx = context_from_env()
    if not ctx.enabled:
        return ctx, device
    if device.type == "cuda":
        device = torch.device("cuda", ctx.local_rank)
        torch.cuda.set_device(device)
    if dist.is_initialized():
        return DistContext(dist.get_rank(), dist.get_world_size(), ctx.local_rank, enabled=True), device
    dist.init_process_group(
        backend="nccl" if device.type == "cuda" else "gloo",
        timeout=BARRIER_TIMEOUT,
        device_id=device if device.type == "cuda" else None,
    )
    return (
        DistContext(dist.get_rank(), dist.get_world_size(), ctx.local_rank, enabled=True, owns_group=True),
        device,
    )


def teardown(ctx: DistContext) -> None:
    """Wait for every rank, then end the process group if :func:`setup` started it."""
    if ctx.owns_group and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()


def barrier(ctx: DistContext) -> None:
    if ctx.enabled:
        dist.barrier()


@contextmanager
def main_first(ctx: DistContext) -> Iterator[None]:
    """Rank 0 runs the block first (e.g. fills a cache on disk); the others run it after, reading it."""
    if not ctx.is_main:
        barrier(ctx)
    yield
    if ctx.is_main:
        barrier(ctx)


def wrap(model: nn.Module, ctx: DistContext, device: torch.device) -> nn.Module:
    """The module to call for training: DDP around ``model`` when distributed, else ``model`` itself.

    DDP broadcasts rank 0's weights on construction, so every replica starts identical. Keep the
    unwrapped ``model`` for evaluation, the weight average and saving (its keys have no ``module.``).
    """
    if not ctx.enabled:
        return model
    from torch.nn.parallel import DistributedDataParallel

    return DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)


def shard(order: torch.Tensor, ctx: DistContext) -> torch.Tensor:
    """This rank's part of a permutation shared by all ranks: ``order[rank::world]``.

    The order is first padded by repeating its head (as ``DistributedSampler`` does) so every rank
    gets the same number of samples: ranks with fewer batches would leave the others waiting in an
    all-reduce forever.
    """
    if not ctx.enabled:
        return order
    padded = -(-len(order) // ctx.world_size) * ctx.world_size
    if padded > len(order):
        order = torch.cat([order, order[: padded - len(order)]])
    return order[ctx.rank :: ctx.world_size]


def mean_over_ranks(total: float, count: int, ctx: DistContext, device: torch.device) -> float:
    """``sum(total) / sum(count)`` over all ranks: e.g. the epoch's mean loss over every batch trained."""
    if not ctx.enabled:
        return total / max(count, 1)
    both = torch.tensor([total, float(count)], dtype=torch.float64, device=device)
    dist.all_reduce(both)
    return float(both[0] / both[1].clamp(min=1))


def broadcast(value: Any, ctx: DistContext) -> Any:
    """Rank 0's ``value`` on every rank (picklable objects), e.g. the val result that sets the lr."""
    if not ctx.enabled:
        return value
    box = [value if ctx.is_main else None]
    dist.broadcast_object_list(box, src=0)
    return box[0]


def gather(value: Any, ctx: DistContext) -> list[Any]:
    """Every rank's ``value``, in rank order, on every rank."""
    if not ctx.enabled:
        return [value]
    out: list[Any] = [None] * ctx.world_size
    dist.all_gather_object(out, value)
    return out


def save_replica(model: nn.Module, ctx: DistContext, run_dir: Path, tag: str = "") -> None:
    """Test hook: when ``ASSISTANT_SAVE_REPLICAS`` is set, write this rank's weights as ``rank{r}{tag}``."""
    target = os.environ.get(SAVE_REPLICAS_ENV)
    if not target:
        return
    from safetensors.torch import save_file

    folder = run_dir if target == "1" else Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(folder / f"rank{ctx.rank}{tag}.safetensors"))
