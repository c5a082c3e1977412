"""Exporting the torch dual encoder's two halves to ONNX, the graphs the app runs (no torch there).

``image.onnx``: ``features (B, D)`` pooled grid -> ``embedding (B, E)``; ``text.onnx``: ``ids (B, T)``
right-padded word ids -> ``embedding (B, E)``. Both are traced from
:class:`~assistant.vision.matching.contrastive_torch.DualEncoder`'s own ``encode_images`` and
``encode_texts``, so the network is defined once. Weights that fp16 holds exactly (all of them when the
model was loaded from its fp16 ``model.safetensors``) are stored as fp16 with a cast to fp32 in front:
the graphs take half the disk and compute exactly what the fp32 ones would.

Needs torch and the ``onnx`` package (a dev dependency): exporting happens when a model is saved.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import nn

from assistant.errors import ModelError
from assistant.vision.matching.contrastive import IMAGE_GRAPH, TEXT_GRAPH

OPSET = 17
Encode = Callable[[torch.Tensor], torch.Tensor]


class _Half(nn.Module):
    """One of the dual encoder's two ``encode_*`` methods as a module (``net`` registered, so its
    weights are traced as weights, not constants)."""

    def __init__(self, net: nn.Module, encode: Encode) -> None:
        super().__init__()
        self.net = net
        self.encode = encode

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.encode(x)


def export_graphs(net: nn.Module, images: Encode, texts: Encode, feature_dim: int, directory: Path) -> None:
    """Write ``image.onnx`` (``images``: ``(B, feature_dim)`` -> ``(B, E)``) and ``text.onnx``
    (``texts``: ``(B, T)`` ids -> ``(B, E)``), the two ``encode_*`` methods of ``net``, into ``directory``."""
    try:
        import onnx  # noqa: F401  (torch's exporter needs it; fail with a clear sentence instead)
    except ImportError:
        raise ModelError("Saving an image-text model needs the onnx package: pip install onnx.") from None
    was_training = net.training
    net.eval()
    features = torch.zeros(2, feature_dim)
    ids = torch.tensor([[4, 5, 6], [4, 0, 0]], dtype=torch.long)  # ragged rows, as captions are
    try:
        with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and folding notices
            _export(_Half(net, images), features, "features", {0: "batch"}, directory / IMAGE_GRAPH)
            _export(_Half(net, texts), ids, "ids", {0: "batch", 1: "words"}, directory / TEXT_GRAPH)
    finally:
        net.train(was_training)
    for name in (IMAGE_GRAPH, TEXT_GRAPH):
        _store_half(directory / name)


def _export(module: nn.Module, example: torch.Tensor, name: str, axes: dict[int, str], path: Path) -> None:
    torch.onnx.export(
        module,
        (example,),
        str(path),
        input_names=[name],
        output_names=["embedding"],
        dynamic_axes={name: axes, "embedding": {0: "batch"}},
        opset_version=OPSET,
        do_constant_folding=True,
        dynamo=False,
    )


def _store_half(path: Path) -> None:
    """Store the fp32 weights that fp16 represents exactly as fp16, each behind a Cast back to fp32."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(path))
    graph = model.graph
    casts = []
    for index, tensor in enumerate(list(graph.initializer)):
        if tensor.data_type != TensorProto.FLOAT:
            continue
        values = numpy_helper.to_array(tensor)
        half = values.astype(np.float16)
        if values.size < 64 or not np.array_equal(half.astype(np.float32), values):
            continue  # small or not exact in fp16: left as it is
        name = tensor.name
        stored = numpy_helper.from_array(half, f"{name}__fp16")
        graph.initializer[index].CopyFrom(stored)
        casts.append(helper.make_node("Cast", [stored.name], [name], to=TensorProto.FLOAT))
    for node in reversed(casts):
        graph.node.insert(0, node)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
