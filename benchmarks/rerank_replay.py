"""Flickr8k val as the app captions it, from cached candidates: encode once, decode once, re-rank often.

    nice .venv/bin/python benchmarks/rerank_replay.py encode [--split val] [--cache /tmp/rerank-cache]
    nice .venv/bin/python benchmarks/rerank_replay.py decode --batch-size 16 [--fp32-step]
    nice .venv/bin/python benchmarks/rerank_replay.py replay --batch-size 16 [--retrieved 0 1] [--prior 1]
    nice .venv/bin/python benchmarks/rerank_replay.py sweep --batch-size 1 --retrieved 0 1 2 3 \
        --prior 0 0.5 1 1.5 [--anchor min max] [--known-only 0 1] [--likeness -1 0.6 0.7 0.75]

``encode`` keeps the onnxruntime encoder's grids of a split (test-time flip as the app; ~400 MB for
val), ``decode`` the candidates the app re-ranks (beam 3: its three best and near misses) at a batch
size, ``replay`` re-ranks them as the app does (``--retrieved N``: also the nearest training
photos' own captions, see :mod:`assistant.vision.matching.rerank`) and prints BLEU-4 / CIDEr on
half A (even-numbered photos, tuning), half B and all; ``sweep`` scores every candidate's terms once
and re-weighs them for each setting (the app's reranker with ``--retrieved 1 --prior 1 --likeness
0.7``). The last line is one JSON object. Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared/data/flickr8k"


def _captioner(fp32_step: bool = False):
    from assistant.paths import default_model_dir
    from assistant.vision.inference.runtime import load_captioner

    return load_captioner(default_model_dir(), "cpu", "onnx", int8=False if fp32_step else None)


def _cache(args: argparse.Namespace) -> Path:
    return Path(args.cache) / args.split


def _candidates_file(args: argparse.Namespace, batch_size: int) -> Path:
    step = "fp32" if args.fp32_step else "int8"
    return _cache(args) / f"candidates-b{batch_size}-{step}.json"


def run_encode(args: argparse.Namespace) -> dict:
    from assistant.vision.evaluation.candidates import encode_split, split_references

    names = list(split_references(args.captions, args.split))
    started = time.perf_counter()
    grids = encode_split(_captioner(), args.images, names, _cache(args))
    seconds = round(time.perf_counter() - started, 1)
    return {"images": len(names), "grid": list(grids.shape[1:]), "seconds": seconds}


def run_decode(args: argparse.Namespace) -> dict:
    from assistant.vision.evaluation.candidates import decode_candidates, load_grids, save_candidates

    names, grids = load_grids(_cache(args))
    captioner = _captioner(args.fp32_step)
    out = {}
    for batch_size in args.batch_size:
        started = time.perf_counter()
        results = decode_candidates(captioner, grids, batch_size)
        save_candidates(_candidates_file(args, batch_size), names, results)
        out[f"b{batch_size}_seconds"] = round(time.perf_counter() - started, 1)
    return out


def run_replay(args: argparse.Namespace) -> dict:
    from assistant.vision.evaluation.candidates import load_candidates, replay, score_halves, split_references
    from assistant.vision.matching.rerank import reranker_for

    references = split_references(args.captions, args.split)
    captioner = _captioner(args.fp32_step)
    reranker = reranker_for(captioner)
    assert reranker is not None
    penalty = captioner.length_penalty
    out: dict = {}
    for batch_size in args.batch_size:
        photos = load_candidates(_candidates_file(args, batch_size), references)
        for retrieved in args.retrieved:
            for prior in args.prior:
                reranker.retrieved, reranker.retrieved_prior = retrieved, prior

                def choose(photo, reranker=reranker):
                    head = photo.candidates[0]
                    head.alternatives = photo.candidates
                    return reranker.rerank(head, penalty)

                chosen = replay(photos, choose)
                label = f"b{batch_size} retrieved {retrieved} prior {prior}"
                out[label] = figures = score_halves(photos, chosen)
                print(label, json.dumps(figures), flush=True)
    return out


def _components(reranker, photos, penalty: float, photos_retrieved: int, vocab) -> list[dict]:
    """Per photo, each candidate's terms (beam + the nearest photos' captions): what a sweep re-weighs."""
    import numpy as np

    rows = []
    for photo in photos:
        pooled = np.asarray(photo.pooled, dtype=np.float32)
        beam = [c for c in photo.candidates if c.text.strip()]
        reranker.retrieved, reranker.retrieved_likeness = photos_retrieved, -1.0  # every one: sweeps filter
        seen = {tuple(c.tokens) for c in beam}
        extra = [(r, w) for r, w in reranker.retrieve(pooled, beam[0]) if tuple(r.tokens) not in seen]
        own = [None] * len(beam) + [w for _, w in extra]
        candidates = beam + [r for r, _ in extra]
        order = list(dict.fromkeys(photo for _, photo in extra))  # the retrieved photos, nearest first
        found, cosines = reranker.memory._nearest(pooled, max(1, photos_retrieved))
        likeness = dict(zip((int(i) for i in found), (float(c) for c in cosines), strict=True))
        weights, votes, nearest = reranker.memory.votes(pooled, [list(c.tokens) for c in candidates], own)
        # (C, K): 0 where the neighbour is the candidate's own photo, for the "drop" vote
        mine = np.asarray([[o is not None and o == int(i) for i in nearest] for o in own])
        base = [c.score(penalty) for c in beam]
        rows.append(
            {
                "words": [" ".join(c.tokens) for c in candidates],
                "base": np.asarray(base + [np.nan] * len(extra)),
                "rank": np.asarray([-1] * len(beam) + [order.index(photo) for _, photo in extra]),
                "likeness": np.asarray([1.0] * len(beam) + [likeness[photo] for _, photo in extra]),
                "known": np.asarray([all(t in vocab.stoi for t in c.tokens) for c in candidates]),
                "cosine": reranker.matcher.similarity(pooled[None], [c.text for c in candidates])[0],
                "weights": weights,
                "votes": votes,
                "mine": mine,
            }
        )
    return rows


def _totals(row: dict, prior: float, anchor: str, vote: str) -> Any:
    """Every candidate's re-ranking score: a retrieved caption's captioner term is the beam's least
    (``anchor`` "min") or best ("max") candidate's less ``prior``; ``vote`` "drop" leaves its own photo
    out of its vote (as the app does; "loo", counting that photo's other captions, was measured
    before the memory scored it 0 there)."""
    import numpy as np

    from assistant.vision.matching.rerank import CONSENSUS_WEIGHT, FIT_WEIGHT

    beam = row["base"][row["rank"] < 0]
    floor = (beam.min() if anchor == "min" else beam.max()) - prior
    base = np.where(row["rank"] < 0, row["base"], floor)
    weights = np.broadcast_to(row["weights"], row["votes"].shape)
    if vote == "drop":
        weights = np.where(row["mine"], 0.0, weights)
        weights = weights / weights.sum(axis=1, keepdims=True)
    consensus = (row["votes"] * weights).sum(axis=1)
    return base + FIT_WEIGHT * row["cosine"] + CONSENSUS_WEIGHT * consensus


def run_sweep(args: argparse.Namespace) -> dict:
    """Precompute every candidate's terms once, then re-weigh them for each setting (fast)."""
    import numpy as np

    from assistant.vision.evaluation.candidates import load_candidates, score_halves, split_references
    from assistant.vision.matching.rerank import reranker_for

    references = split_references(args.captions, args.split)
    captioner = _captioner(args.fp32_step)
    reranker = reranker_for(captioner)
    out: dict = {}
    for batch_size in args.batch_size:
        photos = load_candidates(_candidates_file(args, batch_size), references)
        rows = _components(reranker, photos, captioner.length_penalty, max(args.retrieved), captioner.vocab)
        settings = [
            (r, p, a, v, k, f)
            for r in args.retrieved
            for p in args.prior
            for a in args.anchor
            for v in args.vote
            for k in args.known_only
            for f in args.likeness
            if r > 0
            or (p, a, v, k, f)
            == (args.prior[0], args.anchor[0], args.vote[0], args.known_only[0], args.likeness[0])
        ]
        for retrieved, prior, anchor, vote, known, floor in settings:
            chosen, picked = {}, 0
            for photo, row in zip(photos, rows, strict=True):
                keep = (row["rank"] < retrieved) & (row["known"] | (row["rank"] < 0) | (not known))
                keep &= row["likeness"] >= floor
                total = np.where(keep, _totals(row, prior, anchor, vote), -np.inf)
                best = int(np.argmax(total))
                chosen[photo.name] = row["words"][best]
                picked += int(row["rank"][best] >= 0)
            label = f"b{batch_size} retrieved {retrieved} prior {prior} {anchor} {vote}"
            label += f" known {known} likeness {floor}"
            out[label] = figures = {**score_halves(photos, chosen), "retrieved_chosen": picked}
            print(label, json.dumps(figures), flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=["encode", "decode", "replay", "sweep"])
    parser.add_argument("--images", type=Path, default=DATA / "images")
    parser.add_argument("--captions", type=Path, default=DATA / "captions.tsv")
    parser.add_argument("--split", default="val")
    parser.add_argument("--cache", default="/tmp/rerank-cache")
    parser.add_argument("--batch-size", type=int, nargs="+", default=[16])
    parser.add_argument("--fp32-step", action="store_true")
    parser.add_argument("--retrieved", type=int, nargs="+", default=[0])
    parser.add_argument("--prior", type=float, nargs="+", default=[0.0])
    parser.add_argument("--anchor", nargs="+", default=["min"], choices=["min", "max"])
    parser.add_argument("--vote", nargs="+", default=["drop"], choices=["drop"])
    parser.add_argument("--known-only", type=int, nargs="+", default=[0], choices=[0, 1])
    parser.add_argument("--likeness", type=float, nargs="+", default=[-1.0], help="the photo's least cosine")
    args = parser.parse_args()
    stages = {"encode": run_encode, "decode": run_decode, "replay": run_replay, "sweep": run_sweep}
    stage = stages[args.stage]
    print(json.dumps(stage(args)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
