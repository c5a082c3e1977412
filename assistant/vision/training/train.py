"""Training the captioner: one command, seeded, resumable, with a progress bar and per-epoch val metrics.

The encoder is frozen, so its grid features are computed once (``features.py``) and each epoch only
runs the decoder. Loss = cross-entropy with teacher forcing + the doubly stochastic attention
regulariser of Show, Attend and Tell (``alpha_c * sum_cells (1 - sum_t alpha)^2``). After every
epoch the val split is captioned from cached features and scored with pycocoevalcap; the best
CIDEr is exported as a model folder. ``last.pt`` (tensors and plain numbers only, loaded with
``weights_only=True``) lets an interrupted run resume where it stopped.

Under ``torchrun --nproc-per-node N -m assistant train ...`` the same function trains data-parallel:
every rank holds a decoder replica wrapped in DistributedDataParallel and trains on its slice of the
shared shuffled order, so ``batch_size`` is per process (the effective batch is ``N * batch_size``).
Rank 0 alone builds the caches, evaluates and writes files; ``distributed.py`` holds the plumbing.

A run is a few named stages: :func:`load_training_data` (``train_data.py``), :func:`start_run` (build
or resume, ``run_state.py``), then per epoch :func:`_train_epoch`, :func:`_validate`,
:func:`_record_epoch` and :func:`save_state`.
"""

from __future__ import annotations

import json
import logging
import math
import shutil
import time
from typing import Any

import torch
from torch import nn
from tqdm import tqdm

from assistant.vision.evaluation.metrics import score_captions
from assistant.vision.inference.torch_steps import beam_search, greedy_decode
from assistant.vision.model.checkpoint import ModelConfig, save_model
from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.model.device import select_device
from assistant.vision.model.files import CHECKSUMS_FILE
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training import distributed
from assistant.vision.training.config import TrainConfig
from assistant.vision.training.distributed import DistContext
from assistant.vision.training.run_state import TrainingRun, save_state, seed_everything, start_run
from assistant.vision.training.train_data import TrainingData, load_training_data

__all__ = ["TrainConfig", "caption_features", "seed_everything", "train"]

log = logging.getLogger(__name__)


@torch.no_grad()
def _update_ema(ema: nn.Module, model: nn.Module, decay: float) -> None:
    for averaged, current in zip(ema.parameters(), model.parameters(), strict=True):
        averaged.lerp_(current, 1.0 - decay)


def caption_features(
    decoder: CaptionDecoder,
    vocab: Vocabulary,
    features: torch.Tensor,
    beam: int,
    max_len: int,
    batch_size: int = 100,
    device: torch.device | None = None,
    length_penalty: float = 0.5,
) -> list[str]:
    """Captions (as token strings) for every row of ``features (M, N, D)``."""
    decoder.eval()
    device = device or next(decoder.parameters()).device
    out: list[str] = []
    for start in range(0, len(features), batch_size):
        chunk = features[start : start + batch_size].to(device, torch.float32)
        if beam <= 1:
            hyps = greedy_decode(decoder, chunk, vocab.start_id, vocab.end_id, max_len)
        else:
            hyps = [
                h[0]
                for h in beam_search(
                    decoder, chunk, vocab.start_id, vocab.end_id, beam, max_len, length_penalty
                )
            ]
        out.extend(" ".join(vocab.decode(h.tokens)) for h in hyps)
    return out


def train(config: TrainConfig) -> dict[str, Any]:
    """Run (or resume) training; returns the best val metrics (on every rank when distributed)."""
    cfg = config.resolved()
    ctx, device = distributed.setup(select_device(cfg.device))
    result = _train(cfg, ctx, device)
    # Not in a ``finally``: after a failure the other ranks would wait at the closing barrier; the
    # process exits instead, and torchrun stops the rest of the job.
    distributed.teardown(ctx)
    return result


