"""Honesty on pictures unlike Flickr8k (issue #16): gist caught and something false said, per half and kind.

The "wild" set (datasets/wild/: photos of animals, food, objects, buildings, vehicles; paintings,
drawings, cartoons; charts, diagrams, icons, photos of text, QR codes and barcodes, memes; a few
Flickr8k-like controls) is described picture by picture, and each description is scored against the
words in datasets/wild/truth.json. Half A is for tuning, half B for reporting (datasets/wild/README.md
says how the halves were dealt); report B, and say what was tuned on A.

    .venv/bin/python benchmarks/wild_eval.py [--split A|B|both] [--kind photo ...] [--show]
        [--describer assistant.describe:Describer] [--save out.json] [--rescore out.json]

Scoring rule (exactly what score() does):

- Words. A text is lower-cased and cut into runs of letters and digits ("Wi-Fi" -> "wi", "fi";
  "example.org/menu" -> "example", "org", "menu"). Each word is normalised: a few irregular plurals
  are mapped to the singular (men -> man, women -> woman, children -> child, mice -> mouse, geese ->
  goose, leaves -> leaf, feet -> foot, teeth -> tooth, knives -> knife, wolves -> wolf), then a
  plural ending is dropped: "-ies" -> "-y" (words of 5+ letters), "-ches/-shes/-sses/-xes/-zes" lose
  "es", and a final "s" is dropped from words of 4+ letters that do not end in "ss" or "us". The
  truth's words and phrases are normalised the same way. A truth phrase (several words) is named when
  its words appear consecutively. Matching is therefore whole-word and case-insensitive: "cat"
  matches "Cats" but not "category".
- Gist caught: every gist group of the picture is named, i.e. for each group at least one of its
  words or phrases appears in the description.
- Something false said: at least one false word appears. The false words of a picture are its own
  `false` list plus the global Flickr8k-world list GLOBAL_FALSE below, minus every word or phrase in
  its `allowed` and `gist` lists (compared after normalisation). Words that are part of an
  occurrence of an allowed or gist phrase are skipped ("a soccer ball" does not say "soccer" when
  "soccer ball" is true). A false word counts wherever else it appears: hedged ("Possibly a man
  ...") or in read text, since the user hears it either way.
- An answer that says it cannot tell ("I can't tell what this is") names no gist and no false word:
  it scores as not caught and nothing false. Nothing else is special-cased.

Figures: gist% = pictures with the gist caught / pictures; false% = pictures with something false
said / pictures; both per half, per kind, and for photos only. Not a test: nothing is asserted. The
last line printed is one JSON object.

A describer is anything that turns a picture's path into the text that would be spoken. Today's is
`assistant.describe:Describer` with default options (its `.describe(path).text`); pass
`--describer module:factory` where `factory()` returns an object whose `describe(path)` gives either
a string or something with a `.text`, to score another version.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WILD = REPO / "datasets" / "wild"

# What a captioner trained on Flickr8k says about everything: people, dogs, water, sports. Each is
# false for a picture unless its truth lists it under `allowed` or `gist`.
GLOBAL_FALSE: tuple[str, ...] = (
    "person", "people", "man", "woman", "boy", "girl", "child", "kid", "baby", "lady", "guy",
    "player", "crowd", "dog", "puppy", "water", "grass", "snow", "shirt", "jacket", "helmet", "hat",
    "ball", "beach", "ocean", "sea", "sand", "pool", "lake", "river", "field", "street", "road",
    "sidewalk", "rock", "mountain", "bike", "bicycle", "soccer", "football", "basketball", "swim",
    "swimming", "run", "running", "jump", "jumping", "climb", "climbing", "play", "playing",
    "skateboard", "surfboard", "surfer", "surfing", "wave",
)  # fmt: skip

IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "mice": "mouse", "geese": "goose",
    "leaves": "leaf", "feet": "foot", "teeth": "tooth", "knives": "knife", "wolves": "wolf",
}  # fmt: skip


def normalise(word: str) -> str:
    w = IRREGULAR.get(word, word)
    if len(w) >= 5 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us")):
        return w[:-1]
    return w


def tokens(text: str) -> tuple[str, ...]:
    return tuple(normalise(w) for w in re.findall(r"[a-z0-9]+", text.lower()))


def names(said: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return n > 0 and any(said[i : i + n] == phrase for i in range(len(said) - n + 1))


@dataclass
class Score:
    gist: bool
    false_words: list[str]


def score(text: str, truth: dict) -> Score:
    said = tokens(text)
    gist = all(any(names(said, tokens(w)) for w in group) for group in truth["gist"])
    true_words = {tokens(w) for w in truth["allowed"]} | {tokens(w) for g in truth["gist"] for w in g}
    # Words inside a true phrase are not said on their own: "a soccer ball" is no "soccer".
    masked = list(said)
    for phrase in true_words:
        n = len(phrase)
        for i in range(len(said) - n + 1):
            if n and said[i : i + n] == phrase:
                masked[i : i + n] = [""] * n
    rest = tuple(masked)
    candidates = {tokens(w): w for w in (*GLOBAL_FALSE, *truth["false"])}
    false_words = sorted(w for t, w in candidates.items() if t not in true_words and names(rest, t))
    return Score(gist, false_words)


# --- describers ----------------------------------------------------------------------------------


def load_describer(spec: str) -> Callable[[Path], str]:
    """'module:factory' -> a function path -> spoken text (see the module docstring)."""
    module, _, attr = spec.partition(":")
    describer = getattr(importlib.import_module(module), attr or "Describer")()

    def describe(path: Path) -> str:
        out = describer.describe(path)
        return out if isinstance(out, str) else str(out.text)

    return describe


# --- report --------------------------------------------------------------------------------------


def pct(k: int, n: int) -> float:
    return round(100.0 * k / n, 1) if n else 0.0


def summarise(rows: Iterable[dict]) -> dict:
    rows = list(rows)
    n = len(rows)
    return {
        "n": n,
        "gist": pct(sum(r["gist"] for r in rows), n),
        "false": pct(sum(bool(r["false_words"]) for r in rows), n),
    }


def report(rows: list[dict], describer: str) -> dict:
    halves = sorted({r["split"] for r in rows})
    kinds = sorted({r["kind"] for r in rows})
    out: dict = {"benchmark": "wild_eval", "describer": describer, "halves": {}}
    header = f"{'kind':<11}" + "".join(f"  {h}: n  gist%  false%" for h in halves)
    print(header)
    print("-" * len(header))
    for kind in [*kinds, "photos", "all"]:
        line = f"{kind:<11}"
        for h in halves:
            sel = [
                r
                for r in rows
                if r["split"] == h
                and (kind == "all" or r["kind"] == kind or (kind == "photos" and r["kind"] == "photo"))
            ]
            s = summarise(sel)
            out["halves"].setdefault(h, {})[kind] = s
            line += f"  {s['n']:>5} {s['gist']:>6.1f} {s['false']:>7.1f}"
        print(line)
    ms = [r["ms"] for r in rows if r.get("ms") is not None]
    if ms:
        out["mean_ms"] = round(sum(ms) / len(ms), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["A", "B", "both"], default="both")
    parser.add_argument("--kind", nargs="*", help="only these kinds")
    parser.add_argument("--limit", type=int, help="at most N pictures (a quick look)")
    parser.add_argument("--show", action="store_true", help="print every picture's description and score")
    parser.add_argument("--describer", default="assistant.describe:Describer")
    parser.add_argument("--save", type=Path, help="write the descriptions (and scores) as JSON")
    parser.add_argument(
        "--rescore", type=Path, help="score descriptions saved by --save instead of describing"
    )
    args = parser.parse_args()

    truth: dict[str, dict] = json.loads((WILD / "truth.json").read_text())
    names_ = [
        n
        for n, t in truth.items()
        if (args.split == "both" or t["split"] == args.split) and (not args.kind or t["kind"] in args.kind)
    ]
    names_ = names_[: args.limit] if args.limit else names_

    saved: dict[str, dict] = {}
    if args.rescore:
        saved = {r["file"]: r for r in json.loads(args.rescore.read_text())["pictures"]}
        names_ = [n for n in names_ if n in saved]
        describe = None
    else:
        describe = load_describer(args.describer)

    rows: list[dict] = []
    for name in names_:
        t = truth[name]
        if describe is None:
            text, ms = saved[name]["text"], saved[name].get("ms")
        else:
            started = time.perf_counter()
            text = describe(WILD / "images" / name)
            ms = round((time.perf_counter() - started) * 1000, 1)
        s = score(text, t)
        row = {
            "file": name,
            "split": t["split"],
            "kind": t["kind"],
            "text": text,
            "gist": s.gist,
            "false_words": s.false_words,
            "ms": ms,
        }
        rows.append(row)
        if args.show:
            mark = ("gist" if s.gist else "    ") + (
                " FALSE " + ",".join(s.false_words) if s.false_words else ""
            )
            print(f"{t['split']} {t['kind']:<10} {name:<42} {mark:<22} | {text}", flush=True)

    if args.save:
        args.save.write_text(json.dumps({"describer": args.describer, "pictures": rows}, indent=1) + "\n")
    figures = report(rows, args.describer)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
