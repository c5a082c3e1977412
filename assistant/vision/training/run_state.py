"""A training run's state: the decoder, its moving average and optimiser, and ``last.pt`` to resume from.

``last.pt`` holds tensors and plain numbers only (loaded with ``weights_only=True``), every rank's random
generator included, so an interrupted run resumes and draws exactly what it would have drawn.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import random
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from assistant.vision.model.build import build_decoder
from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.training import distributed
from assistant.vision.training.config import TrainConfig
from assistant.vision.training.distributed import DistContext

log = logging.getLogger(__name__)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@dataclass
class TrainingRun:
    """The decoder being trained and what a resumed run restores."""

    decoder: CaptionDecoder  # what is saved
    ema: CaptionDecoder  # the weights' moving average; only updated when ``ema_on``
    model: nn.Module  # what the training steps call (DDP-wrapped when distributed)
    optimiser: torch.optim.Optimizer
    lr: float
    ema_on: bool = False
    start_epoch: int = 0
    best: float = -math.inf
    best_epoch: int = -1
    history: list[dict[str, Any]] = field(default_factory=list)

    @property
    def scored(self) -> CaptionDecoder:
        """What is validated and exported: the moving average when there is one."""
        return self.ema if self.ema_on else self.decoder


def _restore_rng(state: dict[str, Any], ctx: DistContext, seed: int) -> None:
    """Each rank gets back its own generator; if the run had another world size, fresh distinct seeds."""
    per_rank = state.get("rng_ranks")
    if per_rank is not None and len(per_rank) == ctx.world_size:
        torch.set_rng_state(per_rank[ctx.rank].cpu().clone())  # a row of its own: a view crashes torch
        return
    torch.set_rng_state(state["rng"].cpu())
    if ctx.rank:
        torch.manual_seed(seed + ctx.rank + 1000 * (int(state["epoch"]) + 1))


def start_run(cfg: TrainConfig, ctx: DistContext, device: torch.device, dconf: DecoderConfig) -> TrainingRun:
    """A fresh decoder, or the one ``last.pt`` holds; every rank builds the same one."""
    assert cfg.out is not None
    seed_everything(cfg.seed)  # again: building an encoder for the feature cache consumed random numbers
    decoder = build_decoder(dconf).to(device)
    ema = copy.deepcopy(decoder).eval()
    model = distributed.wrap(decoder, ctx, device)
    optimiser = torch.optim.Adam(decoder.parameters(), lr=cfg.lr)
    run = TrainingRun(decoder, ema, model, optimiser, lr=cfg.lr, ema_on=cfg.ema > 0)
    state_path = cfg.out / "last.pt"
    if state_path.is_file():
        _resume(run, torch.load(state_path, map_location=device, weights_only=True), ctx, cfg.seed)
        log.info("resuming %s at epoch %d", cfg.out, run.start_epoch + 1)
    elif ctx.rank:
        torch.manual_seed(cfg.seed + ctx.rank)  # the replicas draw different dropout masks
    if ctx.is_main:
        (cfg.out / "train_config.json").write_text(json.dumps(cfg.to_json(), indent=2), encoding="utf-8")
    if ctx.enabled:
        log.info(
            "rank %d of %d on %s; effective batch %d",
            ctx.rank,
            ctx.world_size,
            device,
            cfg.batch_size * ctx.world_size,
        )
    distributed.save_replica(decoder, ctx, cfg.out, "-start")
    return run


def _resume(run: TrainingRun, state: dict[str, Any], ctx: DistContext, seed: int) -> None:
    run.decoder.load_state_dict(state["decoder"])
    if "ema" in state:
        run.ema.load_state_dict(state["ema"])
    run.optimiser.load_state_dict(state["optimiser"])
    _restore_rng(state, ctx, seed)
    run.start_epoch, run.best, run.best_epoch, run.lr = (
        state["epoch"] + 1,
        state["best"],
        state["best_epoch"],
        state["lr"],
    )
    run.history = json.loads(state["history"])


def save_state(cfg: TrainConfig, run: TrainingRun, epoch: int, ctx: DistContext) -> None:
    """``last.pt``: what resuming after ``epoch`` needs, every rank's random generator included."""
    assert cfg.out is not None
    checkpoint = {
        "decoder": run.decoder.state_dict(),
        "ema": run.ema.state_dict(),
        "optimiser": run.optimiser.state_dict(),
        "rng": torch.get_rng_state(),
        "epoch": epoch,
        "best": run.best,
        "best_epoch": run.best_epoch,
        "lr": run.lr,
        "history": json.dumps(run.history),
    }
    if ctx.enabled:  # every rank's generator, so a resumed run draws what it would have drawn
        checkpoint["rng_ranks"] = torch.stack(distributed.gather(torch.get_rng_state(), ctx))
    if ctx.is_main:
        torch.save(checkpoint, cfg.out / "last.pt")
    distributed.barrier(ctx)
