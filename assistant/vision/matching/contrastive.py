"""The contrastive image–text model's forward pass in numpy: caption confidence without torch.

Why: the packaged app captions with onnxruntime and never imports torch (~0.7 GB, seconds to start),
yet the composer wants the dual encoder's 0..1 confidence for every caption, and ``assistant search``
wants text embeddings. The model is small (2.4 M parameters: an MLP on the pooled grid, a one-layer
bidirectional GRU on the words), so its forward pass is a few matrix products here, reading the same
``model.safetensors`` / ``config.json`` / ``vocab.json`` folder as
:class:`assistant.vision.matching.contrastive_torch.ContrastiveModel` (which it matches to 1e-4; see
tests/vision/test_contrastive_numpy_parity.py). This module must never import torch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.vision.model.files import load_optional_extra
from assistant.vision.model.vocab import Vocabulary, tokenize

# The folder format, declared here (torch-free) and imported by assistant.vision.matching.contrastive_torch.
FORMAT_NAME = "assistant-contrastive"
FORMAT_VERSION = 1
WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE = "model.safetensors", "config.json", "vocab.json"
_LAYER_NORM_EPS = 1e-5  # torch.nn.LayerNorm's default
_NORMALISE_EPS = 1e-12  # torch.nn.functional.normalize's default


@dataclass(frozen=True)
class NumpyContrastiveConfig:
    """The fields of ``config.json`` the forward pass and the calibration need."""

    vocab_size: int
    feature_dim: int
    embed_dim: int
    text_hidden: int
    max_tokens: int
    calib_scale: float
    calib_bias: float
    encoder: str | None  # the image encoder whose grid it was trained on, when recorded


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and scipy is not a dependency."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.asarray(sign * (1.0 - poly * np.exp(-a * a)), dtype=np.float32)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as ``torch.nn.GELU()``."""
    return np.asarray(0.5 * x * (1.0 + _erf(x / np.sqrt(2.0))), dtype=np.float32)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float32)  # no overflow for large |x|


