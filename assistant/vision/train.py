"""Training the captioner: one command, seeded, resumable, with a progress bar and per-epoch val metrics.

The encoder is frozen, so its grid features are computed once (``features.py``) and each epoch only
runs the decoder. Loss = cross-entropy with teacher forcing + the doubly stochastic attention
regulariser of Show, Attend and Tell (``alpha_c * sum_cells (1 - sum_t alpha)^2``). After every
epoch the val split is captioned from cached features and scored with pycocoevalcap; the best
CIDEr is exported as a model folder. ``last.pt`` (tensors and plain numbers only, loaded with
``weights_only=True``) lets an interrupted run resume where it stopped.
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

from assistant.vision.checkpoint import ModelConfig, save_model
from assistant.vision.data import group_by_image, read_captions
from assistant.vision.decoder import AttentionDecoder, DecoderConfig
from assistant.vision.device import select_device
from assistant.vision.features import cached_features
from assistant.vision.metrics import score_captions
from assistant.vision.search import beam_search, greedy_decode
from assistant.vision.train_config import TrainConfig
from assistant.vision.vocab import Vocabulary

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

    def __len__(self) -> int:
        return len(self.rows)


@torch.no_grad()
def _update_ema(ema: nn.Module, model: nn.Module, decay: float) -> None:
    for averaged, current in zip(ema.parameters(), model.parameters(), strict=True):
        averaged.lerp_(current, 1.0 - decay)


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def caption_features(
    decoder: AttentionDecoder,
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
    """Run (or resume) training; returns the best val metrics."""
    cfg = config.resolved()
    assert cfg.out is not None and cfg.captions is not None and cfg.images is not None
    cfg.out.mkdir(parents=True, exist_ok=True)
    device = select_device(cfg.device)
    _seed_everything(cfg.seed)
    if device.type == "cpu":
        torch.set_num_threads(max(1, torch.get_num_threads()))

    records = read_captions(cfg.captions)
    train_grouped = group_by_image(records, cfg.train_splits)
    val_grouped = group_by_image(records, [cfg.val_split])
    if cfg.train_limit:
        train_grouped = type(train_grouped)(list(train_grouped.items())[: cfg.train_limit])
    if cfg.val_limit:
        val_grouped = type(val_grouped)(list(val_grouped.items())[: cfg.val_limit])
    if not train_grouped or not val_grouped:
        raise ValueError("the captions file has no training or no validation images")

    vocab_path = cfg.out / "vocab.json"
    if vocab_path.is_file():
        vocab = Vocabulary.load(vocab_path)
    else:
        vocab = Vocabulary.build((c for caps in train_grouped.values() for c in caps), cfg.min_count)
        vocab.save(vocab_path)

    names = list(dict.fromkeys([*train_grouped, *val_grouped]))
    row_of = {name: i for i, name in enumerate(names)}
    features_np = cached_features(
        cfg.encoder, cfg.images, names, device, root=cfg.feature_cache, progress=cfg.progress
    )
    features = torch.from_numpy(np.array(features_np))  # (I, N, D) fp16, copied into RAM
    if device.type == "cuda":
        features = features.to(device)
    data = _Captions(train_grouped, row_of, vocab, cfg.max_tokens)
    val_rows = torch.tensor([row_of[n] for n in val_grouped])

    dconf = DecoderConfig(
        len(vocab), int(features.shape[2]), cfg.embed_dim, cfg.hidden_dim, cfg.attention_dim, cfg.dropout
    )
    _seed_everything(cfg.seed)  # again: building an encoder for the feature cache consumed random numbers
    decoder = AttentionDecoder(dconf).to(device)
    ema = copy.deepcopy(decoder).eval()  # the weights' moving average; only updated when cfg.ema > 0
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
        torch.set_rng_state(state["rng"].cpu())
        start_epoch, best, best_epoch, lr = (
            state["epoch"] + 1,
            state["best"],
            state["best_epoch"],
            state["lr"],
        )
        history = json.loads(state["history"])
        log.info("resuming %s at epoch %d", cfg.out, start_epoch + 1)
    (cfg.out / "train_config.json").write_text(json.dumps(cfg.to_json(), indent=2), encoding="utf-8")

    for epoch in range(start_epoch, cfg.epochs):
        if epoch - best_epoch > cfg.patience and best_epoch >= 0:
            log.info("early stop: no val improvement for %d epochs", cfg.patience)
            break
        for group in optimiser.param_groups:
            group["lr"] = lr
        decoder.train()
        order = torch.randperm(len(data), generator=torch.Generator().manual_seed(cfg.seed * 1000 + epoch))
        t0, total, count = time.time(), 0.0, 0
        bar = tqdm(
            range(0, len(order), cfg.batch_size),
            desc=f"epoch {epoch + 1}/{cfg.epochs}",
            unit="batch",
            disable=not cfg.progress,
        )
        for start in bar:
            batch = order[start : start + cfg.batch_size]
            width = int(data.lengths[batch].max())
            captions = data.ids[batch, :width].to(device)  # (B, T)
            feats = features[data.rows[batch].to(features.device)].to(device, torch.float32)  # (B, N, D)
            logits, alphas = decoder(feats, captions)  # (B, T-1, V), (B, T-1, N)
            targets = captions[:, 1:]  # (B, T-1)
            loss = criterion(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
            mask = (targets != 0).unsqueeze(2).float()  # (B, T-1, 1)
            loss = loss + cfg.alpha_c * ((1.0 - (alphas * mask).sum(dim=1)) ** 2).mean()
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(decoder.parameters(), cfg.grad_clip)
            optimiser.step()
            if cfg.ema > 0:
                _update_ema(ema, decoder, cfg.ema)
            total, count = total + loss.item(), count + 1
            bar.set_postfix(loss=f"{total / count:.3f}")
        train_seconds = time.time() - t0

        scored = ema if cfg.ema > 0 else decoder
        hyps = caption_features(
            scored,
            vocab,
            features[val_rows.to(features.device)],
            cfg.val_beam,
            cfg.max_tokens,
            length_penalty=cfg.length_penalty,
        )
        keys = list(val_grouped)
        metrics = score_captions(dict(val_grouped), dict(zip(keys, hyps, strict=True)), meteor=False)
        entry = {
            "epoch": epoch + 1,
            "loss": total / max(count, 1),
            "lr": lr,
            "train_seconds": round(train_seconds, 1),
            **{k: v for k, v in metrics.items() if v is not None},
        }
        history.append(entry)
        with (cfg.out / "log.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry) + "\n")
        cider = float(metrics["cider"] or 0.0)
        improved = cider > best
        tqdm.write(
            f"epoch {epoch + 1}: loss {entry['loss']:.3f} val BLEU-4 {metrics['bleu4']:.4f} "
            f"CIDEr {cider:.4f}{' (best)' if improved else ''} — e.g. '{hyps[0]}'"
        )
        if improved:
            best, best_epoch = cider, epoch
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
        torch.save(
            {
                "decoder": decoder.state_dict(),
                "ema": ema.state_dict(),
                "optimiser": optimiser.state_dict(),
                "rng": torch.get_rng_state(),
                "epoch": epoch,
                "best": best,
                "best_epoch": best_epoch,
                "lr": lr,
                "history": json.dumps(history),
            },
            state_path,
        )

    if cfg.export is not None:
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
