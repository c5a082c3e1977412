"""Re-ranking the beam's captions (shipped captioner, image-text matcher and caption memory).

The chosen caption must be the candidate with the best
``log p / (words + 1)**lp + fit * cosine + consensus_weight * consensus``, weights 0 must give the
beam's own best, and the chosen caption carries its match confidence. The nearest training photo's
captions are candidates too, weighed with a prior.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.paths import default_model_dir
from assistant.vision.inference.runtime import load_captioner
from assistant.vision.matching.caption_memory import load_caption_memory
from assistant.vision.matching.contrastive import load_caption_matcher
from assistant.vision.matching.rerank import (
    CONSENSUS_WEIGHT,
    FIT_WEIGHT,
    NEAR_MISSES,
    CaptionReranker,
    caption_candidates,
    caption_reranked,
)

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


@pytest.fixture(scope="module")
def memory():
    found = load_caption_memory(None, "efficientnet-lite2")
    assert found is not None
    return found


def _score(candidate, cosine: float, consensus: float, length_penalty: float) -> float:
    lp = candidate.log_prob / float(len(candidate.tokens) + 1) ** length_penalty
    return lp + FIT_WEIGHT * cosine + CONSENSUS_WEIGHT * consensus


def test_the_chosen_caption_has_the_best_combined_score(captioner, matcher, memory, picture) -> None:
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    assert len(found.alternatives) == 3 and found.alternatives[0] is found
    texts = [c.text for c in found.alternatives]
    assert len(set(texts)) == 3  # three different sentences to choose from
    penalty = captioner.config.length_penalty
    pooled = np.asarray(found.pooled)
    cosines = matcher.similarity(pooled[None], texts)[0]
    consensus = memory.consensus(pooled, [c.tokens for c in found.alternatives])
    assert consensus.shape == (3,) and (consensus >= 0).all() and consensus.max() > 0
    scores = [
        _score(c, float(s), float(v), penalty)
        for c, s, v in zip(found.alternatives, cosines, consensus, strict=True)
    ]
    chosen = CaptionReranker(matcher, memory, retrieved=0).rerank(found, penalty)
    assert chosen is found.alternatives[int(np.argmax(scores))]
    assert chosen.confidence == pytest.approx(matcher.confidence(pooled, chosen.text), abs=1e-5)
    assert "rerank" in chosen.timings and "encode" in chosen.timings  # the scoring time


def test_weights_zero_keep_the_beam_choice(captioner, matcher, memory, picture) -> None:
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    reranker = CaptionReranker(matcher, memory, fit_weight=0.0, consensus_weight=0.0)
    assert reranker.rerank(found, captioner.config.length_penalty) is found


def test_a_single_caption_is_only_scored(captioner, matcher, memory, picture) -> None:
    (only,) = captioner.caption_batch([picture], beam_size=3)
    assert only.alternatives == [] and only.confidence is None
    assert CaptionReranker(matcher, memory).rerank(only, captioner.config.length_penalty) is only
    assert only.confidence is not None and 0.0 <= only.confidence <= 1.0


def test_the_memory_alone_reranks_without_a_confidence(captioner, memory, picture) -> None:
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    consensus = memory.consensus(np.asarray(found.pooled), [c.tokens for c in found.alternatives])
    penalty = captioner.config.length_penalty
    scores = [
        c.score(penalty) + CONSENSUS_WEIGHT * float(v)
        for c, v in zip(found.alternatives, consensus, strict=True)
    ]
    chosen = CaptionReranker(None, memory, retrieved=0).rerank(found, penalty)
    assert chosen is found.alternatives[int(np.argmax(scores))] and chosen.confidence is None


def test_the_describer_speaks_the_reranked_caption(picture, tmp_path: Path) -> None:
    from assistant.describe import Describer, DescriberOptions

    describer = Describer(DescriberOptions(device="cpu", runtime="torch", ocr="none"))
    result = describer.caption(picture)
    captioner = describer.load()
    (found,) = caption_candidates(captioner, [picture], 3)
    reranker = CaptionReranker(
        load_caption_matcher(None, "efficientnet-lite2"), load_caption_memory(None, "efficientnet-lite2")
    )
    assert reranker.matcher is not None and reranker.memory is not None
    expected = reranker.rerank(found, captioner.length_penalty)
    assert result.text == expected.text and result.confidence == pytest.approx(expected.confidence)


def test_the_beam_near_misses_are_weighed_too(captioner, matcher, memory) -> None:
    """``caption_reranked`` chooses among the beam's kept captions and the ones it dropped at the end."""
    from tests.support.shapes import draw_shape

    pictures = [
        draw_shape(s, c, b, seed=900 + i)
        for i, (s, c, b) in enumerate(
            [("circle", "red", "white"), ("square", "blue", "black"), ("triangle", "green", "white")]
        )
    ]
    reranker = CaptionReranker(matcher, memory)
    chosen = caption_reranked(captioner, reranker, pictures, beam_size=3)
    kept = captioner.caption_batch(pictures, beam_size=3, n_best=3)
    widened = captioner.caption_batch(pictures, beam_size=3, n_best=3, near_misses=True)
    assert NEAR_MISSES
    for pick, few, many in zip(chosen, kept, widened, strict=True):
        assert [c.text for c in many.alternatives[:3]] == [c.text for c in few.alternatives]
        beam = [c.text for c in pick.alternatives if c.retrieved_from is None]
        assert beam == [c.text for c in many.alternatives if c.text.strip()]
        assert pick.text in {c.text for c in pick.alternatives}
    assert any(len(many.alternatives) > 3 for many in widened)


