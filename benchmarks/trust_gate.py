"""The trust gate (assistant/understand/trust.py) replayed on cached signals: wild set and Flickr8k val.

Signals come from benchmarks/trust_signals.py (captions as the app chooses them, pooled features). For
the wild set, each picture's description from a saved wild_eval run (default: the baseline at
dfa6cec) has its caption sentence replaced by what the gate says, and is scored as wild_eval scores
it; a quick stand-in for a full run, used to tune on half A. For Flickr8k val: how many photos the gate
takes the caption from, and BLEU-4/CIDEr when those get the gate's sentence instead.

    nice .venv/bin/python benchmarks/trust_gate.py --wild /tmp/wild_signals.npz --val /tmp/val_signals.npz \
        [--split A] [--set familiar=0.6 strange=0.45 ...] [--probe DIR] [--show]

Not a test. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from wild_eval import score, summarise  # noqa: E402

from assistant.understand.colours import colours_sentence  # noqa: E402
from assistant.understand.graphics import other_animal  # noqa: E402
from assistant.understand.objects import artwork_probability, broad_kind, dog_probability, grouped  # noqa: E402
from assistant.understand.subjects import person_fit  # noqa: E402
from assistant.understand.trust import (  # noqa: E402
    CANT_TELL,
    Assessment,
    Subjects,
    TrustConfig,
    _head_for,
    _probe_for,
    likeness,
    speak,
    verdict,
)
from assistant.understand.wording import hedge  # noqa: E402
from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir  # noqa: E402


def load(path: Path) -> tuple[np.ndarray, list[dict]]:
    data = np.load(path)
    return data["pooled"], json.loads(str(data["meta"]))


MS: list[float] = []  # per picture: what assess() adds (ImageNet head, kinds, nearest training photos)


def signals(
    pooled: np.ndarray,
    rows: list[dict],
    memory: CaptionMemory,
    cfg: TrustConfig,
    probe_dir: Path | None = None,
) -> list[dict]:
    head, familiar = _head_for("efficientnet-lite2", None)
    probe = _probe_for("efficientnet-lite2", str(probe_dir) if probe_dir else None)
    matcher = _matcher()
    out = []
    for p, row in zip(pooled, rows, strict=True):
        started = time.perf_counter()
        probabilities = head.probabilities(p)
        label = grouped(probabilities, head.labels, top=1)[0]
        art = artwork_probability(probabilities, head.labels)
        fit = person_fit(matcher, p, row["text"])
        dog = dog_probability(probabilities, head.labels)
        subjects = Subjects(float(probe.logit(p)), dog, fit, other_animal(p, "efficientnet-lite2"))
        near = likeness(memory, p, cfg.neighbours)
        MS.append((time.perf_counter() - started) * 1000)
        out.append(
            {
                **row,
                "label": label,
                "likeness": near,
                "familiar": familiar,
                "artwork": art,
                "subjects": subjects,
                "broad": broad_kind(probabilities),
            }
        )
    return out


@functools.cache
def _matcher() -> Any:
    from assistant.vision.matching.contrastive import ContrastiveMatcher, default_contrastive_dir

    return ContrastiveMatcher.load(default_contrastive_dir())


def judge(c: dict, cfg: TrustConfig) -> Assessment:
    return verdict(
        c["text"], c["likeness"], c["label"], c["familiar"], cfg, c["artwork"], c["subjects"], c["broad"]
    )


def spoken(c: dict, v: Assessment, folder: Path | None = None) -> str:
    """What the app says for the caption: hedged as compose does (no image-text match in the cache's
    hedge when absent), or the verdict's sentence; "I can't tell" gets the picture's colours."""
    import math

    word_p = math.exp(min(0.0, c["mean_log_prob"]))
    said = speak(_Result(v), hedge(c["text"], word_p, match=c["confidence"])) or ""
    if said == CANT_TELL and folder is not None:
        colours = _colours(folder / c["file"])
        said = f"{CANT_TELL} {colours}" if colours else CANT_TELL
    return said


@functools.cache
def _colours(path: Path) -> str | None:
    from PIL import Image

    return colours_sentence(Image.open(path).convert("RGB"))


class _Result:
    def __init__(self, trust: Assessment) -> None:
        self.trust = trust