def _train(cfg: TrainConfig, ctx: DistContext, device: torch.device) -> dict[str, Any]:
    """The run itself, on one rank (or the only process): ``train`` sets up and ends the job around it."""
    assert cfg.out is not None
    cfg.out.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    if device.type == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))
    data = load_training_data(cfg, ctx, device)
    dconf = _decoder_config(cfg, data)
    run = start_run(cfg, ctx, device, dconf)
    criterion = nn.CrossEntropyLoss(ignore_index=0, label_smoothing=cfg.label_smoothing)
    for epoch in range(run.start_epoch, cfg.epochs):
        if epoch - run.best_epoch > cfg.patience and run.best_epoch >= 0:
            log.info("early stop: no val improvement for %d epochs", cfg.patience)
            break
        mean_loss, seconds = _train_epoch(cfg, run, data, criterion, epoch, ctx, device)
        metrics, hyps = _validate(cfg, run, data, ctx)
        _record_epoch(
            cfg, run, data, dconf, epoch, {"loss": mean_loss, "seconds": seconds}, metrics, hyps, ctx
        )
        save_state(cfg, run, epoch, ctx)
    _finish(cfg, run, ctx)
    return {
        "best_epoch": run.best_epoch + 1,
        "best_cider": run.best,
        "history": run.history,
        "model_dir": str(cfg.out / "best"),
    }


def _decoder_config(cfg: TrainConfig, data: TrainingData) -> DecoderConfig:
    return DecoderConfig(
        len(data.vocab),
        int(data.features.shape[2]),
        cfg.embed_dim,
        cfg.hidden_dim,
        cfg.attention_dim,
        cfg.dropout,
        kind=cfg.decoder,
        layers=cfg.layers,
        heads=cfg.heads,
        ff_dim=cfg.ff_dim,
    )


def _train_epoch(
    cfg: TrainConfig,
    run: TrainingRun,
    data: TrainingData,
    criterion: nn.Module,
    epoch: int,
    ctx: DistContext,
    device: torch.device,
) -> tuple[float, float]:
    """One pass over this rank's share of the pairs; returns the mean loss over all ranks and seconds."""
    for group in run.optimiser.param_groups:
        group["lr"] = run.lr
    run.model.train()
    order = torch.randperm(len(data.pairs), generator=torch.Generator().manual_seed(cfg.seed * 1000 + epoch))
    order = distributed.shard(order, ctx)  # the same permutation on every rank, then order[rank::world]
    t0, total, count = time.time(), 0.0, 0
    bar = tqdm(
        range(0, len(order), cfg.batch_size),
        desc=f"epoch {epoch + 1}/{cfg.epochs}",
        unit="batch",
        disable=not cfg.progress or not ctx.is_main,
    )
    for start in bar:
        if cfg.warmup > 0:  # linear warmup over the first optimiser steps of the run
            done = epoch * math.ceil(len(order) / cfg.batch_size) + start // cfg.batch_size
            for group in run.optimiser.param_groups:
                group["lr"] = run.lr * min(1.0, (done + 1) / cfg.warmup)
        loss = _train_step(cfg, run, data, criterion, order[start : start + cfg.batch_size], device)
        total, count = total + loss, count + 1
        bar.set_postfix(loss=f"{total / count:.3f}")
    train_seconds = time.time() - t0
    return distributed.mean_over_ranks(total, count, ctx, device), train_seconds


