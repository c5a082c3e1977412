"""Beam search against greedy decoding on a real trained (tiny) model, and the backend-free search alone."""

import itertools
from typing import Any

import numpy as np
import pytest
import torch

from assistant.vision.inference import beam_search as search
from assistant.vision.inference.beam_search import forbid_repeats
from assistant.vision.inference.torch_captioner import Captioner
from assistant.vision.inference.torch_steps import beam_search, greedy_decode, log_probs
from tests.support.shapes import draw_shape


@pytest.fixture(scope="module")
def captioner(tiny_model_dir):
    return Captioner.load(tiny_model_dir, "cpu")


@pytest.fixture(scope="module")
def features(captioner):
    images = [
        draw_shape(s, c, b, seed=500 + i)
        for i, (s, c, b) in enumerate(
            [("circle", "red", "white"), ("square", "blue", "black"), ("triangle", "green", "white")]
        )
    ]
    return captioner.encode(images)  # (3, N, D)


def test_beam_of_one_is_greedy(captioner, features):
    vocab = captioner.vocab
    greedy = greedy_decode(captioner.decoder, features, vocab.start_id, vocab.end_id, 20)
    beam = beam_search(captioner.decoder, features, vocab.start_id, vocab.end_id, beam_size=1, max_len=20)
    for g, b in zip(greedy, beam, strict=True):
        assert b[0].tokens == g.tokens
        assert b[0].log_prob == pytest.approx(g.log_prob, abs=1e-4)


def test_wider_beam_finds_at_least_as_likely_captions(captioner, features):
    vocab = captioner.vocab
    greedy = greedy_decode(captioner.decoder, features, vocab.start_id, vocab.end_id, 20)
    beam = beam_search(
        captioner.decoder,
        features,
        vocab.start_id,
        vocab.end_id,
        beam_size=4,
        max_len=20,
        length_penalty=0.0,
        n_best=4,
    )
    for g, hyps in zip(greedy, beam, strict=True):
        assert hyps[0].log_prob >= g.log_prob - 1e-4
        assert [h.log_prob for h in hyps] == sorted((h.log_prob for h in hyps), reverse=True)
        assert len({tuple(h.tokens) for h in hyps}) == len(hyps)  # distinct hypotheses


def test_batched_beam_equals_one_image_at_a_time(captioner, features):
    vocab = captioner.vocab
    batched = beam_search(captioner.decoder, features, vocab.start_id, vocab.end_id, beam_size=3, max_len=20)
    for index in range(features.size(0)):
        single = beam_search(
            captioner.decoder,
            features[index : index + 1],
            vocab.start_id,
            vocab.end_id,
            beam_size=3,
            max_len=20,
        )
        assert single[0][0].tokens == batched[index][0].tokens


def _teacher_forced_log_prob(captioner, feature: torch.Tensor, tokens: list[int]) -> float:
    """Sum of the search's own log-probabilities of ``tokens`` + ``<end>`` for one image."""
    decoder, vocab = captioner.decoder, captioner.vocab
    h, c, projected = decoder.start(feature.unsqueeze(0))
    previous = torch.tensor([vocab.start_id])
    total = 0.0
    for word in [*tokens, vocab.end_id]:
        logits, h, c, _ = decoder.step(previous, h, c, feature.unsqueeze(0), projected)
        total += float(forbid_repeats(log_probs(logits).numpy(), previous.numpy())[0, word])
        previous = torch.tensor([word])
    return total


@torch.inference_mode()
def test_near_misses_follow_the_unchanged_beam_and_are_real_captions(captioner, features):
    """Asking for near misses leaves the beam's own answers as they were and appends whole captions
    (ending in ``<end>``, scored as the decoder scores them) that the beam did not keep."""
    vocab = captioner.vocab
    settings: dict[str, Any] = dict(beam_size=3, max_len=12, length_penalty=0.5, n_best=3)
    plain = beam_search(captioner.decoder, features, vocab.start_id, vocab.end_id, **settings)
    widened = beam_search(
        captioner.decoder, features, vocab.start_id, vocab.end_id, **settings, near_misses=True
    )
    extra_count = 0
    for index, (kept, wide) in enumerate(zip(plain, widened, strict=True)):
        assert [h.tokens for h in wide[: len(kept)]] == [h.tokens for h in kept]
        extras = wide[len(kept) :]
        extra_count += len(extras)
        assert [h.score(0.5) for h in extras] == sorted((h.score(0.5) for h in extras), reverse=True)
        assert len({tuple(h.tokens) for h in wide}) == len(wide)  # none repeats a kept caption
        for hyp in extras:
            assert hyp.alphas.shape == (len(hyp.tokens) + 1, features.size(1))
            expected = _teacher_forced_log_prob(captioner, features[index], hyp.tokens)
            assert hyp.log_prob == pytest.approx(expected, abs=1e-3)
    assert extra_count > 0  # the tiny model's beams do drop finished captions on these pictures