def replace_caption(spoken: str, caption: str, instead: str) -> str:
    """``spoken`` with the sentence holding ``caption`` (hedged or not) replaced by ``instead``."""
    core = re.escape(caption.strip().rstrip(".").lower())
    pattern = re.compile(r"(?:(?:Probably|Possibly) )?" + core + r"\.?", re.IGNORECASE)
    return pattern.sub(instead, spoken, count=1)


def run_wild(cached: list[dict], split: str, cfg: TrustConfig, base: Path, show: bool) -> dict:
    truth = json.loads((REPO / "datasets" / "wild" / "truth.json").read_text())
    said = {r["file"]: r["text"] for r in json.loads(base.read_text())["pictures"]}
    folder = REPO / "datasets" / "wild" / "images"
    rows = []
    for c in cached:
        t = truth[c["file"]]
        if split != "both" and t["split"] != split:
            continue
        v = judge(c, cfg)
        text = said[c["file"]]
        if t["kind"] in ("photo", "painting"):  # said as the caption (or the gate's sentence at base)
            new = spoken(c, v, folder)
            # Not found: the base run's gate had replaced the caption (the subject check only ever
            # takes a caption the rest of the gate trusts, so that sentence stays), or the picture
            # took another path (a cut-out or drawing: pictures.py).
            text = replace_caption(text, c["text"], new)
        s = score(text, t)
        rows.append({"kind": t["kind"], "gist": s.gist, "false_words": s.false_words})
        if show:
            mark = ("gist" if s.gist else "    ") + (
                " FALSE " + ",".join(s.false_words) if s.false_words else ""
            )
            print(
                f"{t['split']} {t['kind']:<10} {c['file'][:28]:<28} {mark:<18} {v.reason[:20]} | {text[:90]}"
            )
    photos = [r for r in rows if r["kind"] == "photo"]
    paintings = [r for r in rows if r["kind"] == "painting"]
    return {"all": summarise(rows), "photos": summarise(photos), "paintings": summarise(paintings)}


def run_val(cached: list[dict], cfg: TrustConfig) -> dict:
    from assistant.vision.evaluation.metrics import score_captions

    hyps, refs, replaced = {}, {}, []
    for c in cached:
        v = judge(c, cfg)
        hyps[c["file"]] = " ".join(c["tokens"]) if v.trusted else spoken(c, v)
        refs[c["file"]] = c["refs"]
        if not v.trusted:
            replaced.append((c["file"], v.reason, c["text"], v.sentence))
    scores = score_captions(refs, hyps, meteor=False)
    for r in replaced[:40]:
        print("  val replaced:", r, file=sys.stderr)
    even = {k for i, k in enumerate(refs) if i % 2 == 0}  # half A (tuning): even-numbered photos
    half = score_captions({k: refs[k] for k in even}, {k: hyps[k] for k in even}, meteor=False)
    return {
        "cider_half_A": round(float(half["cider"] or 0), 4),
        "n": len(cached),
        "replaced": len(replaced),
        "replaced_pct": round(100 * len(replaced) / len(cached), 2),
        "bleu4": round(float(scores["bleu4"] or 0), 4),
        "cider": round(float(scores["cider"] or 0), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wild", type=Path)
    parser.add_argument("--val", type=Path)
    parser.add_argument("--split", choices=["A", "B", "both"], default="A")
    parser.add_argument("--base", type=Path, default=REPO / "datasets" / "wild" / "baseline_dfa6cec.json")
    parser.add_argument("--set", nargs="*", default=[], help="TrustConfig fields, name=value")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--probe", type=Path, help="a person probe folder (default: the shipped one)")
    args = parser.parse_args()
    fields = {f.name: f.type for f in dataclasses.fields(TrustConfig)}
    overrides: dict[str, Any] = {
        k: (int(v) if fields[k] in ("int", int) else float(v)) for k, v in (s.split("=") for s in args.set)
    }
    cfg = TrustConfig(**overrides)
    memory = CaptionMemory.load(default_memory_dir())
    out: dict = {"benchmark": "trust_gate", "config": dataclasses.asdict(cfg)}
    if args.wild:
        out["wild_" + args.split] = run_wild(
            signals(*load(args.wild), memory, cfg, args.probe), args.split, cfg, args.base, args.show
        )
    if args.val:
        out["val"] = run_val(signals(*load(args.val), memory, cfg, args.probe), cfg)
    if MS:
        out["gate_ms"] = {"mean": round(float(np.mean(MS)), 2), "p95": round(float(np.percentile(MS, 95)), 2)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
