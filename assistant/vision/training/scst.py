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
from typing import Any

import numpy as np
import torch
from safetensors.torch import save_file
from torch import nn
from tqdm import tqdm

from assistant.vision.evaluation.cider_d import CiderD
from assistant.vision.evaluation.metrics import score_captions
from assistant.vision.inference.beam_search import BANNED_IDS
from assistant.vision.model.checkpoint import ModelConfig, load_model, save_model
from assistant.vision.model.decoder import CaptionDecoder
from assistant.vision.model.device import select_device
from assistant.vision.model.files import CHECKSUMS_FILE
from assistant.vision.model.vocab import Vocabulary, tokenize
from assistant.vision.training.config import ScstConfig
from assistant.vision.training.data import read_captions, training_splits
from assistant.vision.training.features import cached_features
from assistant.vision.training.train import caption_features, seed_everything

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
        logits = logits.index_fill(1, torch.tensor(BANNED_IDS, device=logits.device), float("-inf"))
        logp = torch.log_softmax(logits, dim=1)  # (B*K, V)
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
    train_grouped, val_grouped = training_splits(
        read_captions(cfg.captions), cfg.train_splits, cfg.val_split, cfg.train_limit, cfg.val_limit
    )
    train_names, val_names = list(train_grouped), list(val_grouped)
    names = list(dict.fromkeys([*train_names, *val_names]))  # the same cache as ``assistant train`` builds
    row_of = {name: i for i, name in enumerate(names)}
    cached = cached_features(
        model_config.encoder, cfg.images, names, device, root=cfg.feature_cache, progress=cfg.progress
    )  # (I, N, D) fp16, memory-mapped
    features = {
        split: torch.from_numpy(np.asarray(cached[[row_of[n] for n in split_names]]))  # indexing copies
        for split, split_names in (("train", train_names), ("val", val_names))
    }  # (I_split, N, D) fp16 each, in RAM
    reward = CiderD({name: [tokenize(c) for c in caps] for name, caps in train_grouped.items()})

    seed_everything(cfg.seed)  # again: building an encoder for the feature cache consumed random numbers
    optimiser = torch.optim.Adam(decoder.parameters(), lr=cfg.lr)
    state_path = cfg.out / "last.pt"
    history: list[dict[str, Any]] = []
    position, best = 0, -math.inf  # batches done in total; best val CIDEr so far
    if state_path.is_file():
        state = torch.load(state_path, map_location=device, weights_only=True)
        decoder.load_state_dict(state["decoder"])
        optimiser.load_state_dict(state["optimiser"])
        torch.set_rng_state(state["rng"].cpu())
        position, best = int(state["position"]), float(state["best"])
        history = json.loads(state["history"])
        log.info("resuming %s after %d batches", cfg.out, position)
    else:
        (cfg.out / "train_config.json").write_text(json.dumps(cfg.to_json(), indent=2), encoding="utf-8")

    per_epoch = math.ceil(len(train_names) / cfg.batch_size)
    round_batches = cfg.round_batches or per_epoch
    total = cfg.epochs * per_epoch

    def order_of(epoch: int) -> torch.Tensor:
        return torch.randperm(
            len(train_names), generator=torch.Generator().manual_seed(cfg.seed * 1000 + epoch)
        )

    while position < total:
        decoder.train(cfg.dropout)
        end = min(total, position + round_batches)
        t0, reward_sum, count = time.time(), 0.0, 0
        bar = tqdm(range(position, end), desc=f"scst {end}/{total}", unit="batch", disable=not cfg.progress)
        for index in bar:
            epoch, offset = divmod(index, per_epoch)
            batch = order_of(epoch)[offset * cfg.batch_size : (offset + 1) * cfg.batch_size]  # (B,)
            feats = features["train"][batch].to(device, torch.float32)  # (B, N, D)
            words, log_probs, mask = sample_captions(
                decoder, feats, cfg.samples, vocab.start_id, vocab.end_id, cfg.max_len
            )  # (B*K, T) each
            keys = [train_names[i] for i in batch.tolist() for _ in range(cfg.samples)]
            rewards = torch.tensor(
                reward.scores(keys, [vocab.decode(row) for row in words.tolist()])
            )  # (B*K,)
            advantage = leave_one_out_advantage(rewards, cfg.samples).to(device)  # (B*K,)
            loss = -(advantage.unsqueeze(1) * log_probs * mask).sum() / mask.sum()
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(decoder.parameters(), cfg.grad_clip)
            optimiser.step()
            reward_sum, count = reward_sum + float(rewards.mean()), count + 1
            bar.set_postfix(reward=f"{reward_sum / count:.3f}")
        position = end
        metrics, hyps = _validate(
            decoder, vocab, features["val"], val_grouped, cfg, length_penalty, model_config.max_len, device
        )
        entry = {
            "batches": position,
            "epoch": round(position / per_epoch, 2),
            "train_reward": reward_sum / max(1, count),
            "train_seconds": round(time.time() - t0, 1),
            **{k: v for k, v in metrics.items() if v is not None},
        }
        history.append(entry)
        cider = float(metrics["cider"] or 0.0)
        improved = cider > best
        with (cfg.out / "log.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
        tqdm.write(
            f"after {position} batches: train CIDEr-D {entry['train_reward']:.3f} val BLEU-4 "
            f"{metrics['bleu4']:.4f} CIDEr {cider:.4f}{' (best)' if improved else ''} — e.g. '{hyps[0]}'"
        )
        if improved:
            best = cider
            _save_best(cfg, decoder, vocab, model_config, length_penalty, metrics, position, len(val_grouped))
        rounds = cfg.out / "rounds"  # every round's weights, for checkpoint averaging (averaging.py)
        rounds.mkdir(exist_ok=True)
        save_file(
            {k: v.detach().to("cpu").contiguous() for k, v in decoder.state_dict().items()},
            str(rounds / f"{position:06d}.safetensors"),
        )
        torch.save(
            {
                "decoder": decoder.state_dict(),
                "optimiser": optimiser.state_dict(),
                "rng": torch.get_rng_state(),
                "position": position,
                "best": best,
                "history": json.dumps(history),
            },
            state_path,
        )

    if cfg.export is not None and (cfg.out / "best").is_dir():
        cfg.export.mkdir(parents=True, exist_ok=True)
        for name in ("model.safetensors", "config.json", "vocab.json", CHECKSUMS_FILE):
            shutil.copy2(cfg.out / "best" / name, cfg.export / name)
    return {"best_cider": best, "history": history, "model_dir": str(cfg.out / "best")}


def _validate(
    decoder: CaptionDecoder,
    vocab: Vocabulary,
    features: torch.Tensor,
    grouped: dict[str, list[str]],
    cfg: ScstConfig,
    length_penalty: float,
    max_len: int,
    device: torch.device,
) -> tuple[dict[str, float | None], list[str]]:
    hyps = caption_features(
        decoder, vocab, features, cfg.val_beam, max_len, device=device, length_penalty=length_penalty
    )
    keys = list(grouped)
    return score_captions(grouped, dict(zip(keys, hyps, strict=True)), meteor=False), hyps


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
