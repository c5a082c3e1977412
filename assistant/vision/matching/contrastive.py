"""The contrastive image–text model at run time: caption confidence and text embeddings without torch.

Why: the packaged app captions with onnxruntime and never imports torch (~0.7 GB, seconds to start),
yet the composer wants the dual encoder's 0..1 confidence for every caption, and ``assistant search``
wants text embeddings. There is one model definition, the torch
:class:`assistant.vision.matching.contrastive_torch.DualEncoder`: saving a model exports its two
halves to ONNX beside the weights (``image.onnx``: pooled grid -> unit vector, ``text.onnx``: word ids
-> unit vector; :mod:`assistant.vision.training.contrastive_onnx`), and :class:`ContrastiveMatcher`
runs those graphs on onnxruntime. What is not the network stays here, once, torch-free: the folder
format, the config (:class:`ContrastiveConfig`, which the torch side uses too), turning captions into
word ids, and the calibration of cosines into a 0..1 confidence. This module must never import torch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import ModelError
from assistant.vision.inference.result import CaptionResult
from assistant.vision.inference.runtime import CaptionerLike
from assistant.vision.model.files import load_optional_extra
from assistant.vision.model.vocab import Vocabulary, tokenize

# The folder format, declared here (torch-free) and imported by assistant.vision.matching.contrastive_torch.
FORMAT_NAME = "assistant-contrastive"
FORMAT_VERSION = 1
WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE = "model.safetensors", "config.json", "vocab.json"
IMAGE_GRAPH, TEXT_GRAPH = "image.onnx", "text.onnx"  # the exported halves the run time uses
_NORMALISE_EPS = 1e-12  # torch.nn.functional.normalize's default


@dataclass
class ContrastiveConfig:
    """Shapes of the dual encoder and its calibration; stored in ``config.json`` (``"model"``)."""

    vocab_size: int
    feature_dim: int  # channels of the encoder grid (1280 for efficientnet-lite2)
    embed_dim: int = 256  # shared image/text space
    hidden_dim: int = 512  # image MLP hidden width
    word_dim: int = 256
    text_hidden: int = 256  # GRU width per direction
    max_tokens: int = 30
    dropout: float = 0.1
    init_temperature: float = 0.07
    # confidence = sigmoid(calib_scale * cosine + calib_bias), fitted after training on matched vs
    # mismatched training pairs (equal priors), so 0.5 means "as likely a match as not".
    calib_scale: float = 10.0
    calib_bias: float = -3.0
    # The image encoder whose grid it was trained on (older folders record it in the metadata only).
    encoder: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ContrastiveConfig:
        """The config of a ``config.json``; a missing ``encoder`` is taken from its metadata."""
        known = {f.name for f in fields(cls)}
        config = cls(**{k: v for k, v in dict(data["model"]).items() if k in known})
        metadata = data.get("metadata") or {}
        if config.encoder is None and isinstance(metadata, dict) and "encoder" in metadata:
            config = replace(config, encoder=str(metadata["encoder"]))
        return config


def word_ids(vocab: Vocabulary, caption: str, max_tokens: int) -> list[int]:
    """A caption's word ids, at most ``max_tokens``, no start/end tokens; no words gives one ``<unk>``."""
    return [vocab.stoi.get(t, vocab.unk_id) for t in tokenize(caption)[:max_tokens]] or [vocab.unk_id]


def caption_ids(vocab: Vocabulary, captions: Sequence[str], max_tokens: int) -> np.ndarray:
    """Captions -> padded word ids ``(B, T)`` int64: what both the torch model and the text graph read."""
    rows = [word_ids(vocab, c, max_tokens) for c in captions]
    width = max((len(r) for r in rows), default=1)
    return np.array([r + [0] * (width - len(r)) for r in rows], dtype=np.int64).reshape(len(rows), width)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float32)  # no overflow for large |x|


def confidence_from_similarity(config: ContrastiveConfig, similarity: np.ndarray | float) -> np.ndarray:
    """The calibrated 0..1 match probability of a cosine: 0.5 = as likely a match as not (equal priors)."""
    return _sigmoid(config.calib_scale * np.asarray(similarity, dtype=np.float32) + config.calib_bias)


def normalise(x: np.ndarray) -> np.ndarray:
    """Rows of ``x`` scaled to unit length (as ``torch.nn.functional.normalize``), float32."""
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.asarray(x / np.maximum(norm, _NORMALISE_EPS), dtype=np.float32)


def read_contrastive_folder(
    directory: Path, files: Sequence[str] = (WEIGHTS_FILE,)
) -> tuple[dict[str, Any], Vocabulary]:
    """``config.json`` (format checked) and the vocabulary (size checked), after checking that
    ``files`` are there too: the torch loader needs the weights, the run time the graphs.

    Both loaders start here, so a missing or damaged folder reads the same sentence in either runtime.
    """
    directory = Path(directory)
    for name in (*files, CONFIG_FILE, VOCAB_FILE):
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
    return data, vocab


