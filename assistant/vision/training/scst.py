"""Self-critical sequence training (SCST) of a cross-entropy-trained captioner, with a CIDEr-D reward.

Why: cross-entropy teaches the decoder to predict the next human word given the *human* prefix, but
at inference it continues its *own* prefix and is judged on the whole sentence (exposure bias and a
loss/metric mismatch). SCST (Rennie et al., 2017) optimises the sentence-level metric directly with
REINFORCE. We use the variant of Luo (2020, "A better variant of self-critical sequence training"):
``K`` captions are sampled per image and each sample's baseline is the mean reward of the *other*
``K - 1`` samples, which needs no greedy decode and has lower variance. The reward is CIDEr-D with
document frequencies from the training references (``cider_d.py``).

Loss (per batch) = ``- sum_i (r_i - b_i) * sum_t log p(w_it) / (number of sampled tokens)``.

Like ``train.py``: encoder features come from the shared cache, the run is seeded and resumable
(``last.pt`` holds tensors and plain numbers only), val is captioned with beam search and scored with
pycocoevalcap after every round, and the best val CIDEr is exported as a model folder.
"""

from __future__ import annotations

import json
import logging
import math
import shutil
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from safetensors.torch import save_file
from torch import nn
from tqdm import tqdm

from assistant.vision.evaluation.cider_d import CiderD
from assistant.vision.evaluation.metrics import score_captions
from assistant.vision.inference.torch_steps import log_probs as log_probs_of
from assistant.vision.model.checkpoint import ModelConfig, load_model, save_model
from assistant.vision.model.decoder import CaptionDecoder
from assistant.vision.model.device import select_device
from assistant.vision.model.files import CHECKSUMS_FILE
from assistant.vision.model.vocab import Vocabulary, tokenize
from assistant.vision.training.config import ScstConfig
from assistant.vision.training.data import read_captions, training_splits
from assistant.vision.training.features import cached_features
from assistant.vision.training.run_state import seed_everything
from assistant.vision.training.train import caption_features

log = logging.getLogger(__name__)