def test_attention_weights_are_distributions(captioner, features):
    vocab = captioner.vocab
    hyp = beam_search(captioner.decoder, features[:1], vocab.start_id, vocab.end_id, beam_size=3)[0][0]
    assert hyp.alphas.shape == (len(hyp.tokens) + 1, features.size(1))
    np.testing.assert_allclose(hyp.alphas.sum(axis=1), np.ones(len(hyp.tokens) + 1), atol=1e-4)


def test_max_len_forces_an_ending(captioner, features):
    vocab = captioner.vocab
    hyps = beam_search(captioner.decoder, features, vocab.start_id, vocab.end_id, beam_size=2, max_len=2)
    assert all(len(h[0].tokens) <= 2 for h in hyps)


def _stutters(tokens: list[int]) -> bool:
    return any(a == b for a, b in itertools.pairwise(tokens))


@pytest.mark.parametrize("beam", [1, 3])
def test_no_word_follows_itself(captioner, features, beam):
    """A decoder pushed to say one word over and over still never says it twice in a row."""
    decoder, vocab = captioner.decoder, captioner.vocab
    favourite = vocab.stoi["red"]
    original = decoder.fc.bias.detach().clone()
    with torch.no_grad():
        decoder.fc.bias[favourite] += 30.0  # "red" is by far the likeliest word at every step
    try:
        if beam == 1:
            hyps = greedy_decode(decoder, features, vocab.start_id, vocab.end_id, max_len=12)
        else:
            hyps = [h[0] for h in beam_search(decoder, features, vocab.start_id, vocab.end_id, beam, 12)]
    finally:
        with torch.no_grad():
            decoder.fc.bias.copy_(original)
    for hyp in hyps:
        assert favourite in hyp.tokens and not _stutters(hyp.tokens), vocab.decode(hyp.tokens)


class _Favourite:
    """Decoder steps that always score word 5 best (and ``<end>`` low), for the search alone."""

    vocab_size, end_id = 12, 2

    def step(self, tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        logp = np.full((len(tokens), self.vocab_size), np.log(0.02), np.float32)
        logp[:, 5], logp[:, self.end_id] = np.log(0.5), np.log(0.01)
        logp[:, list(search.BANNED_IDS)] = -np.inf
        return logp, np.full((len(tokens), 4), 0.25, np.float32)

    def keep(self, rows: np.ndarray) -> None:
        pass


@pytest.mark.parametrize("beam", [1, 3])
def test_no_word_follows_itself_in_the_backend_free_search(beam):
    """The rule lives in the shared search, whatever runtime supplies the steps (here: none)."""
    steps = _Favourite()
    hyps = search.beam_search(steps, 2, 1, steps.end_id, beam_size=beam, max_len=8)
    for best in hyps:
        tokens = best[0].tokens
        assert tokens.count(5) >= 3 and not _stutters(tokens), tokens
    for hyp in search.greedy_search(steps, 2, 1, steps.end_id, max_len=8):
        assert hyp.tokens.count(5) >= 3 and not _stutters(hyp.tokens), hyp.tokens


def test_one_length_normalised_score_for_hypotheses_and_results():
    """Hypotheses and caption results rank by the same function."""
    from assistant.vision.inference.result import CaptionResult

    hyp = search.Hypothesis([4, 5, 6], -2.5, np.zeros((4, 1), np.float32))
    result = CaptionResult("A b c.", ["a", "b", "c"], -2.5, -2.5 / 4)
    assert hyp.score(0.7) == result.score(0.7) == search.length_normalised(-2.5, 3, 0.7) == -2.5 / 4**0.7
