"""Export a captioning model folder to ONNX, for the torch-free runtime in :mod:`onnx_runtime`.

Three graphs are written, because beam search is a Python loop around single decoder steps:

- ``encoder.onnx``: ``pixels (B,3,S,S) -> features (B,N,D)``, the pretrained CNN grid;
- ``decoder_start.onnx``: ``features -> h, c (B,H), projected (B,N,A)``, once per image;
- ``decoder_step.onnx``: ``tokens (B,), h, c, features, projected -> log_probs (B,V), h, c, alpha (B,N)``.

The step graph already bans ``<pad>``, ``<start>`` and ``<unk>`` and applies ``log_softmax``, exactly
as the torch runtime's :func:`.torch_steps.log_probs` does, so the runtime only ranks candidates. A manifest
(``onnx.json``) records what the runtime needs without torch (image size, normalisation, ids, max length,
length penalty) and the SHA-256 of the source weights, so a stale export is detected; ``config.json`` and
``vocab.json`` are copied so the folder alone is enough to ship.

This module needs torch and the ``onnx`` package (a dev dependency): exporting is a build step, never
done by the packaged app.
"""

from __future__ import annotations

import json
import logging
import shutil
import warnings
from pathlib import Path

import torch
from torch import nn

from assistant.errors import ModelError
from assistant.vision.inference.beam_search import BANNED_IDS
from assistant.vision.inference.onnx_captioner import (
    DECODER_START_FILE,
    DECODER_STEP_FILE,
    DECODER_STEP_INT8_FILE,
    ENCODER_FILE,
    MANIFEST_FILE,
    MANIFEST_FORMAT,
    default_onnx_dir,
    weights_digest,
)
from assistant.vision.model.checkpoint import CONFIG_FILE, VOCAB_FILE, load_model
from assistant.vision.model.decoder import CaptionDecoder
from assistant.vision.model.encoder import build_encoder, encoder_spec
from assistant.vision.model.files import write_manifest