def sample_captions(
    decoder: CaptionDecoder,
    features: torch.Tensor,
    samples: int,
    start_id: int,
    end_id: int,
    max_len: int,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Draw ``samples`` captions per image from the decoder's own distribution, keeping the graph.

    ``features (B, N, D)`` -> ``words (B*K, T)`` (0 after ``<end>``), ``log_probs (B*K, T)`` of the
    drawn words (0 after ``<end>``) and ``mask (B*K, T)`` of the steps that count (words + ``<end>``).
    Rows ``i*K .. i*K+K-1`` belong to image ``i``.
    """
    h, c, projected = decoder.start(features)  # (B, H), (B, H), (B, N, A): once per image, then repeated
    feats = features.repeat_interleave(samples, dim=0)  # (B*K, N, D)
    projected = projected.repeat_interleave(samples, dim=0)  # (B*K, N, A)
    h, c = h.repeat_interleave(samples, dim=0), c.repeat_interleave(samples, dim=0)  # (B*K, H)
    rows = feats.size(0)
    tokens = torch.full((rows,), start_id, dtype=torch.long, device=features.device)
    done = torch.zeros(rows, dtype=torch.bool, device=features.device)
    words, log_probs, masks = [], [], []
    for step in range(max_len + 1):
        logits, h, c, _ = decoder.step(tokens, h, c, feats, projected)  # (B*K, V)
        logp = log_probs_of(logits)  # (B*K, V), banned ids at -inf
        if step == max_len:  # out of room: end here
            tokens = torch.full_like(tokens, end_id)
        else:
            tokens = torch.multinomial(logp.detach().exp(), 1).squeeze(1)  # (B*K,)
        live = ~done
        log_probs.append(logp.gather(1, tokens.unsqueeze(1)).squeeze(1) * live)
        words.append(tokens.masked_fill(done | (tokens == end_id), 0))
        masks.append(live)
        done = done | (tokens == end_id)
        if bool(done.all()):
            break
    return torch.stack(words, 1), torch.stack(log_probs, 1), torch.stack(masks, 1).float()


def leave_one_out_advantage(rewards: torch.Tensor, samples: int) -> torch.Tensor:
    """``rewards (B*K,)`` -> reward minus the mean of the other ``K-1`` samples of the same image."""
    grouped = rewards.view(-1, samples)  # (B, K)
    baseline = (grouped.sum(dim=1, keepdim=True) - grouped) / (samples - 1)  # (B, K)
    return (grouped - baseline).view(-1)


@dataclass
class _ScstData:
    """What the rounds read: the references, the reward and the cached grids of both splits."""

    train_names: list[str]
    val_grouped: dict[str, list[str]]
    features: dict[str, torch.Tensor]  # "train", "val" -> (I_split, N, D) fp16, in RAM
    reward: CiderD


@dataclass
class _ScstRun:
    """The decoder being trained and what a resumed run restores."""

    decoder: CaptionDecoder
    vocab: Vocabulary
    model_config: ModelConfig  # the init model's
    length_penalty: float  # for val beam search
    optimiser: torch.optim.Optimizer | None = None
    position: int = 0  # batches done in total
    best: float = -math.inf  # best val CIDEr so far
    history: list[dict[str, Any]] = field(default_factory=list)


def train_scst(config: ScstConfig) -> dict[str, Any]:
    """Run (or resume) self-critical training; returns the best val metrics and the history."""
    cfg = config.resolved()
    assert cfg.out is not None and cfg.captions is not None and cfg.images is not None
    if cfg.samples < 2:
        raise ValueError("SCST needs at least 2 samples per image (the baseline is the others' mean)")
    cfg.out.mkdir(parents=True, exist_ok=True)
    device = select_device(cfg.device)
    seed_everything(cfg.seed)
    decoder, vocab, model_config = load_model(cfg.init, device)
    length_penalty = cfg.length_penalty if cfg.length_penalty is not None else model_config.length_penalty
    run = _ScstRun(decoder, vocab, model_config, length_penalty)
    data = _load_data(cfg, model_config.encoder, device)
    _start(cfg, run, device)
    per_epoch = math.ceil(len(data.train_names) / cfg.batch_size)
    round_batches = cfg.round_batches or per_epoch
    total = cfg.epochs * per_epoch
    while run.position < total:
        end = min(total, run.position + round_batches)
        t0 = time.time()
        train_reward = _train_round(cfg, run, data, end, per_epoch, total, device)
        run.position = end
        metrics, hyps = _validate(run, data, cfg, device)
        entry = {
            "batches": run.position,
            "epoch": round(run.position / per_epoch, 2),
            "train_reward": train_reward,
            "train_seconds": round(time.time() - t0, 1),
            **{k: v for k, v in metrics.items() if v is not None},
        }
        _record_round(cfg, run, entry, metrics, hyps, len(data.val_grouped))
        _save_round(cfg, run)
    if cfg.export is not None and (cfg.out / "best").is_dir():
        cfg.export.mkdir(parents=True, exist_ok=True)
        for name in ("model.safetensors", "config.json", "vocab.json", CHECKSUMS_FILE):
            shutil.copy2(cfg.out / "best" / name, cfg.export / name)
    return {"best_cider": run.best, "history": run.history, "model_dir": str(cfg.out / "best")}


def _load_data(cfg: ScstConfig, encoder: str, device: torch.device) -> _ScstData:
    """The splits, their cached grids (the same cache as ``assistant train`` builds) and the reward."""
    assert cfg.captions is not None and cfg.images is not None
    train_grouped, val_grouped = training_splits(
        read_captions(cfg.captions), cfg.train_splits, cfg.val_split, cfg.train_limit, cfg.val_limit
    )
    train_names, val_names = list(train_grouped), list(val_grouped)
    names = list(dict.fromkeys([*train_names, *val_names]))
    row_of = {name: i for i, name in enumerate(names)}
    cached = cached_features(
        encoder, cfg.images, names, device, root=cfg.feature_cache, progress=cfg.progress
    )  # (I, N, D) fp16, memory-mapped
    features = {
        split: torch.from_numpy(np.asarray(cached[[row_of[n] for n in split_names]]))  # indexing copies
        for split, split_names in (("train", train_names), ("val", val_names))
    }  # (I_split, N, D) fp16 each, in RAM
    reward = CiderD({name: [tokenize(c) for c in caps] for name, caps in train_grouped.items()})
    return _ScstData(train_names, val_grouped, features, reward)


def _start(cfg: ScstConfig, run: _ScstRun, device: torch.device) -> None:
    """The optimiser, and the state of ``last.pt`` when resuming."""
    assert cfg.out is not None
    seed_everything(cfg.seed)  # again: building an encoder for the feature cache consumed random numbers
    run.optimiser = torch.optim.Adam(run.decoder.parameters(), lr=cfg.lr)
    state_path = cfg.out / "last.pt"
    if state_path.is_file():
        state = torch.load(state_path, map_location=device, weights_only=True)
        run.decoder.load_state_dict(state["decoder"])
        run.optimiser.load_state_dict(state["optimiser"])
        torch.set_rng_state(state["rng"].cpu())
        run.position, run.best = int(state["position"]), float(state["best"])
        run.history = json.loads(state["history"])
        log.info("resuming %s after %d batches", cfg.out, run.position)
    else:
        (cfg.out / "train_config.json").write_text(json.dumps(cfg.to_json(), indent=2), encoding="utf-8")


def _train_round(
    cfg: ScstConfig,
    run: _ScstRun,
    data: _ScstData,
    end: int,
    per_epoch: int,
    total: int,
    device: torch.device,
) -> float:
    """Batches ``run.position .. end``; returns their mean reward."""
    assert run.optimiser is not None
    decoder, vocab = run.decoder, run.vocab
    decoder.train(cfg.dropout)
    reward_sum, count = 0.0, 0
    bar = tqdm(range(run.position, end), desc=f"scst {end}/{total}", unit="batch", disable=not cfg.progress)
    for index in bar:
        epoch, offset = divmod(index, per_epoch)
        order = torch.randperm(
            len(data.train_names), generator=torch.Generator().manual_seed(cfg.seed * 1000 + epoch)
        )
        batch = order[offset * cfg.batch_size : (offset + 1) * cfg.batch_size]  # (B,)
        feats = data.features["train"][batch].to(device, torch.float32)  # (B, N, D)
        words, log_probs, mask = sample_captions(
            decoder, feats, cfg.samples, vocab.start_id, vocab.end_id, cfg.max_len
        )  # (B*K, T) each
        keys = [data.train_names[i] for i in batch.tolist() for _ in range(cfg.samples)]
        rewards = torch.tensor(
            data.reward.scores(keys, [vocab.decode(row) for row in words.tolist()])
        )  # (B*K,)
        advantage = leave_one_out_advantage(rewards, cfg.samples).to(device)  # (B*K,)
        loss = -(advantage.unsqueeze(1) * log_probs * mask).sum() / mask.sum()
        run.optimiser.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(decoder.parameters(), cfg.grad_clip)
        run.optimiser.step()
        reward_sum, count = reward_sum + float(rewards.mean()), count + 1
        bar.set_postfix(reward=f"{reward_sum / count:.3f}")
    return reward_sum / max(1, count)


def _record_round(
    cfg: ScstConfig,
    run: _ScstRun,
    entry: dict[str, Any],
    metrics: dict[str, float | None],
    hyps: list[str],
    n_images: int,
) -> None:
    """Log the round and keep the best model folder."""
    assert cfg.out is not None
    run.history.append(entry)
    cider = float(metrics["cider"] or 0.0)
    improved = cider > run.best
    with (cfg.out / "log.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
    tqdm.write(
        f"after {run.position} batches: train CIDEr-D {entry['train_reward']:.3f} val BLEU-4 "
        f"{metrics['bleu4']:.4f} CIDEr {cider:.4f}{' (best)' if improved else ''} — e.g. '{hyps[0]}'"
    )
    if improved:
        run.best = cider
        _save_best(
            cfg, run.decoder, run.vocab, run.model_config, run.length_penalty, metrics, run.position, n_images
        )


def _save_round(cfg: ScstConfig, run: _ScstRun) -> None:
    """This round's weights (for checkpoint averaging, ``averaging.py``) and ``last.pt`` to resume from."""
    assert cfg.out is not None and run.optimiser is not None
    rounds = cfg.out / "rounds"
    rounds.mkdir(exist_ok=True)
    save_file(
        {k: v.detach().to("cpu").contiguous() for k, v in run.decoder.state_dict().items()},
        str(rounds / f"{run.position:06d}.safetensors"),
    )
    torch.save(
        {
            "decoder": run.decoder.state_dict(),
            "optimiser": run.optimiser.state_dict(),
            "rng": torch.get_rng_state(),
            "position": run.position,
            "best": run.best,
            "history": json.dumps(run.history),
        },
        cfg.out / "last.pt",
    )


def _validate(
    run: _ScstRun, data: _ScstData, cfg: ScstConfig, device: torch.device
) -> tuple[dict[str, float | None], list[str]]:
    hyps = caption_features(
        run.decoder,
        run.vocab,
        data.features["val"],
        cfg.val_beam,
        run.model_config.max_len,
        device=device,
        length_penalty=run.length_penalty,
    )
    keys = list(data.val_grouped)
    return score_captions(data.val_grouped, dict(zip(keys, hyps, strict=True)), meteor=False), hyps


def _save_best(
    cfg: ScstConfig,
    decoder: CaptionDecoder,
    vocab: Vocabulary,
    init_config: ModelConfig,
    length_penalty: float,
    metrics: dict[str, float | None],
    position: int,
    n_images: int,
) -> None:
    assert cfg.out is not None
    metadata = {
        "scst": {"batches": position, "config": cfg.to_json()},
        "val": {**metrics, "beam": cfg.val_beam, "n_images": n_images},
        "init": init_config.metadata,
    }
    config = ModelConfig(
        encoder=init_config.encoder,
        decoder=init_config.decoder,
        max_len=init_config.max_len,
        length_penalty=length_penalty,
        metadata=metadata,
    )
    save_model(cfg.out / "best", decoder, vocab, config, half=cfg.half)
