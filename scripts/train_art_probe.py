"""Train the photo / painting / drawing probe (resources/models/art-lite2-probe) (issue #16).

Paintings were taken for photos and given a Flickr8k sentence ("A man is sitting on a rock." for a
sea of waves). This fits one softmax layer on the pooled feature of the captioner's own encoder (the
``pooled`` vector every caption result carries: no second model run) to tell how a picture was made:

- **photo**: Flickr8k's training photos (the caption memory's features, and the photos rendered below
  as themselves) and ~650 Debian photos (``~/.cache/assistant/person-src``: monuments, animals,
  cut-out stamps, wallpapers; the wild set's pictures left out);
- **painting**: a seeded sample of Flickr8k training photos painted (scripts/art_renderings.py:
  watercolour, oil, brush strokes, ink wash, woodblock print): the same photos as the photo class, so
  that the probe learns the making, not the subject;
- **drawing**: the same photos as cartoons, and the icon-and-drawing head's Debian pictures (icon
  themes, openclipart, GComPris' word pictures; ``~/.cache/assistant/graphics-set``, made by
  scripts/train_graphics_head.py, the wild set's pictures and near copies left out).

    .venv/bin/python scripts/train_art_probe.py            # render + encode (cached), train, check, ship
    .venv/bin/python scripts/train_art_probe.py --no-save  # train and check only

Seeded (``--seed``); the renderings are encoded once into resumable shards in ``~/.cache/assistant/
art-set`` (~1,800 pictures, a few minutes on two cores). The check prints, for the shipped probe: the
held-out renderings' style accuracy, the Flickr8k val photos it calls paintings or drawings (must be
~0), and the wild set's half A by kind (half B is never read).
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

import art_renderings  # noqa: E402

CACHE = Path.home() / ".cache" / "assistant"
WORK = CACHE / "art-set"
FLICKR = REPO.parent / "shared" / "data" / "flickr8k"
CLASSES = ("photo", "painting", "drawing")
SHARD = 32


def train_photos(count: int, seed: int) -> list[str]:
    with (FLICKR / "captions.tsv").open(encoding="utf-8") as f:
        names = sorted({row["image"] for row in csv.DictReader(f, delimiter="\t") if row["split"] == "train"})
    order = np.random.default_rng(seed).permutation(len(names))
    return [names[i] for i in order[:count]]


def _shards() -> list[Path]:
    return [p for p in sorted(WORK.glob("shard*.npz")) if ".tmp" not in p.name]


def encode(names: list[str], seed: int, threads: int) -> None:
    """Each photo as itself, painted, and (every other one) as a cartoon; pooled features in shards."""
    import torch
    from PIL import Image

    from assistant.paths import default_model_dir
    from assistant.vision.inference.torch_captioner import Captioner

    torch.set_num_threads(threads)
    captioner = Captioner.load(default_model_dir(), device="cpu")
    WORK.mkdir(parents=True, exist_ok=True)
    done = {str(k).split(":", 1)[1] for path in _shards() for k in np.load(path)["keys"]}
    todo = [n for n in names if n not in done]
    first = len(_shards())
    per = SHARD // 3
    for start in range(0, len(todo), per):
        t0 = time.perf_counter()
        keys, images = [], []
        for name in todo[start : start + per]:
            rng = np.random.default_rng([seed, int(name.split("_")[0])])
            rgb = np.asarray(Image.open(FLICKR / "images" / name).convert("RGB"))
            keys.append(f"photo:{name}")
            images.append(Image.fromarray(art_renderings._fit(rgb)))
            keys.append(f"painting:{name}")
            images.append(Image.fromarray(art_renderings.render(rgb, "painting", rng)))
            if int(name.split("_")[0]) % 2 == 0:
                keys.append(f"cartoon:{name}")
                images.append(Image.fromarray(art_renderings.render(rgb, "cartoon", rng)))
        pooled = captioner.encode(images, False).mean(dim=1).numpy().astype(np.float32)  # (B, D)
        path = WORK / f"shard{first + start // per:04d}.npz"
        np.savez(path.with_suffix(".tmp.npz"), pooled=pooled, keys=np.array(keys))
        path.with_suffix(".tmp.npz").rename(path)
        done_now = min(start + per, len(todo))
        ms = (time.perf_counter() - t0) / len(images) * 1000
        print(f"{done_now}/{len(todo)} photos rendered and encoded ({ms:.0f} ms a picture)", flush=True)


def rendered() -> tuple[np.ndarray, list[str]]:
    feats, keys = [], []
    for path in _shards():
        data = np.load(path)
        feats.append(data["pooled"])
        keys += [str(k) for k in data["keys"]]
    return np.concatenate(feats), keys


def graphics_features(limit: int, seed: int) -> np.ndarray:
    """Drawn pictures (icons, clip art, word pictures) the graphics head was trained on, less any too
    like a wild picture (cosine >= 0.95, as that script's rule)."""
    shards = sorted(glob.glob(str(CACHE / "graphics-set" / "features" / "shard*.npz")))
    x = np.concatenate([np.load(p)["pooled"] for p in shards if ".tmp" not in p]).astype(np.float32)
    wild = np.load(CACHE / "graphics-set" / "wild.npz")["pooled"]
    a = x / np.linalg.norm(x, axis=1, keepdims=True)
    b = wild / np.linalg.norm(wild, axis=1, keepdims=True)
    x = x[(a @ b.T).max(axis=1) < 0.95]
    order = np.random.default_rng(seed).permutation(len(x))[:limit]
    return x[np.sort(order)]


def memory_features() -> np.ndarray:
    from assistant.vision.matching.caption_memory import CaptionMemory

    memory = CaptionMemory.load(REPO / "resources" / "models" / "flickr8k-lite2-memory")
    return np.asarray(memory.features, dtype=np.float32)  # (M, D)


def outside_photos() -> np.ndarray:
    return np.load(CACHE / "person-src" / "features.npz")["pooled"].astype(np.float32)


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, l2: float, seed: int, scale: float):
    """Softmax regression on ``scale * unit(x)`` by full-batch L-BFGS: ``(C, D)`` weights, ``(C,)`` bias."""
    import torch

    torch.manual_seed(seed)
    xt = torch.from_numpy(scale * unit(x)).double()  # (N, D)
    yt = torch.from_numpy(y).long()
    wt = torch.from_numpy(weights / weights.sum()).double()
    w = torch.zeros(len(CLASSES), x.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(len(CLASSES), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], lr=1, max_iter=300, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        logits = xt @ w.T + b  # (N, C)
        loss = (torch.nn.functional.cross_entropy(logits, yt, reduction="none") * wt).sum() + l2 * (
            w * w
        ).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach().numpy().astype(np.float32), b.detach().numpy().astype(np.float32)


def val_features() -> np.ndarray:
    """Flickr8k val photos' pooled features (the grid cache the captioner benchmarks keep)."""
    grids = sorted((CACHE / "features" / "efficientnet-lite2").glob("*.npy"))
    return np.concatenate([np.load(p, mmap_mode="r").astype(np.float32).mean(axis=1) for p in grids])


def wild_a(threads: int) -> tuple[np.ndarray, list[str]]:
    """Half A of the wild set: pooled features (cached) and kinds. Half B is never read."""
    truth = json.loads((REPO / "datasets" / "wild" / "truth.json").read_text())
    names = sorted(n for n, t in truth.items() if t["split"] == "A")
    cache = WORK / "wild_a.npz"
    if cache.exists() and list(np.load(cache)["keys"]) == names:
        feats = np.load(cache)["pooled"]
    else:
        import torch
        from PIL import Image

        from assistant.paths import default_model_dir
        from assistant.vision.inference.torch_captioner import Captioner

        torch.set_num_threads(threads)
        captioner = Captioner.load(default_model_dir(), device="cpu")
        images = [Image.open(REPO / "datasets" / "wild" / "images" / n).convert("RGB") for n in names]
        feats = np.concatenate(
            [
                captioner.encode(images[i : i + 16], True).mean(dim=1).numpy()
                for i in range(0, len(images), 16)
            ]
        )
        np.savez(cache, pooled=feats, keys=np.array(names))
    return feats.astype(np.float32), [truth[n]["kind"] for n in names]


def held_out(key: str) -> bool:
    """A fifth of the rendered photos (by their Flickr id) are kept for the check."""
    return int(key.split(":", 1)[1].split("_")[0]) % 5 == 0


def dataset(limit_drawn: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Training features and labels; the held-out renderings' features and labels."""
    x_r, keys = rendered()
    style = {"photo": 0, "painting": 1, "cartoon": 2}
    y_r = np.array([style[k.split(":", 1)[0]] for k in keys])
    test = np.array([held_out(k) for k in keys])
    held_names = {k.split(":", 1)[1] for k, t in zip(keys, test, strict=True) if t}
    memory = memory_features()
    parts = [
        (x_r[~test], y_r[~test]),
        (memory, np.zeros(len(memory), int)),
        (outside_photos(), np.zeros(len(outside_photos()), int)),
        (graphics_features(limit_drawn, seed), np.full(limit_drawn, 2)),
    ]
    print(f"held-out photos: {len(held_names)} (their memory features stay in: they are photos either way)")
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    return x, y, x_r[test], y_r[test]


def probabilities(w: np.ndarray, b: np.ndarray, x: np.ndarray, scale: float) -> np.ndarray:
    z = scale * unit(x) @ w.T + b  # (N, C)
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def check(w: np.ndarray, b: np.ndarray, scale: float, x_t: np.ndarray, y_t: np.ndarray, threads: int) -> dict:
    p_t = probabilities(w, b, x_t, scale)
    report: dict = {"held_out_accuracy": round(float((p_t.argmax(1) == y_t).mean()), 3)}
    for c, name in enumerate(("photo", "painting", "cartoon")):
        report[f"held_out_{name}_right"] = round(float((p_t.argmax(1) == c)[y_t == c].mean()), 3)
    val = probabilities(w, b, val_features(), scale)
    wild, kinds = wild_a(threads)
    p_w = probabilities(w, b, wild, scale)
    for what, column in (("no photo", None), ("painting", 1)):
        for sure in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
            flips = int((score(val, column) >= sure).sum())
            line = f"{what} >= {sure}: val photos flipped {flips}/{len(val)}"
            for kind in ("photo", "painting", "cartoon", "drawing", "meme", "text_photo"):
                rows = [i for i, k in enumerate(kinds) if k == kind]
                line += f"; A {kind} {int((score(p_w[rows], column) >= sure).sum())}/{len(rows)}"
            print(line)
            report[f"val_flipped_{what.replace(' ', '_')}_at_{sure}"] = flips
    return report


def score(p: np.ndarray, column: int | None) -> np.ndarray:
    """``(N,)``: the probability of a class (``column``), or of no photo (None)."""
    return 1 - p[:, 0] if column is None else p[:, column]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=900, help="Flickr8k training photos rendered")
    parser.add_argument("--drawn", type=int, default=2000, help="Debian drawn pictures in the drawing class")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--l2", type=float, default=1e-3)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument(
        "--photo-weight", type=float, default=2.0, help="the photo class's weight, classes balanced"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--stage", choices=["features", "all"], default="all")
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "models" / "art-lite2-probe")
    args = parser.parse_args()
    encode(train_photos(args.photos, args.seed), args.seed, args.threads)
    if args.stage == "features":
        return
    x, y, x_t, y_t = dataset(args.drawn, args.seed)
    counts = np.bincount(y, minlength=len(CLASSES))
    weights = (1.0 / counts)[y] * np.where(y == 0, args.photo_weight, 1.0)
    print(f"training on {dict(zip(CLASSES, counts.tolist(), strict=True))}", flush=True)
    w, b = fit(x, y, weights, args.l2, args.seed, args.scale)
    report = check(w, b, args.scale, x_t, y_t, args.threads)
    print(json.dumps(report))
    if args.no_save:
        return
    from assistant.vision.inference.art_probe import ArtProbe, ArtProbeConfig

    notes = {"seed": args.seed, "photos": args.photos, "drawn": args.drawn, "l2": args.l2,
             "photo_weight": args.photo_weight, "counts": counts.tolist(), **report}  # fmt: skip
    ArtProbe(ArtProbeConfig("efficientnet-lite2", list(CLASSES), args.scale), w, b).save(args.out, notes)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
