"""How often the composer hedges a photo caption, and whether the hedged ones are the worse captions.

Decodes the Flickr8k val images with the shipped captioner (beam 3, torch, from the cached
EfficientNet-Lite2 grids, averaged with the mirror images' grids when the model uses the test-time
flip), chooses among the beam's three best and its near misses as the app does (``--rerank``:
``consensus`` = image-text fit + the caption memory's vote, the default; ``fit``; ``none``), scores
each caption with the contrastive model's calibrated confidence — computed by the numpy heads the app
uses, from the same grid — and prints, per match threshold, the share of captions below it and the
mean per-image CIDEr-D of those and the others; then how the composer words them (plain /
"Probably" / "Possibly" / nothing) on the word probability alone, as before, and with the match
confidence. Not a test: nothing is asserted. Prints tables and a JSON line.

    .venv/bin/python benchmarks/caption_confidence.py [--threads 1] [--limit N] [--rerank consensus|fit|none]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.understand.wording import ComposeConfig, hedge  # noqa: E402
from assistant.vision.inference.result import attach_pooled, results_from_beams  # noqa: E402
from assistant.vision.inference.torch_steps import beam_search  # noqa: E402
from assistant.vision.matching.caption_memory import CaptionMemory  # noqa: E402
from assistant.vision.matching.contrastive import ContrastiveMatcher  # noqa: E402
from assistant.vision.matching.rerank import NEAR_MISSES, CaptionReranker  # noqa: E402
from assistant.vision.model.checkpoint import load_model  # noqa: E402
from assistant.vision.model.mirror import average_with_mirror  # noqa: E402
from assistant.vision.model.vocab import detokenize, tokenize  # noqa: E402
from assistant.vision.training.data import group_by_image, read_captions  # noqa: E402
from assistant.vision.training.features import cached_features  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/flickr8k"))
    parser.add_argument("--captioner", type=Path, default=REPO / "resources/models/flickr8k-lite2-lstm")
    parser.add_argument(
        "--contrastive", type=Path, default=REPO / "resources/models/flickr8k-lite2-contrastive"
    )
    parser.add_argument("--memory", type=Path, default=REPO / "resources/models/flickr8k-lite2-memory")
    parser.add_argument("--rerank", choices=("consensus", "fit", "none"), default="consensus")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    parser.add_argument("--limit", type=int, default=0, help="only the first N val images")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dump", type=Path, help="also save captions and scores to this .npz")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    device = torch.device("cpu")
    records = read_captions(args.data / "captions.tsv")
    val = group_by_image(records, ["val"])
    names = list(val)
    decoder, vocab, config = load_model(args.captioner, device)
    grid = cached_features(config.encoder, args.data / "images", names, device)
    # With the test-time flip the app captions from the mean of the picture's and its mirror's grids.
    mirrored = (
        cached_features(config.encoder, args.data / "images", names, device, mirror=True)
        if config.test_time_flip
        else None
    )
    if args.limit:
        names = names[: args.limit]
    model = ContrastiveMatcher.load(args.contrastive)
    memory = CaptionMemory.load(args.memory) if args.rerank == "consensus" else None
    reranker = CaptionReranker(model, memory) if args.rerank != "none" else None

    captions: list[str] = []
    mean_logp: list[float] = []
    confidences: list[float] = []
    t0 = time.perf_counter()
    for start in range(0, len(names), 50):
        feats = np.asarray(grid[start : min(start + 50, len(names))], dtype=np.float32)  # (b, N, D)
        if mirrored is not None:
            feats = average_with_mirror(
                feats, np.asarray(mirrored[start : min(start + 50, len(names))], dtype=np.float32)
            )
        hyps = beam_search(
            decoder,
            torch.from_numpy(feats),
            vocab.start_id,
            vocab.end_id,
            beam_size=3,
            max_len=config.max_len,
            length_penalty=config.length_penalty,
            n_best=3 if reranker is not None else 1,
            near_misses=reranker is not None and NEAR_MISSES,
        )
        results = results_from_beams(vocab, hyps, feats.shape[1])
        attach_pooled(results, feats)  # (b, D) mean grid: what the app's results carry
        if reranker is not None:
            results = [reranker.rerank(r, config.length_penalty) for r in results]
        texts = [detokenize(r.tokens) for r in results]
        captions += texts
        mean_logp += [r.mean_log_prob for r in results]
        pooled = feats.mean(axis=1)  # (b, D)
        sims = (model.embed_images(pooled) * model.embed_texts(texts)).sum(axis=1)
        confidences += model.confidence_from_similarity(sims).tolist()
    seconds = time.perf_counter() - t0

    if args.dump:
        np.savez(args.dump, names=names, captions=captions, mean_logp=mean_logp, confidence=confidences)

    from pycocoevalcap.cider.cider import Cider

    gts = {n: [" ".join(tokenize(r)) for r in val[n]] for n in names}
    res = {n: [" ".join(tokenize(c)) or "<empty>"] for n, c in zip(names, captions, strict=True)}
    cider_mean, per_image = Cider().compute_score(gts, res)
    cider = np.asarray(per_image, dtype=np.float64)
    conf = np.asarray(confidences)
    word_conf = np.exp(np.minimum(0.0, np.asarray(mean_logp)))
    default = ComposeConfig()

    print(f"val images {len(names)}, decoded in {seconds:.1f} s, CIDEr {cider_mean:.4f}")
    print(f"contrastive confidence: mean {conf.mean():.3f}, median {np.median(conf):.3f}")
    print(
        "Spearman(confidence, per-image CIDEr) "
        f"contrastive {_spearman(conf, cider):.3f}, word probability {_spearman(word_conf, cider):.3f}"
    )
    print("threshold  hedged  CIDEr hedged  CIDEr plain")
    table = {}
    for threshold in args.thresholds:
        hedged = conf < threshold
        row = {
            "hedged_fraction": round(float(hedged.mean()), 4),
            "cider_hedged": round(float(cider[hedged].mean()), 4) if hedged.any() else None,
            "cider_plain": round(float(cider[~hedged].mean()), 4) if (~hedged).any() else None,
        }
        table[str(threshold)] = row
        print(
            f"{threshold:9.2f}  {row['hedged_fraction']:6.3f}  "
            f"{_fmt(row['cider_hedged']):>12}  {_fmt(row['cider_plain']):>11}"
        )
    chosen = default.match_sure
    wording = {}
    for label, matches in (("word_only", [None] * len(captions)), ("word_and_match", conf.tolist())):
        said = [
            _level(hedge(c, float(w), default, match=m))
            for c, w, m in zip(captions, word_conf.tolist(), matches, strict=True)
        ]
        groups = {}
        for level in ("plain", "probably", "possibly", "nothing"):
            picked = np.array([s == level for s in said])
            if picked.any():
                groups[level] = {
                    "fraction": round(float(picked.mean()), 4),
                    "cider": round(float(cider[picked].mean()), 4),
                }
        wording[label] = groups
        print(
            f"composer wording, {label}: "
            + ", ".join(f"{k} {v['fraction']:.1%} (CIDEr {v['cider']:.3f})" for k, v in groups.items())
        )
    examples = sorted(zip(conf.tolist(), captions, strict=True))
    print("least confident:", examples[:3])
    print("most confident:", examples[-3:])
    report = {
        "benchmark": "caption_confidence",
        "rerank": args.rerank,
        "images": len(names),
        "cider": round(float(cider_mean), 4),
        "confidence_mean": round(float(conf.mean()), 4),
        "confidence_median": round(float(np.median(conf)), 4),
        "spearman_contrastive_cider": round(_spearman(conf, cider), 4),
        "spearman_wordprob_cider": round(_spearman(word_conf, cider), 4),
        "threshold": chosen,
        "hedged_fraction": round(float((conf < chosen).mean()), 4),
        "by_threshold": table,
        "composer_wording": wording,
        "hedged_fraction_composer": round(
            1.0 - wording["word_and_match"].get("plain", {}).get("fraction", 0.0), 4
        ),
        "decode_seconds": round(seconds, 1),
    }
    print(json.dumps(report))
    return 0


def _level(sentence: str | None) -> str:
    if sentence is None:
        return "nothing"
    for word in ("Probably", "Possibly"):
        if sentence.startswith(word + " "):
            return word.lower()
    return "plain"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    ra = np.argsort(np.argsort(a)).astype(np.float64)
    rb = np.argsort(np.argsort(b)).astype(np.float64)
    value = float(np.corrcoef(ra, rb)[0, 1])
    return 0.0 if math.isnan(value) else value


if __name__ == "__main__":
    raise SystemExit(main())