class _Start(nn.Module):
    def __init__(self, decoder: CaptionDecoder) -> None:
        super().__init__()
        self.decoder = decoder

    def forward(self, features: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.decoder.start(features)  # (B, H), (B, H), (B, N, A)


class _Step(nn.Module):
    """One decoder step with the search's banned ids and log-softmax folded in."""

    mask: torch.Tensor  # (V,) 0 or -inf

    def __init__(self, decoder: CaptionDecoder) -> None:
        super().__init__()
        self.decoder = decoder
        mask = torch.zeros(decoder.config.vocab_size)
        mask[list(BANNED_IDS)] = float("-inf")
        self.register_buffer("mask", mask)

    def forward(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        logits, h, c, alpha = self.decoder.step(tokens, h, c, features, projected)  # (B, V), ...
        return torch.log_softmax(logits + self.mask, dim=1), h, c, alpha


def _export(
    module: nn.Module,
    args: tuple[torch.Tensor, ...],
    path: Path,
    names: dict[str, list[str]],
    dynamic: dict[str, dict[int, str]],
    opset: int,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and folding notices
        torch.onnx.export(
            module,
            args,
            str(path),
            input_names=names["inputs"],
            output_names=names["outputs"],
            dynamic_axes=dynamic,
            opset_version=opset,
            do_constant_folding=True,
            dynamo=False,
        )


def export_onnx(
    model_dir: Path,
    out_dir: Path | None = None,
    opset: int = 17,
    encoder_weights: Path | str | None = "packaged",
    int8: bool = True,
) -> Path:
    """Write the three graphs, the manifest and copies of config/vocab; return the folder.

    ``out_dir`` defaults to :func:`default_onnx_dir` (the user cache): nothing large lands in the repository.
    ``int8`` also writes ``decoder_step.int8.onnx``, the step with int8 weights (onnxruntime dynamic
    quantisation): a step reads ~4x fewer bytes, which is what bounds it at batch K on a CPU. Scales are
    per output channel: with one scale per tensor the shipped two-member ensemble lost 0.005 val CIDEr
    against fp32, per channel it lost nothing (model card).
    """
    try:
        import onnx  # noqa: F401  (torch's exporter needs it; fail with a clear sentence instead)
    except ImportError:
        raise ModelError("Exporting to ONNX needs the onnx package: pip install onnx.") from None
    model_dir = Path(model_dir)
    decoder, vocab, config = load_model(model_dir, "cpu")
    if config.decoder.kind != "lstm":  # a single LSTM or an ensemble of them (ensemble.py)
        raise ModelError(f"Only LSTM captioners export to ONNX; this one is a {config.decoder.kind}.")
    spec = encoder_spec(config.encoder)
    encoder = build_encoder(config.encoder, encoder_weights)
    out = Path(out_dir) if out_dir is not None else default_onnx_dir(model_dir)
    out.mkdir(parents=True, exist_ok=True)

    with torch.inference_mode(False), torch.no_grad():
        pixels = torch.zeros(2, 3, spec.image_size, spec.image_size)
        _export(
            encoder,
            (pixels,),
            out / ENCODER_FILE,
            {"inputs": ["pixels"], "outputs": ["features"]},
            {"pixels": {0: "batch"}, "features": {0: "batch"}},
            opset,
        )
        features = encoder(pixels).float()  # (2, N, D)
        cells = features.size(1)
        _export(
            _Start(decoder),
            (features,),
            out / DECODER_START_FILE,
            {"inputs": ["features"], "outputs": ["h", "c", "projected"]},
            {name: {0: "batch"} for name in ("features", "h", "c", "projected")},
            opset,
        )
        h, c, projected = decoder.start(features)
        tokens = torch.full((2,), vocab.start_id, dtype=torch.long)
        _export(
            _Step(decoder).eval(),
            (tokens, h, c, features, projected),
            out / DECODER_STEP_FILE,
            {
                "inputs": ["tokens", "h", "c", "features", "projected"],
                "outputs": ["log_probs", "h_out", "c_out", "alpha"],
            },
            {
                name: {0: "batch"}
                for name in (
                    "tokens",
                    "h",
                    "c",
                    "features",
                    "projected",
                    "log_probs",
                    "h_out",
                    "c_out",
                    "alpha",
                )
            },
            opset,
        )

    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        logging.disable(logging.WARNING)  # it logs a "consider pre-processing" hint on the root logger
        try:
            quantize_dynamic(
                str(out / DECODER_STEP_FILE),
                str(out / DECODER_STEP_INT8_FILE),
                weight_type=QuantType.QInt8,
                per_channel=True,
            )
        finally:
            logging.disable(logging.NOTSET)
    shutil.copyfile(model_dir / CONFIG_FILE, out / CONFIG_FILE)
    shutil.copyfile(model_dir / VOCAB_FILE, out / VOCAB_FILE)
    manifest = {
        "format": MANIFEST_FORMAT,
        "model_name": model_dir.resolve().name,
        "weights_sha256": weights_digest(model_dir),
        "encoder": spec.name,
        "image_size": spec.image_size,
        "normalisation": spec.normalisation,
        "cells": cells,
        "vocab_size": len(vocab),
        "start_id": vocab.start_id,
        "end_id": vocab.end_id,
        "banned_ids": list(BANNED_IDS),
        "max_len": config.max_len,
        "length_penalty": config.length_penalty,
        "opset": opset,
        "int8_step": int8,
        "torch_version": torch.__version__,
    }
    (out / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    write_manifest(out)  # last: SHA256SUMS of every file of the export, verified when it is loaded
    return out


def ensure_onnx(model_dir: Path, out_dir: Path | None = None, opset: int = 17) -> Path:
    """The ONNX folder for ``model_dir``, exported first when missing or stale (the weights changed)."""
    from assistant.vision.inference.onnx_captioner import onnx_export_is_current

    out = Path(out_dir) if out_dir is not None else default_onnx_dir(model_dir)
    if onnx_export_is_current(out, model_dir):
        return out
    return export_onnx(model_dir, out, opset)
