"""Contrastive image–text dual encoder (CLIP-style) over the captioner's cached encoder features.

Why: the captioner only says how likely its words are, not whether they fit the picture. A dual
encoder trained with the symmetric InfoNCE loss scores any caption against any image, which gives
(a) a re-ranking signal for beam candidates, (b) a 0..1 ``confidence`` the composer can hedge on, and
(c) text -> image search over a folder. It is tiny: the image side is the mean-pooled encoder grid
(already cached for captioner training) through a two-layer MLP; the text side is a word embedding
over the captioner's vocabulary, a bidirectional GRU and a masked mean, both L2-normalised.

Model folders hold ``config.json`` + ``vocab.json`` + the exported graphs the app runs, and, unless saved
without them, the torch weights ``model.safetensors`` — never a pickle. The shipped folder holds no torch
weights: the graphs are its only copy (:meth:`ContrastiveModel.save`).
"""

from __future__ import annotations

import copy
import json
import math
import random
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
from safetensors.torch import save_file
from torch import nn
from torch.nn import functional as F

from assistant.errors import ModelError
from assistant.vision.matching.contrastive import (
    CONFIG_FILE,
    FORMAT_NAME,
    FORMAT_VERSION,
    IMAGE_GRAPH,
    TEXT_GRAPH,
    VOCAB_FILE,
    WEIGHTS_FILE,
    ContrastiveConfig,
    caption_ids,
    confidence_from_similarity,
    read_contrastive_folder,
    word_ids,
)
from assistant.vision.matching.contrastive_onnx import export_graphs
from assistant.vision.model.files import write_manifest
from assistant.vision.model.vocab import Vocabulary


def _right_aligned(ids: torch.Tensor) -> torch.Tensor:
    """``ids (B, T)`` right-padded -> the same words ending at column ``T-1``, padding (0) before them."""
    steps = ids.size(1)
    position = torch.arange(steps, device=ids.device).unsqueeze(0)  # (1, T)
    shift = steps - (ids != 0).sum(dim=1, keepdim=True)  # (B, 1) padding per row
    moved = ids.gather(1, (position - shift).clamp(min=0))  # (B, T)
    return torch.where(position >= shift, moved, torch.zeros_like(ids))


class DualEncoder(nn.Module):
    """Image features ``(B, D)`` or ``(B, N, D)`` and word ids ``(B, T)`` -> unit vectors ``(B, E)``."""

    def __init__(self, config: ContrastiveConfig) -> None:
        super().__init__()
        self.config = config
        self.image_proj = nn.Sequential(
            nn.LayerNorm(config.feature_dim),
            nn.Linear(config.feature_dim, config.hidden_dim),
            nn.GELU(),
            nn.Dropout(config.dropout),
            nn.Linear(config.hidden_dim, config.embed_dim),
        )
        self.embedding = nn.Embedding(config.vocab_size, config.word_dim, padding_idx=0)
        self.gru = nn.GRU(config.word_dim, config.text_hidden, batch_first=True, bidirectional=True)
        self.text_proj = nn.Sequential(
            nn.Dropout(config.dropout), nn.Linear(2 * config.text_hidden, config.embed_dim)
        )
        # CLIP's learned temperature, as log(1 / T); clamped at 100 when used.
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1.0 / config.init_temperature)))

    def encode_images(self, features: torch.Tensor) -> torch.Tensor:
        if features.dim() == 3:
            features = features.float().mean(dim=1)  # (B, N, D) -> (B, D)
        return F.normalize(self.image_proj(features.float()), dim=-1)

    def encode_texts(self, ids: torch.Tensor) -> torch.Tensor:
        """``ids (B, T)``, right-padded with 0 -> ``(B, E)``: the masked mean of the bidirectional GRU.

        The GRU runs twice over plain padded tensors instead of once over a packed sequence, so the
        same code exports to ONNX (:mod:`assistant.vision.matching.contrastive_onnx`): the forward
        direction is exact on the right-padded words (padding comes after them), the reverse one on
        the words moved to the right end (padding comes before them, and it runs right to left).
        """
        mask = (ids != 0).unsqueeze(2).float()  # (B, T, 1)
        lengths = mask.sum(dim=1).clamp(min=1.0)  # (B, 1)
        hidden = self.config.text_hidden
        forward, _ = self.gru(self.embedding(ids))  # (B, T, 2H): its first half is exact
        right = _right_aligned(ids)  # (B, T) padding first
        backward, _ = self.gru(self.embedding(right))  # (B, T, 2H): its second half is exact
        right_mask = (right != 0).unsqueeze(2).float()  # (B, T, 1)
        pooled = (
            torch.cat(
                [(forward[..., :hidden] * mask).sum(dim=1), (backward[..., hidden:] * right_mask).sum(dim=1)],
                dim=1,
            )
            / lengths
        )  # (B, 2H)
        return F.normalize(self.text_proj(pooled), dim=-1)

    def scale(self) -> torch.Tensor:
        return self.logit_scale.clamp(max=math.log(100.0)).exp()


