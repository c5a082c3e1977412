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
"""

from __future__ import annotations

import copy
import json
import logging
import math
import random
import time
from typing import Any

import numpy as np
import torch
from torch import nn
from tqdm import tqdm

from assistant.errors import AssistantError
from assistant.vision.evaluation.metrics import score_captions
from assistant.vision.inference.torch_steps import beam_search, greedy_decode
from assistant.vision.model.build import build_decoder
from assistant.vision.model.checkpoint import ModelConfig, save_model
from assistant.vision.model.decoder import CaptionDecoder, DecoderConfig
from assistant.vision.model.device import select_device
from assistant.vision.model.vocab import Vocabulary
from assistant.vision.training import distributed
from assistant.vision.training.config import TrainConfig
from assistant.vision.training.data import read_captions, training_splits
from assistant.vision.training.distributed import DistContext
from assistant.vision.training.features import cached_features

log = logging.getLogger(__name__)


class _Captions:
    """Training pairs (feature row, padded caption ids) held as tensors for fast batching."""

    def __init__(
        self, grouped: dict[str, list[str]], row_of: dict[str, int], vocab: Vocabulary, max_tokens: int
    ):
        rows, encoded = [], []
        for image, captions in grouped.items():
            for caption in captions:
                rows.append(row_of[image])
                encoded.append(vocab.encode(caption, max_tokens))
        width = max(len(ids) for ids in encoded)
        self.rows = torch.tensor(rows, dtype=torch.long)  # (M,)
        self.ids = torch.zeros(len(encoded), width, dtype=torch.long)  # (M, T)
        for i, ids in enumerate(encoded):
            self.ids[i, : len(ids)] = torch.tensor(ids)
        self.lengths = (self.ids != 0).sum(dim=1)  # (M,)
        # The same captions for the mirrored pictures: "left" and "right" trade places.
        self.mirrored_ids = self.ids.clone()  # (M, T)
        left, right = vocab.stoi.get("left"), vocab.stoi.get("right")
        if left is not None and right is not None:
            self.mirrored_ids[self.ids == left] = right
            self.mirrored_ids[self.ids == right] = left

    def __len__(self) -> int:
        return len(self.rows)


@torch.no_grad()
def _update_ema(ema: nn.Module, model: nn.Module, decay: float) -> None:
    for averaged, current in zip(ema.parameters(), model.parameters(), strict=True):
        averaged.lerp_(current, 1.0 - decay)


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


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


def _restore_rng(state: dict[str, Any], ctx: DistContext, seed: int) -> None:
    """Each rank gets back its own generator; if the run had another world size, fresh distinct seeds."""
    per_rank = state.get("rng_ranks")
    if per_rank is not None and len(per_rank) == ctx.world_size:
        torch.set_rng_state(per_rank[ctx.rank].cpu().clone())  # a row of its own: a view crashes torch
        return
    torch.set_rng_state(state["rng"].cpu())
    if ctx.rank:
        torch.manual_seed(seed + ctx.rank + 1000 * (int(state["epoch"]) + 1))


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
    assert cfg.out is not None and cfg.captions is not None and cfg.images is not None
    cfg.out.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    if device.type == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))

    train_grouped, val_grouped = training_splits(
        read_captions(cfg.captions), cfg.train_splits, cfg.val_split, cfg.train_limit, cfg.val_limit
    )

    vocab_path = cfg.out / "vocab.json"
    names = list(dict.fromkeys([*train_grouped, *val_grouped]))
    missing = next((name for name in names if not (cfg.images / name).is_file()), None)
    if missing is not None:
        raise AssistantError(f"The image {missing} named in {cfg.captions.name} is not in {cfg.images}.")
    row_of = {name: i for i, name in enumerate(names)}
    images = cfg.images

    def grids(mirror: bool) -> np.ndarray:  # (I, N, D) fp16, memory-mapped from the cache
        return cached_features(
            cfg.encoder,
            images,
            names,
            device,
            root=cfg.feature_cache,
            progress=cfg.progress and ctx.is_main,
            mirror=mirror,
        )

    with distributed.main_first(ctx):  # rank 0 writes the vocabulary and feature cache; the rest read them
        if vocab_path.is_file():
            vocab = Vocabulary.load(vocab_path)
        else:
            vocab = Vocabulary.build((c for caps in train_grouped.values() for c in caps), cfg.min_count)
            vocab.save(vocab_path)
        features_np = grids(mirror=False)
        mirrored_np = grids(mirror=True) if cfg.flip else None  # flip augmentation's mirrored pictures
    features = torch.from_numpy(np.array(features_np))  # (I, N, D) fp16, copied into RAM
    mirrored = torch.from_numpy(np.array(mirrored_np)) if mirrored_np is not None else None  # (I, N, D)
    if device.type == "cuda":
        features = features.to(device)
        mirrored = mirrored.to(device) if mirrored is not None else None
    data = _Captions(train_grouped, row_of, vocab, cfg.max_tokens)
    val_rows = torch.tensor([row_of[n] for n in val_grouped])

    dconf = DecoderConfig(
        len(vocab),
        int(features.shape[2]),
        cfg.embed_dim,
        cfg.hidden_dim,
        cfg.attention_dim,
        cfg.dropout,
        kind=cfg.decoder,
        layers=cfg.layers,
        heads=cfg.heads,
        ff_dim=cfg.ff_dim,
    )
    seed_everything(cfg.seed)  # again: building an encoder for the feature cache consumed random numbers
    decoder = build_decoder(dconf).to(device)
    ema = copy.deepcopy(decoder).eval()  # the weights' moving average; only updated when cfg.ema > 0
    model = distributed.wrap(decoder, ctx, device)  # what the training steps call; `decoder` is saved
    optimiser = torch.optim.Adam(decoder.parameters(), lr=cfg.lr)
    criterion = nn.CrossEntropyLoss(ignore_index=0, label_smoothing=cfg.label_smoothing)
    state_path = cfg.out / "last.pt"
    start_epoch, best, best_epoch, lr, history = 0, -math.inf, -1, cfg.lr, []
    if state_path.is_file():
        state = torch.load(state_path, map_location=device, weights_only=True)
        decoder.load_state_dict(state["decoder"])
        if "ema" in state:
            ema.load_state_dict(state["ema"])
        optimiser.load_state_dict(state["optimiser"])
        _restore_rng(state, ctx, cfg.seed)
        start_epoch, best, best_epoch, lr = (
            state["epoch"] + 1,
            state["best"],
            state["best_epoch"],
            state["lr"],
        )
        history = json.loads(state["history"])
        log.info("resuming %s at epoch %d", cfg.out, start_epoch + 1)
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

    for epoch in range(start_epoch, cfg.epochs):
        if epoch - best_epoch > cfg.patience and best_epoch >= 0:
            log.info("early stop: no val improvement for %d epochs", cfg.patience)
            break
        for group in optimiser.param_groups:
            group["lr"] = lr
        model.train()
        order = torch.randperm(len(data), generator=torch.Generator().manual_seed(cfg.seed * 1000 + epoch))
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
                for group in optimiser.param_groups:
                    group["lr"] = lr * min(1.0, (done + 1) / cfg.warmup)
            batch = order[start : start + cfg.batch_size]
            width = int(data.lengths[batch].max())
            captions = data.ids[batch, :width].to(device)  # (B, T)
            rows = data.rows[batch].to(features.device)  # (B,)
            feats = features[rows].to(device, torch.float32)  # (B, N, D)
            if mirrored is not None:  # flip augmentation: half the pairs become mirrored pictures
                flip = torch.rand(len(batch)) < 0.5  # (B,) from the seeded, checkpointed generator
                flipped = flip.to(device)
                feats[flipped] = mirrored[rows[flip.to(rows.device)]].to(device, torch.float32)
                captions[flipped] = data.mirrored_ids[batch[flip], :width].to(device)
            logits, alphas = model(feats, captions)  # (B, T-1, V), (B, T-1, N)
            targets = captions[:, 1:]  # (B, T-1)
            loss = criterion(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
            mask = (targets != 0).unsqueeze(2).float()  # (B, T-1, 1)
            loss = loss + cfg.alpha_c * ((1.0 - (alphas * mask).sum(dim=1)) ** 2).mean()
            optimiser.zero_grad(set_to_none=True)
            loss.backward()  # under DDP this also averages the gradients over the ranks
            nn.utils.clip_grad_norm_(decoder.parameters(), cfg.grad_clip)
            optimiser.step()
            if cfg.ema > 0:
                _update_ema(ema, decoder, cfg.ema)
            total, count = total + loss.item(), count + 1
            bar.set_postfix(loss=f"{total / count:.3f}")
        train_seconds = time.time() - t0
        mean_loss = distributed.mean_over_ranks(total, count, ctx, device)

        scored = ema if cfg.ema > 0 else decoder
        keys = list(val_grouped)
        metrics: dict[str, Any] | None = None
        if ctx.is_main:  # the others wait in the broadcast below
            hyps = caption_features(
                scored,
                vocab,
                features[val_rows.to(features.device)],
                cfg.val_beam,
                cfg.max_tokens,
                length_penalty=cfg.length_penalty,
            )
            metrics = score_captions(dict(val_grouped), dict(zip(keys, hyps, strict=True)), meteor=False)
        metrics = distributed.broadcast(metrics, ctx)  # every rank sets the same lr and stops together
        assert metrics is not None
        entry = {
            "epoch": epoch + 1,
            "loss": mean_loss,
            "lr": lr,
            "train_seconds": round(train_seconds, 1),
            **{k: v for k, v in metrics.items() if v is not None},
        }
        history.append(entry)
        cider = float(metrics["cider"] or 0.0)
        improved = cider > best
        if ctx.is_main:
            with (cfg.out / "log.jsonl").open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
            tqdm.write(
                f"epoch {epoch + 1}: loss {entry['loss']:.3f} val BLEU-4 {metrics['bleu4']:.4f} "
                f"CIDEr {cider:.4f}{' (best)' if improved else ''} — e.g. '{hyps[0]}'"
            )
        if improved:
            best, best_epoch = cider, epoch
        if improved and ctx.is_main:
            model_config = ModelConfig(
                encoder=cfg.encoder,
                decoder=dconf,
                max_len=cfg.max_tokens,
                length_penalty=cfg.length_penalty,
                metadata={
                    "epoch": epoch + 1,
                    "val": {**metrics, "beam": cfg.val_beam, "n_images": len(keys)},
                    "train_config": cfg.to_json(),
                },
            )
            save_model(cfg.out / "best", scored, vocab, model_config, half=cfg.half)
        if cfg.lr_schedule == "exp" or not improved:
            lr *= cfg.lr_decay
        checkpoint = {
            "decoder": decoder.state_dict(),
            "ema": ema.state_dict(),
            "optimiser": optimiser.state_dict(),
            "rng": torch.get_rng_state(),
            "epoch": epoch,
            "best": best,
            "best_epoch": best_epoch,
            "lr": lr,
            "history": json.dumps(history),
        }
        if ctx.enabled:  # every rank's generator, so a resumed run draws what it would have drawn
            checkpoint["rng_ranks"] = torch.stack(distributed.gather(torch.get_rng_state(), ctx))
        if ctx.is_main:
            torch.save(checkpoint, state_path)
        distributed.barrier(ctx)

    distributed.save_replica(decoder, ctx, cfg.out)
    if cfg.export is not None and ctx.is_main:
        import shutil

        cfg.export.mkdir(parents=True, exist_ok=True)
        for name in ("model.safetensors", "config.json", "vocab.json"):
            shutil.copy2(cfg.out / "best" / name, cfg.export / name)
    return {
        "best_epoch": best_epoch + 1,
        "best_cider": best,
        "history": history,
        "model_dir": str(cfg.out / "best"),
    }
