"""Re-ranking the beam's captions with the image-text model (shipped captioner + shipped matcher).

The chosen caption must be the candidate with the best ``log p / (words + 1)**lp + weight * cosine``,
weight 0 must give the beam's own best, and the chosen caption carries its match confidence. Both
runtimes return the same candidates for a picture the project draws itself.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.paths import default_model_dir
from assistant.vision.contrastive_numpy import RERANK_WEIGHT, load_caption_matcher, rerank_caption
from assistant.vision.runtime import load_captioner

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def picture(tmp_path_factory: pytest.TempPathFactory):
    from PIL import Image

    from scripts.render_sample import render

    return Image.open(render(tmp_path_factory.mktemp("rerank") / "scene.png")).convert("RGB")


@pytest.fixture(scope="module")
def captioner():
    return load_captioner(default_model_dir(), device="cpu", runtime="torch")


@pytest.fixture(scope="module")
def matcher():
    model = load_caption_matcher(None, "efficientnet-lite2")
    assert model is not None
    return model


def _score(candidate, cosine: float, length_penalty: float, weight: float) -> float:
    return candidate.log_prob / float(len(candidate.tokens) + 1) ** length_penalty + weight * cosine


def test_the_chosen_caption_has_the_best_combined_score(captioner, matcher, picture) -> None:
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    assert len(found.alternatives) == 3 and found.alternatives[0] is found
    texts = [c.text for c in found.alternatives]
    assert len(set(texts)) == 3  # three different sentences to choose from
    penalty = captioner.config.length_penalty
    cosines = matcher.similarity(np.asarray(found.pooled)[None], texts)[0]
    scores = [
        _score(c, float(s), penalty, RERANK_WEIGHT) for c, s in zip(found.alternatives, cosines, strict=True)
    ]
    chosen = rerank_caption(matcher, found, penalty)
    assert chosen is found.alternatives[int(np.argmax(scores))]
    assert chosen.confidence == pytest.approx(
        matcher.confidence(np.asarray(found.pooled), chosen.text), abs=1e-5
    )
    assert "confidence" in chosen.timings and "encode" in chosen.timings  # the scoring time


def test_weight_zero_keeps_the_beam_choice(captioner, matcher, picture) -> None:
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    assert rerank_caption(matcher, found, captioner.config.length_penalty, weight=0.0) is found


def test_a_single_caption_is_only_scored(captioner, matcher, picture) -> None:
    (only,) = captioner.caption_batch([picture], beam_size=3)
    assert only.alternatives == [] and only.confidence is None
    assert rerank_caption(matcher, only, captioner.config.length_penalty) is only
    assert only.confidence is not None and 0.0 <= only.confidence <= 1.0


def test_the_describer_speaks_the_reranked_caption(picture, tmp_path: Path) -> None:
    from assistant.describe import Describer, DescriberOptions

    describer = Describer(DescriberOptions(device="cpu", runtime="torch", ocr="none"))
    result = describer.caption(picture)
    captioner = describer.load()
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    matcher = load_caption_matcher(None, "efficientnet-lite2")
    assert matcher is not None
    expected = rerank_caption(matcher, found, captioner.config.length_penalty)
    assert result.text == expected.text and result.confidence == pytest.approx(expected.confidence)