def info_nce(image_emb: torch.Tensor, text_emb: torch.Tensor, scale: torch.Tensor) -> torch.Tensor:
    """Symmetric InfoNCE: row ``i`` of each side is the positive of row ``i`` of the other."""
    logits = scale * image_emb @ text_emb.t()  # (B, B)
    target = torch.arange(logits.size(0), device=logits.device)
    return (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target)) / 2


def encode_captions(vocab: Vocabulary, captions: Sequence[str], max_tokens: int) -> torch.Tensor:
    """Captions -> padded word ids ``(B, T)`` (no start/end tokens; an empty caption becomes ``<unk>``)."""
    return torch.from_numpy(caption_ids(vocab, captions, max_tokens))


class ContrastiveModel:
    """The trained dual encoder with its vocabulary: what scoring, re-ranking and search use."""

    def __init__(self, net: DualEncoder, vocab: Vocabulary, metadata: dict[str, Any] | None = None) -> None:
        self.net = net.eval()
        self.vocab = vocab
        self.metadata = dict(metadata or {})

    @property
    def config(self) -> ContrastiveConfig:
        return self.net.config

    @torch.inference_mode()
    def embed_images(self, features: torch.Tensor, batch_size: int = 1024) -> torch.Tensor:
        parts = [
            self.net.encode_images(features[i : i + batch_size]) for i in range(0, len(features), batch_size)
        ]
        return torch.cat(parts)

    @torch.inference_mode()
    def embed_texts(self, captions: Sequence[str], batch_size: int = 1024) -> torch.Tensor:
        parts = [
            self.net.encode_texts(
                encode_captions(self.vocab, captions[i : i + batch_size], self.config.max_tokens)
            )
            for i in range(0, len(captions), batch_size)
        ]
        return torch.cat(parts)

    def similarity(self, image_features: torch.Tensor, captions: Sequence[str]) -> torch.Tensor:
        """Cosine similarities ``(n_images, n_captions)`` in -1..1; features ``(B, D)`` or ``(B, N, D)``."""
        return self.embed_images(image_features) @ self.embed_texts(captions).t()

    def confidence_from_similarity(self, similarity: torch.Tensor) -> torch.Tensor:
        """The run time's calibration, :func:`.contrastive.confidence_from_similarity`, on a tensor."""
        return torch.from_numpy(confidence_from_similarity(self.config, similarity.detach().cpu().numpy()))

    def confidence(self, image_features: torch.Tensor, caption: str) -> float:
        """How likely (0..1) ``caption`` fits one image: features ``(D,)``, ``(N, D)`` or ``(1, ...)``."""
        features = image_features
        if features.dim() == 1 or (features.dim() == 2 and features.size(0) != 1):
            features = features.unsqueeze(0)  # (D,) pooled or (N, D) grid -> a batch of one
        return float(self.confidence_from_similarity(self.similarity(features, [caption]))[0, 0])

    def save(self, directory: Path, *, torch_weights: bool = True) -> None:
        """``config.json`` + ``vocab.json`` + the ONNX graphs + checksums, and ``model.safetensors`` (fp16).

        ``torch_weights=False`` leaves out ``model.safetensors``: the folder the app ships holds only what
        it runs (issue #16: the same weights twice cost 4.7 MB of the 60 allowed). The graphs hold the
        same fp16 numbers; keep the torch weights when you mean to train on from them.
        """
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        tensors = {
            k: v.detach().to("cpu", torch.float16).contiguous() for k, v in self.net.state_dict().items()
        }
        tensors["logit_scale"] = self.net.logit_scale.detach().float().reshape(())  # keep exact
        (directory / WEIGHTS_FILE).unlink(missing_ok=True)  # never an old copy beside new graphs
        if torch_weights:
            save_file(tensors, str(directory / WEIGHTS_FILE), metadata={"format": FORMAT_NAME})
        config = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "model": asdict(self.config),
            "metadata": self.metadata,
        }
        (directory / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        self.vocab.save(directory / VOCAB_FILE)
        stored = copy.deepcopy(self.net)  # the graphs compute with the weights as stored: fp16-rounded
        stored.load_state_dict({k: v.half().float() for k, v in self.net.state_dict().items()})
        # image.onnx and text.onnx, what the app runs
        export_graphs(stored, stored.encode_images, stored.encode_texts, self.config.feature_dim, directory)
        names = [CONFIG_FILE, VOCAB_FILE, IMAGE_GRAPH, TEXT_GRAPH] + ([WEIGHTS_FILE] if torch_weights else [])
        write_manifest(directory, names)  # last: checksums of what is there

    @classmethod
    def load(cls, directory: Path, device: str | torch.device = "cpu") -> ContrastiveModel:
        data, vocab = read_contrastive_folder(directory)
        weights = _read_weights(Path(directory) / WEIGHTS_FILE)
        try:
            config = ContrastiveConfig.from_json(data)
        except (ValueError, KeyError, TypeError) as error:
            raise ModelError(f"The image-text matching model's configuration is damaged ({error}).") from None
        net = DualEncoder(config)
        try:
            net.load_state_dict({k: v.float() for k, v in weights.items()})
        except RuntimeError:
            raise ModelError(
                "The image-text matching model's weights do not fit its configuration."
            ) from None
        return cls(net.to(device), vocab, data.get("metadata"))


def _read_weights(path: Path) -> dict[str, torch.Tensor]:
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError) as error:
        raise ModelError(f"The image-text matching model's weights are damaged ({error}).") from None