def test_training_captions_are_weighed_with_a_prior(captioner, matcher, memory, picture) -> None:
    """With ``retrieved`` photos, the nearest training photos' captions join the candidates: their
    captioner term is the beam's least likely candidate's less the prior, and their own photo does not
    vote on them. A prior far below 0 lets one win (it says whose it is); far above, the beam's choice
    stands as without them; a photo less like the picture than ``retrieved_likeness`` offers none."""
    (found,) = captioner.caption_batch([picture], beam_size=3, n_best=3)
    penalty = captioner.config.length_penalty
    pooled = np.asarray(found.pooled)
    beam_texts = [c.text for c in found.alternatives]
    plain = CaptionReranker(matcher, memory, retrieved=0).rerank(found, penalty)
    retrieved = [
        (words, photo)
        for words, photo in memory.retrieve(pooled, 1)
        if words not in [c.tokens for c in found.alternatives]
    ]
    assert len(retrieved) >= 4 and len({photo for _, photo in retrieved}) == 1
    words = [w for w, _ in retrieved]
    floor = min(c.score(penalty) for c in found.alternatives) + 100.0
    from assistant.vision.model.vocab import detokenize

    cosines = matcher.similarity(pooled[None], [detokenize(w) for w in words])[0]
    consensus = memory.consensus(pooled, words, own=[photo for _, photo in retrieved])
    expected = words[int(np.argmax(floor + FIT_WEIGHT * cosines + CONSENSUS_WEIGHT * consensus))]
    eager = CaptionReranker(
        matcher, memory, retrieved=1, retrieved_prior=-100.0, retrieved_likeness=-1.0
    ).rerank(found, penalty)
    assert eager.tokens == expected and eager.retrieved_from == retrieved[0][1]
    assert [c.text for c in eager.alternatives[:3]] == beam_texts and len(eager.alternatives) > 3
    assert eager.confidence is not None
    wary = CaptionReranker(matcher, memory, retrieved=1, retrieved_prior=100.0, retrieved_likeness=-1.0)
    assert wary.rerank(found, penalty).text == plain.text
    # Only a near-duplicate's captions are offered: none from a photo less like the picture than that.
    cosine = float(memory.features[retrieved[0][1]] @ (pooled / np.linalg.norm(pooled)))
    unlike = CaptionReranker(
        matcher, memory, retrieved=1, retrieved_prior=-100.0, retrieved_likeness=cosine + 0.01
    )
    assert unlike.rerank(found, penalty).retrieved_from is None