def normalise(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length (as ``torch.nn.functional.normalize``), float32."""
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.asarray(x / np.maximum(norm, _NORMALISE_EPS), dtype=np.float32)


def read_contrastive_folder(directory: Path) -> tuple[dict[str, Any], Vocabulary, dict[str, np.ndarray]]:
    """``config.json`` (format checked), the vocabulary (size checked) and the weights as numpy arrays.

    Both loaders (this module's and torch's :class:`~assistant.vision.matching.contrastive_torch.ContrastiveModel`)
    start here, so a missing or damaged folder reads the same sentence in either runtime.
    """
    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    directory = Path(directory)
    for name in (WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE):
        if not (directory / name).is_file():
            raise ModelError(
                f"The image-text matching model is incomplete: {name} is missing in {directory}."
            )
    try:
        data = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        if data.get("format") != FORMAT_NAME or data.get("format_version") != FORMAT_VERSION:
            raise ModelError("This folder does not hold a readable image-text matching model.")
        vocab = Vocabulary.load(directory / VOCAB_FILE)
        vocab_size = int(data["model"]["vocab_size"])
    except ModelError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(f"The image-text matching model's configuration is damaged ({error}).") from None
    if vocab_size != len(vocab):
        raise ModelError("The image-text matching model's vocabulary does not match its weights.")
    try:
        weights = load_file(str(directory / WEIGHTS_FILE))
    except (SafetensorError, OSError, ValueError) as error:
        raise ModelError(f"The image-text matching model's weights are damaged ({error}).") from None
    return data, vocab, weights


class NumpyContrastiveModel:
    """Image features and captions -> unit vectors in the shared space, cosine, calibrated confidence."""

    def __init__(
        self, weights: dict[str, np.ndarray], config: NumpyContrastiveConfig, vocab: Vocabulary
    ) -> None:
        self.w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items()}
        self.config = config
        self.vocab = vocab
        self._t: dict[str, np.ndarray] = {}

    def _transposed(self, key: str) -> np.ndarray:
        """``w[key].T`` as a contiguous array, made once."""
        if key not in self._t:
            self._t[key] = np.ascontiguousarray(self.w[key].T)
        return self._t[key]

    @classmethod
    def load(cls, directory: Path) -> NumpyContrastiveModel:
        """Read a model folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        data, vocab, weights = read_contrastive_folder(directory)
        try:
            model: dict[str, Any] = data["model"]
            metadata = data.get("metadata") or {}
            config = NumpyContrastiveConfig(
                vocab_size=int(model["vocab_size"]),
                feature_dim=int(model["feature_dim"]),
                embed_dim=int(model.get("embed_dim", 256)),
                text_hidden=int(model.get("text_hidden", 256)),
                max_tokens=int(model.get("max_tokens", 30)),
                calib_scale=float(model.get("calib_scale", 10.0)),
                calib_bias=float(model.get("calib_bias", -3.0)),
                encoder=str(metadata["encoder"])
                if isinstance(metadata, dict) and "encoder" in metadata
                else None,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ModelError(f"The image-text matching model's configuration is damaged ({error}).") from None
        hidden = config.text_hidden
        expected = {
            "image_proj.0.weight": (config.feature_dim,),
            "image_proj.1.weight": (-1, config.feature_dim),
            "image_proj.4.weight": (config.embed_dim, -1),
            "embedding.weight": (config.vocab_size, -1),
            "gru.weight_hh_l0": (3 * hidden, hidden),
            "gru.weight_hh_l0_reverse": (3 * hidden, hidden),
            "text_proj.1.weight": (config.embed_dim, 2 * hidden),
        }
        for key, shape in expected.items():
            got = weights.get(key)
            if (
                got is None
                or len(got.shape) != len(shape)
                or any(want not in (-1, have) for want, have in zip(shape, got.shape, strict=True))
            ):
                raise ModelError("The image-text matching model's weights do not fit its configuration.")
        return cls(weights, config, vocab)

    # -- image side ------------------------------------------------------------------------------
    def embed_images(self, features: np.ndarray, batch_size: int = 1024) -> np.ndarray:
        """Pooled ``(B, D)`` or grid ``(B, N, D)`` features -> ``(B, E)`` unit vectors."""
        features = np.asarray(features)
        if features.ndim == 3:
            features = features.astype(np.float32).mean(axis=1)  # (B, N, D) -> (B, D)
        features = np.asarray(features, dtype=np.float32)
        if features.ndim != 2 or features.shape[1] != self.config.feature_dim:
            raise ModelError("The image features do not fit the image-text matching model.")
        w = self.w
        parts = []
        for start in range(0, len(features), batch_size):
            x = features[start : start + batch_size]  # (b, D)
            mean = x.mean(axis=1, keepdims=True)
            var = ((x - mean) ** 2).mean(axis=1, keepdims=True)
            x = (x - mean) / np.sqrt(var + _LAYER_NORM_EPS) * w["image_proj.0.weight"] + w[
                "image_proj.0.bias"
            ]
            x = _gelu(x @ self._transposed("image_proj.1.weight") + w["image_proj.1.bias"])  # (b, hidden)
            x = x @ self._transposed("image_proj.4.weight") + w["image_proj.4.bias"]  # (b, E)
            parts.append(normalise(x))
        if not parts:
            return np.zeros((0, self.config.embed_dim), dtype=np.float32)
        return np.concatenate(parts)

    # -- text side -------------------------------------------------------------------------------
    def known_words(self, text: str) -> list[str]:
        """The words of ``text`` the model knows (others would all read as one ``<unk>``)."""
        return [t for t in tokenize(text)[: self.config.max_tokens] if t in self.vocab.stoi]

    def encode_captions(self, captions: Sequence[str]) -> np.ndarray:
        """Padded word ids ``(B, T)``, as :func:`assistant.vision.matching.contrastive_torch.encode_captions`."""
        vocab = self.vocab
        rows = [
            [vocab.stoi.get(t, vocab.unk_id) for t in tokenize(c)[: self.config.max_tokens]] or [vocab.unk_id]
            for c in captions
        ]
        width = max((len(r) for r in rows), default=1)
        return np.array([r + [0] * (width - len(r)) for r in rows], dtype=np.int64).reshape(len(rows), width)

    def _gru_direction(self, inputs: np.ndarray, mask: np.ndarray, suffix: str, reverse: bool) -> np.ndarray:
        """One direction of ``nn.GRU`` over padded rows: ``(B, T, W)`` -> ``(B, T, H)``.

        Padded steps leave the state alone, so the reverse direction starts at each row's last word,
        exactly as a packed sequence does in torch.
        """
        w = self.w
        hidden = self.config.text_hidden
        batch, steps = mask.shape
        # Contiguous (in, out) weights and 2-D products: numpy's stacked 3-D matmul is many times slower.
        w_hh, b_hh = self._transposed(f"gru.weight_hh_l0{suffix}"), w[f"gru.bias_hh_l0{suffix}"]
        flat = inputs.reshape(batch * steps, -1)  # (B*T, W)
        gates_x = flat @ self._transposed(f"gru.weight_ih_l0{suffix}") + w[f"gru.bias_ih_l0{suffix}"]
        gates_x = gates_x.reshape(batch, steps, 3 * hidden)  # (B, T, 3H)
        h = np.zeros((batch, hidden), dtype=np.float32)
        out = np.zeros((batch, steps, hidden), dtype=np.float32)
        for t in reversed(range(steps)) if reverse else range(steps):
            gx = gates_x[:, t]  # (B, 3H), PyTorch gate order r, z, n
            gh = h @ w_hh + b_hh  # (B, 3H)
            r = _sigmoid(gx[:, :hidden] + gh[:, :hidden])
            z = _sigmoid(gx[:, hidden : 2 * hidden] + gh[:, hidden : 2 * hidden])
            n = np.tanh(gx[:, 2 * hidden :] + r * gh[:, 2 * hidden :])
            h_new = (1.0 - z) * n + z * h
            valid = mask[:, t : t + 1]  # (B, 1)
            h = np.where(valid, h_new, h).astype(np.float32)
            out[:, t] = h * valid
        return out

    def embed_texts(self, captions: Sequence[str], batch_size: int = 256) -> np.ndarray:
        """Captions -> ``(B, E)`` unit vectors."""
        parts = []
        for start in range(0, len(captions), batch_size):
            ids = self.encode_captions(captions[start : start + batch_size])  # (b, T)
            mask = ids != 0  # (b, T)
            embedded = self.w["embedding.weight"][ids]  # (b, T, W)
            forward = self._gru_direction(embedded, mask, "", reverse=False)  # (b, T, H)
            backward = self._gru_direction(embedded, mask, "_reverse", reverse=True)  # (b, T, H)
            lengths = np.maximum(mask.sum(axis=1, keepdims=True), 1).astype(np.float32)  # (b, 1)
            pooled = np.concatenate([forward, backward], axis=2).sum(axis=1) / lengths  # (b, 2H)
            projected = pooled @ self._transposed("text_proj.1.weight") + self.w["text_proj.1.bias"]  # (b, E)
            parts.append(normalise(projected))
        if not parts:
            return np.zeros((0, self.config.embed_dim), dtype=np.float32)
        return np.concatenate(parts)

    # -- scores ----------------------------------------------------------------------------------
    def similarity(self, image_features: np.ndarray, captions: Sequence[str]) -> np.ndarray:
        """Cosine similarities ``(n_images, n_captions)`` in -1..1."""
        return np.asarray(self.embed_images(image_features) @ self.embed_texts(captions).T, dtype=np.float32)

    def confidence_from_similarity(self, similarity: np.ndarray | float) -> np.ndarray:
        """The calibrated 0..1 match probability: 0.5 = as likely a match as not (equal priors)."""
        x = self.config.calib_scale * np.asarray(similarity, dtype=np.float32) + self.config.calib_bias
        return _sigmoid(x)

    def confidence(self, image_features: np.ndarray, caption: str) -> float:
        """How likely (0..1) ``caption`` fits one image: features ``(D,)``, ``(N, D)`` or ``(1, ...)``."""
        features = np.asarray(image_features)
        if features.ndim == 1 or (features.ndim == 2 and features.shape[0] != 1):
            features = features[None]  # (D,) pooled or (N, D) grid -> a batch of one
        return float(self.confidence_from_similarity(self.similarity(features, [caption]))[0, 0])


# -- the Describer's caption confidence -------------------------------------------------------------
DEFAULT_CONTRASTIVE_NAME = "flickr8k-lite2-contrastive"


def default_contrastive_dir() -> Path:
    """The shipped image-text matching model (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_CONTRASTIVE_NAME)


def captioner_encoder(captioner: object) -> str | None:
    """The encoder name of either runtime: torch ``Captioner.config.encoder`` or the ONNX manifest's."""
    config = getattr(captioner, "config", None)
    name = getattr(config, "encoder", None)
    if name is None:
        manifest = getattr(captioner, "manifest", None)
        name = manifest.get("encoder") if isinstance(manifest, dict) else None
    return str(name) if name else None


def load_caption_matcher(directory: Path | None, encoder: str | None) -> NumpyContrastiveModel | None:
    """The image-text model for scoring captions, or None when it cannot apply (absent, damaged, or
    trained on another encoder's grid): the confidence is optional, nothing changes without it."""
    folder = Path(directory) if directory is not None else default_contrastive_dir()
    return load_optional_extra(folder, NumpyContrastiveModel.load, encoder, "caption confidence")


def annotate_confidence(model: NumpyContrastiveModel, result: Any) -> None:
    """Set ``result.confidence`` (0..1) from its caption and the mean grid feature it carries."""
    import time

    pooled = getattr(result, "pooled", None)
    if pooled is None or not str(getattr(result, "text", "")).strip():
        return
    started = time.perf_counter()
    result.confidence = model.confidence(np.asarray(pooled), result.text)
    timings = getattr(result, "timings", None)
    if isinstance(timings, dict):
        timings["confidence"] = (time.perf_counter() - started) * 1000