@dataclass
class ContrastiveTrainConfig:
    epochs: int = 40
    batch_size: int = 256
    lr: float = 2e-3
    weight_decay: float = 0.05
    seed: int = 0
    model: dict[str, Any] = field(default_factory=dict)  # overrides of ContrastiveConfig fields


def train_contrastive(
    features: torch.Tensor,
    captions: Sequence[Sequence[str]],
    vocab: Vocabulary,
    cfg: ContrastiveTrainConfig | None = None,
    log: Any = None,
) -> tuple[ContrastiveModel, list[float]]:
    """Train on ``features[i]`` (``(I, D)`` or ``(I, N, D)``) paired with any of ``captions[i]``.

    Each epoch visits every image once with one of its captions drawn at random, so a batch never holds
    two captions of one image (which would be false negatives). Returns the model and the mean loss
    per epoch. The confidence calibration is then fitted on matched vs shuffled training pairs.
    """
    cfg = cfg or ContrastiveTrainConfig()
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    pooled = features.float().mean(dim=1) if features.dim() == 3 else features.float()
    config = ContrastiveConfig(vocab_size=len(vocab), feature_dim=int(pooled.size(1)), **cfg.model)
    net = DualEncoder(config)
    decay = [p for n, p in net.named_parameters() if p.dim() >= 2 and not n.startswith("embedding")]
    other = [p for n, p in net.named_parameters() if not (p.dim() >= 2 and not n.startswith("embedding"))]
    optimiser = torch.optim.AdamW(
        [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": other, "weight_decay": 0.0}],
        lr=cfg.lr,
    )
    steps_per_epoch = max(1, math.ceil(len(pooled) / cfg.batch_size))
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=cfg.lr, total_steps=cfg.epochs * steps_per_epoch, pct_start=0.1
    )
    encoded = [word_ids(vocab, c, config.max_tokens) for caps in captions for c in caps]
    offsets, start = [], 0
    for caps in captions:
        offsets.append((start, len(caps)))
        start += len(caps)
    history: list[float] = []
    net.train()
    for epoch in range(cfg.epochs):
        order = list(range(len(pooled)))
        rng.shuffle(order)
        total = 0.0
        for step in range(steps_per_epoch):
            rows = order[step * cfg.batch_size : (step + 1) * cfg.batch_size]
            if len(rows) < 2:
                continue
            texts = [encoded[offsets[r][0] + rng.randrange(offsets[r][1])] or [vocab.unk_id] for r in rows]
            width = max(len(t) for t in texts)
            ids = torch.tensor([t + [0] * (width - len(t)) for t in texts], dtype=torch.long)
            loss = info_nce(net.encode_images(pooled[rows]), net.encode_texts(ids), net.scale())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss.detach()) * len(rows)
        history.append(total / len(pooled))
        if log is not None:
            temperature = 1 / float(net.scale().detach())
            log(f"epoch {epoch + 1}/{cfg.epochs} loss {history[-1]:.4f} temperature {temperature:.4f}")
    model = ContrastiveModel(net, vocab, {"loss_history": history})
    _calibrate(model, pooled, [caps[0] for caps in captions], seed=cfg.seed)
    return model, history


def _calibrate(model: ContrastiveModel, pooled: torch.Tensor, captions: Sequence[str], seed: int) -> None:
    """Logistic fit of match / no match on the cosine: positives are true pairs, negatives shifted pairs."""
    count = min(len(pooled), 4000)
    if count < 2:
        return
    generator = torch.Generator().manual_seed(seed)
    rows = torch.randperm(len(pooled), generator=generator)[:count]
    image_emb = model.embed_images(pooled[rows])
    text_emb = model.embed_texts([captions[int(r)] for r in rows])
    positive = (image_emb * text_emb).sum(dim=1)
    negative = (image_emb * text_emb.roll(1, dims=0)).sum(dim=1)
    x = torch.cat([positive, negative]).clone()
    y = torch.cat([torch.ones(count), torch.zeros(count)])
    params = torch.tensor([10.0, -3.0], requires_grad=True)
    optimiser = torch.optim.LBFGS([params], max_iter=100)

    def closure() -> torch.Tensor:
        optimiser.zero_grad()
        loss = F.binary_cross_entropy_with_logits(params[0] * x + params[1], y)
        loss.backward()
        return loss

    with torch.enable_grad():
        optimiser.step(closure)
    scale, bias = params.detach().tolist()
    model.config.calib_scale, model.config.calib_bias = float(scale), float(bias)