class ContrastiveMatcher:
    """Image features and captions -> unit vectors in the shared space, cosine, calibrated confidence.

    The exported graphs of the torch model on onnxruntime; use from one thread.
    """

    def __init__(self, image: Any, text: Any, config: ContrastiveConfig, vocab: Vocabulary) -> None:
        self._image = image  # onnxruntime session: features (B, D) -> embedding (B, E)
        self._text = text  # onnxruntime session: ids (B, T) -> embedding (B, E)
        self.config = config
        self.vocab = vocab

    @classmethod
    def load(cls, directory: Path, threads: int = 1) -> ContrastiveMatcher:
        """Read a model folder; a missing or damaged one raises :class:`ModelError` with one sentence."""
        from assistant.onnx_sessions import SessionSettings, open_session

        directory = Path(directory)
        data, vocab = read_contrastive_folder(directory, (IMAGE_GRAPH, TEXT_GRAPH))
        try:
            config = ContrastiveConfig.from_json(data)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ModelError(f"The image-text matching model's configuration is damaged ({error}).") from None
        settings = SessionSettings(threads=threads)  # small graphs: one thread beats waking others
        sessions = []
        for name in (IMAGE_GRAPH, TEXT_GRAPH):
            try:
                sessions.append(open_session(directory / name, settings))  # assistant/onnx_sessions.py
            except Exception as error:  # onnxruntime raises its own exception types for damaged files
                raise ModelError(f"The image-text matching model file {name} is damaged ({error}).") from None
        image, text = sessions
        if image.get_inputs()[0].shape[-1] != config.feature_dim:
            raise ModelError("The image-text matching model's graphs do not fit its configuration.")
        return cls(image, text, config, vocab)

    # -- image side ------------------------------------------------------------------------------
    def embed_images(self, features: np.ndarray, batch_size: int = 1024) -> np.ndarray:
        """Pooled ``(B, D)`` or grid ``(B, N, D)`` features -> ``(B, E)`` unit vectors."""
        features = np.asarray(features)
        if features.ndim == 3:
            features = features.astype(np.float32).mean(axis=1)  # (B, N, D) -> (B, D)
        features = np.asarray(features, dtype=np.float32)
        if features.ndim != 2 or features.shape[1] != self.config.feature_dim:
            raise ModelError("The image features do not fit the image-text matching model.")
        parts = [
            self._image.run(None, {"features": np.ascontiguousarray(features[start : start + batch_size])})[0]
            for start in range(0, len(features), batch_size)
        ]
        if not parts:
            return np.zeros((0, self.config.embed_dim), dtype=np.float32)
        return np.asarray(np.concatenate(parts), dtype=np.float32)

    # -- text side -------------------------------------------------------------------------------
    def known_words(self, text: str) -> list[str]:
        """The words of ``text`` the model knows (others would all read as one ``<unk>``)."""
        return [t for t in tokenize(text)[: self.config.max_tokens] if t in self.vocab.stoi]

    def encode_captions(self, captions: Sequence[str]) -> np.ndarray:
        """Padded word ids ``(B, T)``, as the torch model reads them (:func:`caption_ids`)."""
        return caption_ids(self.vocab, captions, self.config.max_tokens)

    def embed_texts(self, captions: Sequence[str], batch_size: int = 256) -> np.ndarray:
        """Captions -> ``(B, E)`` unit vectors."""
        parts = [
            self._text.run(None, {"ids": self.encode_captions(captions[start : start + batch_size])})[0]
            for start in range(0, len(captions), batch_size)
        ]
        if not parts:
            return np.zeros((0, self.config.embed_dim), dtype=np.float32)
        return np.asarray(np.concatenate(parts), dtype=np.float32)

    # -- scores ----------------------------------------------------------------------------------
    def similarity(self, image_features: np.ndarray, captions: Sequence[str]) -> np.ndarray:
        """Cosine similarities ``(n_images, n_captions)`` in -1..1."""
        return np.asarray(self.embed_images(image_features) @ self.embed_texts(captions).T, dtype=np.float32)

    def confidence_from_similarity(self, similarity: np.ndarray | float) -> np.ndarray:
        """The calibrated 0..1 match probability: 0.5 = as likely a match as not (equal priors)."""
        return confidence_from_similarity(self.config, similarity)

    def confidence(self, image_features: np.ndarray, caption: str) -> float:
        """How likely (0..1) ``caption`` fits one image: features ``(D,)``, ``(N, D)`` or ``(1, ...)``."""
        features = np.asarray(image_features)
        if features.ndim == 1 or (features.ndim == 2 and features.shape[0] != 1):
            features = features[None]  # (D,) pooled or (N, D) grid -> a batch of one
        return float(self.confidence_from_similarity(self.similarity(features, [caption]))[0, 0])


#: The name this class had when it was a numpy twin of the torch model.
NumpyContrastiveModel = ContrastiveMatcher


# -- the Describer's caption confidence -------------------------------------------------------------
DEFAULT_CONTRASTIVE_NAME = "flickr8k-lite2-contrastive"


def default_contrastive_dir() -> Path:
    """The shipped image-text matching model (a slim install may leave it out)."""
    from assistant.paths import resource_path

    return resource_path("models", DEFAULT_CONTRASTIVE_NAME)


def captioner_encoder(captioner: CaptionerLike) -> str:
    """The encoder name of either runtime (the protocol carries it: ``captioner.encoder_name``)."""
    return captioner.encoder_name


def load_caption_matcher(directory: Path | None, encoder: str | None) -> ContrastiveMatcher | None:
    """The image-text model for scoring captions, or None when it cannot apply (absent, damaged, or
    trained on another encoder's grid): the confidence is optional, nothing changes without it."""
    folder = Path(directory) if directory is not None else default_contrastive_dir()
    return load_optional_extra(folder, ContrastiveMatcher.load, encoder, "caption confidence")


def annotate_confidence(model: ContrastiveMatcher, result: CaptionResult) -> None:
    """Set ``result.confidence`` (0..1) from its caption and the mean grid feature it carries."""
    import time

    if result.pooled is None or not result.text.strip():
        return
    started = time.perf_counter()
    result.confidence = model.confidence(np.asarray(result.pooled), result.text)
    result.timings["confidence"] = (time.perf_counter() - started) * 1000
