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
from assistant.vision.inference.torch_steps import banned_mask, log_probs
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
    """One decoder step with the search's banned ids and log-softmax folded in (``torch_steps.log_probs``)."""

    mask: torch.Tensor  # (V,) 0 or -inf

    def __init__(self, decoder: CaptionDecoder) -> None:
        super().__init__()
        self.decoder = decoder
        self.register_buffer("mask", banned_mask(decoder.config.vocab_size))

    def forward(
        self,
        tokens: torch.Tensor,
        h: torch.Tensor,
        c: torch.Tensor,
        features: torch.Tensor,
        projected: torch.Tensor,
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        logits, h, c, alpha = self.decoder.step(tokens, h, c, features, projected)  # (B, V), ...
        return log_probs(logits, self.mask), h, c, alpha


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


_STEP_INPUTS = ["tokens", "h", "c", "features", "projected"]
_STEP_OUTPUTS = ["log_probs", "h_out", "c_out", "alpha"]


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
        cells = _export_graphs(encoder, decoder, vocab.start_id, spec.image_size, out, opset)
    if int8:
        _quantise_step(out)
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


def _batch_axes(names: dict[str, list[str]]) -> dict[str, dict[int, str]]:
    """Axis 0 of every input and output is the (dynamic) batch."""
    return {name: {0: "batch"} for name in [*names["inputs"], *names["outputs"]]}


def _export_graphs(
    encoder: nn.Module, decoder: CaptionDecoder, start_id: int, image_size: int, out: Path, opset: int
) -> int:
    """Trace the encoder, the decoder's start and its step on a batch of two; returns the grid's cells."""
    pixels = torch.zeros(2, 3, image_size, image_size)
    batch_axis = {0: "batch"}
    encoder_io = {"inputs": ["pixels"], "outputs": ["features"]}
    _export(
        encoder,
        (pixels,),
        out / ENCODER_FILE,
        encoder_io,
        dict.fromkeys(["pixels", "features"], batch_axis),
        opset,
    )
    features = encoder(pixels).float()  # (2, N, D)
    start_io = {"inputs": ["features"], "outputs": ["h", "c", "projected"]}
    _export(_Start(decoder), (features,), out / DECODER_START_FILE, start_io, _batch_axes(start_io), opset)
    h, c, projected = decoder.start(features)
    tokens = torch.full((2,), start_id, dtype=torch.long)
    step_io = {"inputs": _STEP_INPUTS, "outputs": _STEP_OUTPUTS}
    step = _Step(decoder).eval()
    _export(
        step,
        (tokens, h, c, features, projected),
        out / DECODER_STEP_FILE,
        step_io,
        _batch_axes(step_io),
        opset,
    )
    return int(features.size(1))


def _quantise_step(out: Path) -> None:
    """``decoder_step.int8.onnx``: the step graph with int8 weights, one scale per output channel."""
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


def ensure_onnx(model_dir: Path, out_dir: Path | None = None, opset: int = 17) -> Path:
    """The ONNX folder for ``model_dir``, exported first when missing or stale (the weights changed)."""
    from assistant.vision.inference.onnx_captioner import onnx_export_is_current

    out = Path(out_dir) if out_dir is not None else default_onnx_dir(model_dir)
    if onnx_export_is_current(out, model_dir):
        return out
    return export_onnx(model_dir, out, opset)