def _train_step(
    cfg: TrainConfig,
    run: TrainingRun,
    data: TrainingData,
    criterion: nn.Module,
    batch: torch.Tensor,
    device: torch.device,
) -> float:
    """One optimiser step on the pairs ``batch (B,)``; returns its loss."""
    pairs = data.pairs
    width = int(pairs.lengths[batch].max())
    captions = pairs.ids[batch, :width].to(device)  # (B, T)
    rows = pairs.rows[batch].to(data.features.device)  # (B,)
    feats = data.features[rows].to(device, torch.float32)  # (B, N, D)
    if data.mirrored is not None:  # flip augmentation: half the pairs become mirrored pictures
        flip = torch.rand(len(batch)) < 0.5  # (B,) from the seeded, checkpointed generator
        flipped = flip.to(device)
        feats[flipped] = data.mirrored[rows[flip.to(rows.device)]].to(device, torch.float32)
        captions[flipped] = pairs.mirrored_ids[batch[flip], :width].to(device)
    logits, alphas = run.model(feats, captions)  # (B, T-1, V), (B, T-1, N)
    targets = captions[:, 1:]  # (B, T-1)
    loss = criterion(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
    mask = (targets != 0).unsqueeze(2).float()  # (B, T-1, 1)
    loss = loss + cfg.alpha_c * ((1.0 - (alphas * mask).sum(dim=1)) ** 2).mean()
    run.optimiser.zero_grad(set_to_none=True)
    loss.backward()  # under DDP this also averages the gradients over the ranks
    nn.utils.clip_grad_norm_(run.decoder.parameters(), cfg.grad_clip)
    run.optimiser.step()
    if cfg.ema > 0:
        _update_ema(run.ema, run.decoder, cfg.ema)
    return float(loss.item())


def _validate(
    cfg: TrainConfig, run: TrainingRun, data: TrainingData, ctx: DistContext
) -> tuple[dict[str, Any], list[str]]:
    """Val metrics (the same on every rank) and, on rank 0, the val captions."""
    keys = list(data.val_grouped)
    metrics: dict[str, Any] | None = None
    hyps: list[str] = []
    if ctx.is_main:  # the others wait in the broadcast below
        hyps = caption_features(
            run.scored,
            data.vocab,
            data.features[data.val_rows.to(data.features.device)],
            cfg.val_beam,
            cfg.max_tokens,
            length_penalty=cfg.length_penalty,
        )
        metrics = score_captions(dict(data.val_grouped), dict(zip(keys, hyps, strict=True)), meteor=False)
    metrics = distributed.broadcast(metrics, ctx)  # every rank sets the same lr and stops together
    assert metrics is not None
    return metrics, hyps


def _record_epoch(
    cfg: TrainConfig,
    run: TrainingRun,
    data: TrainingData,
    dconf: DecoderConfig,
    epoch: int,
    trained: dict[str, float],
    metrics: dict[str, Any],
    hyps: list[str],
    ctx: DistContext,
) -> None:
    """Log the epoch, keep the best model folder, and decay the learning rate."""
    assert cfg.out is not None
    entry = {
        "epoch": epoch + 1,
        "loss": trained["loss"],
        "lr": run.lr,
        "train_seconds": round(trained["seconds"], 1),
        **{k: v for k, v in metrics.items() if v is not None},
    }
    run.history.append(entry)
    cider = float(metrics["cider"] or 0.0)
    improved = cider > run.best
    if ctx.is_main:
        with (cfg.out / "log.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
        tqdm.write(
            f"epoch {epoch + 1}: loss {entry['loss']:.3f} val BLEU-4 {metrics['bleu4']:.4f} "
            f"CIDEr {cider:.4f}{' (best)' if improved else ''} — e.g. '{hyps[0]}'"
        )
    if improved:
        run.best, run.best_epoch = cider, epoch
    if improved and ctx.is_main:
        _save_best(cfg, run, data, dconf, epoch, metrics)
    if cfg.lr_schedule == "exp" or not improved:
        run.lr *= cfg.lr_decay


def _save_best(
    cfg: TrainConfig,
    run: TrainingRun,
    data: TrainingData,
    dconf: DecoderConfig,
    epoch: int,
    metrics: dict[str, Any],
) -> None:
    """The best epoch so far as the run's model folder, ``best/``."""
    assert cfg.out is not None
    model_config = ModelConfig(
        encoder=cfg.encoder,
        decoder=dconf,
        max_len=cfg.max_tokens,
        length_penalty=cfg.length_penalty,
        metadata={
            "epoch": epoch + 1,
            "val": {**metrics, "beam": cfg.val_beam, "n_images": len(data.val_grouped)},
            "train_config": cfg.to_json(),
        },
    )
    save_model(cfg.out / "best", run.scored, data.vocab, model_config, half=cfg.half)


def _finish(cfg: TrainConfig, run: TrainingRun, ctx: DistContext) -> None:
    """Each replica's final weights (distributed runs), and the best model copied to ``cfg.export``."""
    assert cfg.out is not None
    distributed.save_replica(run.decoder, ctx, cfg.out)
    if cfg.export is not None and ctx.is_main:
        cfg.export.mkdir(parents=True, exist_ok=True)
        for name in ("model.safetensors", "config.json", "vocab.json", CHECKSUMS_FILE):
            shutil.copy2(cfg.out / "best" / name, cfg.export / name)
