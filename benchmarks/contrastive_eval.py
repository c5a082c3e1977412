"""Contrastive image–text model on Flickr8k val: retrieval recall@1/5/10, optional training and re-ranking.

Val recall uses the standard protocol over the 1,000 val images and their 5,000 captions (see
:mod:`assistant.vision.evaluation.retrieval`). ``--train`` first trains the dual encoder on train+extra
(cached EfficientNet-Lite2 grid features, mean-pooled; seconds per epoch) and saves it to ``--model``.
``--rerank`` decodes val with the captioner (beam 3, 3 best), re-scores each candidate as
``length-normalised log p + λ·similarity``, and prints val CIDEr for each λ (λ = 0 is the captioner as
shipped). Without ``--train`` it measures the saved folder's exported graphs, as the app runs them (the
shipped folder holds no torch weights). Not a test: nothing is asserted. Prints a table and one JSON line.

    .venv/bin/python benchmarks/contrastive_eval.py [--train [--torch-weights]] [--model DIR] [--rerank]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import torch

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.vision.evaluation.retrieval import retrieval_recalls  # noqa: E402
from assistant.vision.matching.contrastive import ContrastiveMatcher, confidence_from_similarity  # noqa: E402
from assistant.vision.matching.contrastive_torch import (  # noqa: E402
    ContrastiveModel,
    ContrastiveTrainConfig,
    train_contrastive,
)
from assistant.vision.model.vocab import Vocabulary  # noqa: E402
from assistant.vision.training.data import group_by_image, read_captions  # noqa: E402
from assistant.vision.training.features import cached_features  # noqa: E402

ENCODER = "efficientnet-lite2"


def pooled(features: np.ndarray, chunk: int = 256) -> torch.Tensor:
    """Mean over the grid, in chunks: the memory-mapped fp16 grid of 6k images is over a gigabyte."""
    parts = [
        torch.from_numpy(np.asarray(features[i : i + chunk], dtype=np.float32).mean(axis=1))
        for i in range(0, len(features), chunk)
    ]
    return torch.cat(parts)


def _images(model: ContrastiveModel | ContrastiveMatcher, features: np.ndarray) -> np.ndarray:
    """Unit vectors ``(B, E)`` of pooled features ``(B, D)`` from the torch model or the exported graphs."""
    if isinstance(model, ContrastiveModel):
        with torch.no_grad():
            return model.embed_images(torch.from_numpy(features)).numpy()
    return model.embed_images(features)


def _texts(model: ContrastiveModel | ContrastiveMatcher, captions: list[str]) -> np.ndarray:
    """Unit vectors ``(T, E)`` of captions, from either form of the model."""
    if isinstance(model, ContrastiveModel):
        with torch.no_grad():
            return model.embed_texts(captions).numpy()
    return model.embed_texts(captions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/flickr8k"))
    parser.add_argument("--model", type=Path, default=REPO / "resources/models/flickr8k-lite2-contrastive")
    parser.add_argument("--captioner", type=Path, default=REPO / "resources/models/flickr8k-lite2-lstm")
    parser.add_argument("--train", action="store_true", help="train on train+extra and save to --model first")
    parser.add_argument(
        "--torch-weights", action="store_true", help="with --train: also save model.safetensors (to train on)"
    )
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--rerank", action="store_true", help="also measure beam re-ranking on val CIDEr")
    parser.add_argument(
        "--lambdas", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0]
    )
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device("cpu")
    records = read_captions(args.data / "captions.tsv")
    images = args.data / "images"
    val = group_by_image(records, ["val"])
    report: dict[str, Any] = {"benchmark": "contrastive_eval", "encoder": ENCODER}

    if args.train:
        train = group_by_image(records, ["train", "extra"])
        train_x = pooled(cached_features(ENCODER, images, list(train), device))
        vocab = Vocabulary.load(args.captioner / "vocab.json")
        cfg = ContrastiveTrainConfig(
            epochs=args.epochs, batch_size=args.batch_size, lr=args.lr, model={"dropout": args.dropout}
        )
        t0 = time.perf_counter()
        model, history = train_contrastive(train_x, list(train.values()), vocab, cfg, log=print)
        report["train_seconds"] = round(time.perf_counter() - t0, 1)
        report["final_loss"] = round(history[-1], 4)
        model.metadata.update({"data": "flickr8k train+extra", "encoder": ENCODER, "train": vars(cfg)})
        report["temperature"] = round(1 / float(model.net.scale().detach()), 4)
        matcher: ContrastiveModel | ContrastiveMatcher = model
    else:
        matcher = ContrastiveMatcher.load(args.model)  # the graphs the app runs

    val_x = pooled(cached_features(ENCODER, images, list(val), device))
    texts = [c for caps in val.values() for c in caps]
    owners = [i for i, caps in enumerate(val.values()) for _ in caps]
    image_emb = torch.from_numpy(_images(matcher, val_x.numpy()))  # (I, E)
    text_emb = torch.from_numpy(_texts(matcher, texts))  # (T, E)
    recalls = retrieval_recalls(image_emb, text_emb, owners)
    report.update({k: round(v, 4) for k, v in recalls.items()})
    sims = (image_emb @ text_emb.t()).numpy()  # (I, T)
    columns = np.arange(len(owners))
    conf_own = confidence_from_similarity(matcher.config, sims[np.asarray(owners), columns])
    conf_other = confidence_from_similarity(
        matcher.config, sims[(np.asarray(owners) + 1) % len(val), columns]
    )
    report["val_confidence_matched_mean"] = round(float(conf_own.mean()), 3)
    report["val_confidence_mismatched_mean"] = round(float(conf_other.mean()), 3)
    if args.train:
        model.metadata["val"] = {k: report[k] for k in recalls}
        model.save(args.model, torch_weights=args.torch_weights)
        report["saved"] = str(args.model)

    print(f"val images {len(val)}, captions {len(texts)}, temperature {report.get('temperature', '-')}")
    print("          R@1     R@5     R@10")
    print(f"i->t   {recalls['i2t_r1']:.4f}  {recalls['i2t_r5']:.4f}  {recalls['i2t_r10']:.4f}")
    print(f"t->i   {recalls['t2i_r1']:.4f}  {recalls['t2i_r5']:.4f}  {recalls['t2i_r10']:.4f}")
    print(
        f"confidence: matched {report['val_confidence_matched_mean']}, "
        f"mismatched {report['val_confidence_mismatched_mean']}"
    )

    if args.rerank:
        report["rerank"] = rerank(matcher, args.captioner, images, val, args.lambdas, device)
    print(json.dumps(report))
    return 0


def rerank(
    model: ContrastiveModel | ContrastiveMatcher,
    captioner_dir: Path,
    images: Path,
    val: Any,
    lambdas: list[float],
    device: torch.device,
) -> dict[str, Any]:
    from assistant.vision.evaluation.metrics import score_captions
    from assistant.vision.inference.torch_steps import beam_search
    from assistant.vision.model.checkpoint import load_model
    from assistant.vision.model.vocab import detokenize

    decoder, vocab, config = load_model(captioner_dir, device)
    grid = cached_features(config.encoder, images, list(val), device)
    names = list(val)
    candidates: list[list[tuple[str, float]]] = []
    t0 = time.perf_counter()
    for start in range(0, len(names), 50):
        feats = torch.from_numpy(np.asarray(grid[start : start + 50], dtype=np.float32))
        hyps = beam_search(
            decoder,
            feats,
            vocab.start_id,
            vocab.end_id,
            beam_size=3,
            max_len=config.max_len,
            length_penalty=config.length_penalty,
            n_best=3,
        )
        candidates += [
            [(detokenize(vocab.decode(h.tokens)), h.score(config.length_penalty)) for h in hs] for hs in hyps
        ]
    decode_s = time.perf_counter() - t0
    pooled_val = pooled(grid)
    sims = [
        (_images(model, pooled_val[i : i + 1].numpy()) @ _texts(model, [c for c, _ in cands]).T)[0].tolist()
        for i, cands in enumerate(candidates)
    ]
    references = {n: val[n] for n in names}
    results: dict[str, float] = {}
    for lam in lambdas:
        hyps_text: dict[str, str] = {}
        for n, cands, sim in zip(names, candidates, sims, strict=True):
            combined = [log_p + lam * s for (_, log_p), s in zip(cands, sim, strict=True)]
            hyps_text[n] = cands[combined.index(max(combined))][0]
        cider = score_captions(references, hyps_text, meteor=False)["cider"]
        results[str(lam)] = round(float(cider or 0.0), 4)
        print(f"λ={lam:<5} val CIDEr {results[str(lam)]:.4f}")
    best = max(results, key=lambda k: results[k])
    return {
        "cider_by_lambda": results,
        "best_lambda": float(best),
        "cider_base": results.get("0.0"),
        "cider_best": results[best],
        "decode_seconds": round(decode_s, 1),
    }


if __name__ == "__main__":
    raise SystemExit(main())
