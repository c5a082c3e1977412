"""The captioner on onnxruntime and numpy: what the packaged app runs instead of a multi-GB torch.

This module must never import torch (a test checks it): the graphs come from :mod:`onnx_export`, image
preprocessing is :func:`assistant.vision.model.encoder.preprocess` redone in numpy/PIL, and decoding is
the one backend-free search of :mod:`assistant.vision.inference.beam_search`, which torch runs too;
:class:`OnnxSteps` supplies only the decoder graphs' steps, so both runtimes give the same captions.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import ModelError
from assistant.onnx_sessions import SessionSettings, open_session
from assistant.paths import cache_dir
from assistant.vision.inference.beam_search import Hypothesis, beam_search
from assistant.vision.inference.result import CaptionResult, attach_pooled, results_from_beams, stamp_timings
from assistant.vision.model.files import verified_sha256, verify_manifest
from assistant.vision.model.mirror import average_with_mirror, mirror_pixels
from assistant.vision.model.vocab import Vocabulary

ENCODER_FILE = "encoder.onnx"
DECODER_START_FILE = "decoder_start.onnx"
DECODER_STEP_FILE = "decoder_step.onnx"
DECODER_STEP_INT8_FILE = "decoder_step.int8.onnx"  # optional: weights dynamically quantised to int8
MANIFEST_FILE = "onnx.json"
MANIFEST_FORMAT = "assistant-captioner-onnx-1"
_WEIGHTS_FILE = "model.safetensors"  # = checkpoint.WEIGHTS_FILE (not imported: checkpoint imports torch)
_VOCAB_FILE = "vocab.json"
_CONFIG_FILE = "config.json"

_IMAGENET_MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
_IMAGENET_STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)

StartFn = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray, np.ndarray]]
StepFn = Callable[
    [np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
]


def default_onnx_dir(model_dir: Path) -> Path:
    """Where exports go unless told otherwise: ``<user cache>/onnx/<model folder name>/``."""
    return cache_dir() / "onnx" / Path(model_dir).resolve().name


#: A wheel or desktop bundle carries the model's export in ``<model folder>/onnx/`` (issue #19), made at
#: build time by packaging/build_wheel.py: never in git (~115 MB), never written by the app.
SHIPPED_ONNX_SUBDIR = "onnx"


def shipped_onnx_dir(model_dir: Path) -> Path:
    return Path(model_dir) / SHIPPED_ONNX_SUBDIR


def find_current_onnx(model_dir: Path) -> Path | None:
    """The export shipped beside the model when it matches the weights, else the user cache's (made by
    ``assistant export-onnx``); None when neither does. A fresh install thus captions with
    onnxruntime from the first picture, torch-free."""
    for candidate in (shipped_onnx_dir(model_dir), default_onnx_dir(model_dir)):
        if onnx_export_is_current(candidate, model_dir):
            return candidate
    return None


def weights_digest(model_dir: Path) -> str:
    """SHA-256 of the model's weights file: ties an export to the weights it came from."""
    known = verified_sha256(Path(model_dir) / _WEIGHTS_FILE)  # checked at load: not hashed again
    if known is not None:
        return known
    digest = hashlib.sha256()
    with open(Path(model_dir) / _WEIGHTS_FILE, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_manifest(onnx_dir: Path) -> dict[str, Any]:
    path = Path(onnx_dir) / MANIFEST_FILE
    if not path.is_file():
        raise ModelError(f"The ONNX captioning model is missing: no {MANIFEST_FILE} in {onnx_dir}.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        raise ModelError("The ONNX captioning model's manifest is damaged.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise ModelError("This folder does not hold an ONNX export of the assistant's captioning model.")
    return manifest


def _test_time_flip(model_dir: Path) -> bool:
    """The model's ``test_time_flip`` setting, read from its ``config.json`` (the export copies it).

    Read here rather than frozen into the export's manifest: it is a decoding choice, and changing it
    must not leave a stale export that decodes the old way.
    """
    try:
        config = json.loads((model_dir / _CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(isinstance(config, dict) and config.get("test_time_flip", False))


def onnx_export_is_current(onnx_dir: Path, model_dir: Path) -> bool:
    """True when ``onnx_dir`` holds a complete export of exactly ``model_dir``'s weights."""
    try:
        manifest = _read_manifest(onnx_dir)
    except ModelError:
        return False
    files = (ENCODER_FILE, DECODER_START_FILE, _VOCAB_FILE)
    if not all((Path(onnx_dir) / name).is_file() for name in files):
        return False
    # A shipped export may carry only the int8 step the app decodes with (issue #19: -66 MB).
    if not any((Path(onnx_dir) / name).is_file() for name in (DECODER_STEP_FILE, DECODER_STEP_INT8_FILE)):
        return False
    try:
        return bool(manifest.get("weights_sha256") == weights_digest(model_dir))
    except OSError:
        return False


def preprocess_np(images: Sequence[Image.Image], image_size: int, normalisation: str) -> np.ndarray:
    """PIL images -> ``(B, 3, S, S)`` float32, as :func:`~assistant.vision.model.encoder.preprocess` makes."""
    size = (image_size, image_size)
    arrays = []
    for image in images:
        resized = image.convert("RGB").resize(size, Image.Resampling.BILINEAR)
        arrays.append(np.asarray(resized, dtype=np.float32) / 255.0)  # (S, S, 3) in [0, 1]
    batch = np.stack(arrays)  # (B, S, S, 3)
    if normalisation == "minus_one_one":
        batch = batch * 2.0 - 1.0
    else:
        batch = (batch - _IMAGENET_MEAN) / _IMAGENET_STD
    return np.ascontiguousarray(batch.transpose(0, 3, 1, 2), dtype=np.float32)  # (B, 3, S, S)


class OnnxSteps:
    """A :class:`~assistant.vision.inference.beam_search.DecoderSteps` over the exported decoder graphs.

    ``start`` runs once per image and its state is repeated for the ``beams`` rows of that image
    (image-major, as the torch runtime lays them out); ``step`` returns log-probabilities with the
    banned ids already at ``-inf`` (the exported step graph does that).

    ``per_image``: run the step on one image's ``beams`` rows at a time. The int8 step quantises each
    activation with one scale for the whole run, so in a batch a picture's caption depended on its
    batch-mates (37 of 1,000 val captions differed between 8 and 16 a time): one image a run makes a
    caption the same at any batch size, as the hotkey's one picture has it. A picture whose rows all
    get ``finished_id`` (``<end>``) is done (the beam search feeds a finished picture nothing else,
    and a live one at least one word) and is not run: its rows' log-probabilities are 0 and ignored.
    """

    def __init__(
        self,
        start: StartFn,
        step: StepFn,
        features: np.ndarray,
        beams: int,
        per_image: bool = False,
        finished_id: int = -1,
    ) -> None:
        h0, c0, projected0 = start(features)  # (B, H), (B, H), (B, N, A): same for every beam of an image
        self._step = step
        self._rows = beams if per_image else None  # rows per step run; None: all at once
        self._finished_id = finished_id
        self.features = np.ascontiguousarray(np.repeat(features, beams, axis=0))  # (B*K, N, D)
        self.projected = np.ascontiguousarray(np.repeat(projected0, beams, axis=0))  # (B*K, N, A)
        self.h, self.c = np.repeat(h0, beams, axis=0), np.repeat(c0, beams, axis=0)  # (B*K, H)

    def step(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows = self._rows
        if rows is None or len(tokens) <= rows:
            out = self._step(tokens, self.h, self.c, self.features, self.projected)
            self.h, self.c = out[1], out[2]
            return out[0], out[3]  # (B*K, V), (B*K, N)
        logp: np.ndarray | None = None
        alpha: np.ndarray | None = None
        for s in range(0, len(tokens), rows):
            if (tokens[s : s + rows] == self._finished_id).all():
                continue  # a finished picture: its h, c stay, its outputs are never read
            part = self._step(
                *(a[s : s + rows] for a in (tokens, self.h, self.c, self.features, self.projected))
            )
            if logp is None or alpha is None:
                logp = np.zeros((len(tokens), part[0].shape[1]), dtype=np.float32)  # (B*K, V)
                alpha = np.zeros((len(tokens), part[3].shape[1]), dtype=np.float32)  # (B*K, N)
            logp[s : s + rows], self.h[s : s + rows], self.c[s : s + rows], alpha[s : s + rows] = part
        assert logp is not None and alpha is not None  # the search stops once every picture is done
        return logp, alpha  # (B*K, V), (B*K, N)

    def keep(self, rows: np.ndarray) -> None:
        self.h, self.c = self.h[rows], self.c[rows]


class OnnxCaptioner:
    """Encoder + decoder graphs on onnxruntime, with the numpy beam search; use from one thread."""

    def __init__(
        self,
        sessions: dict[str, Any],
        manifest: dict[str, Any],
        vocab: Vocabulary,
        int8: bool = False,
        test_time_flip: bool = False,
    ) -> None:
        self.int8 = int8  # which decoder step runs: the int8-weight one or fp32
        self.test_time_flip = test_time_flip  # caption from the picture's and its mirror's mean grid
        self.encoder = sessions["encoder"]
        self.start_session = sessions["start"]
        self.step_session = sessions["step"]
        self.manifest = manifest
        self.vocab = vocab
        self.image_size = int(manifest["image_size"])
        self.normalisation = str(manifest["normalisation"])
        self.max_len = int(manifest["max_len"])
        self.length_penalty = float(manifest["length_penalty"])
        self.encoder_name = str(manifest["encoder"])

    @classmethod
    def load(
        cls,
        onnx_dir: Path,
        model_dir: Path | None = None,
        threads: int | None = None,
        providers: Sequence[str] = ("CPUExecutionProvider",),
        allow_spinning: bool = False,
        int8: bool | None = False,
    ) -> OnnxCaptioner:
        """Open an export. With ``model_dir``, refuse an export made from other weights (stale cache).

        ``threads`` defaults to the cores this process may use. Worker threads do not busy-wait by
        default: on a 2-core machine shared with other programs spinning made captions several times
        slower (benchmarks/onnx_bench.py). ``int8`` uses the int8-weight decoder step (about 3x faster
        steps, rarely a different caption; not bit-compatible with torch); None uses it when the export
        has one, as the app does.
        """
        onnx_dir = Path(onnx_dir)
        verify_manifest(onnx_dir, "The ONNX captioning model")  # its SHA256SUMS, when the export has one
        if int8 is None:
            int8 = (onnx_dir / DECODER_STEP_INT8_FILE).is_file()
        manifest = _read_manifest(onnx_dir)
        if model_dir is not None:
            if not (Path(model_dir) / _WEIGHTS_FILE).is_file():
                raise ModelError(
                    f"The captioning model is incomplete: {_WEIGHTS_FILE} is missing in {model_dir}."
                )
            if manifest.get("weights_sha256") != weights_digest(Path(model_dir)):
                raise ModelError("The ONNX captioning model is out of date; export it again from the model.")
        vocab_path = onnx_dir / _VOCAB_FILE
        if not vocab_path.is_file() and model_dir is not None:
            vocab_path = Path(model_dir) / _VOCAB_FILE
        try:
            vocab = Vocabulary.load(vocab_path)
        except (OSError, ValueError, KeyError):
            raise ModelError(
                f"The ONNX captioning model's vocabulary is missing or damaged in {onnx_dir}."
            ) from None
        if len(vocab) != manifest.get("vocab_size"):
            raise ModelError("The ONNX captioning model's vocabulary does not match its graphs.")

        # One home for the settings (threads, spinning, memory arena): assistant/onnx_sessions.py.
        settings = SessionSettings(threads=threads or None, allow_spinning=allow_spinning)
        sessions = {}
        for key, name in (
            ("encoder", ENCODER_FILE),
            ("start", DECODER_START_FILE),
            ("step", DECODER_STEP_INT8_FILE if int8 else DECODER_STEP_FILE),
        ):
            path = onnx_dir / name
            if not path.is_file():
                raise ModelError(f"The ONNX captioning model is incomplete: {name} is missing in {onnx_dir}.")
            try:
                sessions[key] = open_session(path, settings, providers)
            except Exception as error:  # onnxruntime raises its own exception types for damaged files
                raise ModelError(f"The ONNX captioning model file {name} is damaged ({error}).") from None
        flip = _test_time_flip(Path(model_dir) if model_dir is not None else onnx_dir)
        return cls(sessions, manifest, vocab, int8=int8, test_time_flip=flip)

    def encode(self, images: Sequence[Image.Image], with_mirror: bool = False) -> np.ndarray:
        """``(B, N, D)`` grid features; ``with_mirror`` averages in the mirror images' grids (mirror.py)."""
        pixels = preprocess_np(images, self.image_size, self.normalisation)  # (B, 3, S, S)
        if with_mirror:
            pixels = np.concatenate([pixels, mirror_pixels(pixels)])  # (2B, 3, S, S): one encoder run
        (features,) = self.encoder.run(None, {"pixels": pixels})
        features = np.asarray(features, dtype=np.float32)  # (B or 2B, N, D)
        if with_mirror:
            plain, mirrored = np.split(features, 2)
            features = average_with_mirror(plain, mirrored)
        return features

    def _start(self, features: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        h, c, projected = self.start_session.run(None, {"features": features})
        return h, c, projected

    def _step(
        self, tokens: np.ndarray, h: np.ndarray, c: np.ndarray, features: np.ndarray, projected: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        feeds = {"tokens": tokens, "h": h, "c": c, "features": features, "projected": projected}
        logp, h, c, alpha = self.step_session.run(None, feeds)
        return logp, h, c, alpha

    def decode(
        self, features: np.ndarray, beam_size: int = 3, n_best: int = 1, near_misses: bool = False
    ) -> list[list[Hypothesis]]:
        features = np.ascontiguousarray(features, dtype=np.float32)  # (B, N, D)
        return beam_search(
            OnnxSteps(
                self._start,
                self._step,
                features,
                beam_size,
                per_image=self.int8,
                finished_id=self.vocab.end_id,
            ),
            len(features),
            self.vocab.start_id,
            self.vocab.end_id,
            beam_size=beam_size,
            max_len=self.max_len,
            length_penalty=self.length_penalty,
            n_best=n_best,
            near_misses=near_misses,
        )

    def caption_batch(
        self, images: Sequence[Image.Image], beam_size: int = 3, n_best: int = 1, near_misses: bool = False
    ) -> list[CaptionResult]:
        """The best caption per image; with ``n_best`` > 1 or ``near_misses`` each also lists the beam's
        others (its near misses last)."""
        t0 = time.perf_counter()
        features = self.encode(images, self.test_time_flip)  # (B, N, D)
        t1 = time.perf_counter()
        hyps = self.decode(features, beam_size, n_best, near_misses)
        t2 = time.perf_counter()
        results = results_from_beams(self.vocab, hyps, features.shape[1])
        stamp_timings(results, t0, t1, t2)
        attach_pooled(results, features)  # mean grid feature per image, for the contrastive score
        return results

    def caption(self, image: Image.Image, beam_size: int = 3) -> CaptionResult:
        return self.caption_batch([image], beam_size)[0]
