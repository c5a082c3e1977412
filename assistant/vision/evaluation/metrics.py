"""Corpus caption metrics with pycocoevalcap: BLEU-1..4, METEOR, ROUGE-L, CIDEr.

References and hypotheses are tokenised with :func:`assistant.vision.model.vocab.tokenize` (lowercase, no
punctuation tokens), which is what pycocoevalcap's PTB tokenizer does for these captions, without
needing Java for it. METEOR does need Java: where ``java`` is missing it is reported as ``None``.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping, Sequence

from assistant.vision.model.vocab import tokenize

log = logging.getLogger(__name__)

METRIC_KEYS = ("bleu1", "bleu2", "bleu3", "bleu4", "meteor", "rougeL", "cider")


def java_available() -> bool:
    return shutil.which("java") is not None


def score_captions(
    references: Mapping[str, Sequence[str]], hypotheses: Mapping[str, str], meteor: bool = True
) -> dict[str, float | None]:
    """``references[id]`` = the human captions, ``hypotheses[id]`` = the model's; ids must match."""
    from pycocoevalcap.bleu.bleu import Bleu
    from pycocoevalcap.cider.cider import Cider
    from pycocoevalcap.rouge.rouge import Rouge

    if set(references) != set(hypotheses):
        raise ValueError("references and hypotheses must cover the same images")
    if not hypotheses:
        raise ValueError("nothing to score")
    gts = {key: [" ".join(tokenize(ref)) for ref in refs] for key, refs in references.items()}
    res = {key: [" ".join(tokenize(hyp)) or "<empty>"] for key, hyp in hypotheses.items()}
    bleu, _ = Bleu(4).compute_score(gts, res, verbose=0)
    rouge, _ = Rouge().compute_score(gts, res)
    cider, _ = Cider().compute_score(gts, res)
    scores: dict[str, float | None] = {
        "bleu1": float(bleu[0]),
        "bleu2": float(bleu[1]),
        "bleu3": float(bleu[2]),
        "bleu4": float(bleu[3]),
        "meteor": None,
        "rougeL": float(rouge),
        "cider": float(cider),
    }
    if meteor:
        if java_available():
            from pycocoevalcap.meteor.meteor import Meteor

            scorer = Meteor()
            try:
                value, _ = scorer.compute_score(gts, res)
                scores["meteor"] = float(value)
            finally:
                _close_meteor(scorer)
        else:
            log.warning("METEOR skipped: Java is not installed (apt-get install default-jre-headless).")
    return scores


def _close_meteor(scorer: object) -> None:
    """pycocoevalcap leaves its Java process running until garbage collection; end it now."""
    process = getattr(scorer, "meteor_p", None)
    if process is None:
        return
    lock = getattr(scorer, "lock", None)
    if lock is not None:
        with lock:
            _stop(process)
    else:
        _stop(process)


def _stop(process: object) -> None:
    import subprocess

    assert isinstance(process, subprocess.Popen)
    if process.stdin:
        process.stdin.close()
    process.kill()
    process.wait(timeout=10)
