"""Issue #16: the shipped person probe knows people from places, and is what its training command makes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from assistant.understand.subjects import PERSON_WORDS
from assistant.understand.trust import TrustConfig
from assistant.vision.inference.person_probe import PersonProbe, default_probe_dir, load_person_probe
from assistant.vision.training.person_probe import Outside, train_person_probe

WILD = Path(__file__).resolve().parents[2] / "datasets" / "wild" / "images"
OUTSIDE_CACHE = Path.home() / ".cache" / "assistant" / "person-src"


def _shipped() -> PersonProbe:
    probe = load_person_probe(default_probe_dir(), "efficientnet-lite2")
    assert isinstance(probe, PersonProbe), "the person probe ships in resources/models"
    return probe


@pytest.mark.timeout(120)
def test_the_shipped_probe_scores_flickr8k_people_above_flickr8k_without() -> None:
    """On the caption memory's training photos: photos whose five captions all name a person score
    far above photos whose captions name none; and a probe for another encoder is not loaded."""
    from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir

    memory = CaptionMemory.load(default_memory_dir())
    counts = np.asarray([sum(bool(PERSON_WORDS & set(c.split())) for c in refs) for refs in memory.captions])
    logits = np.asarray(_shipped().logit(memory.features * 10.5))  # any length: the probe normalises
    assert np.median(logits[counts == 5]) > 3 and np.median(logits[counts == 0]) < -3
    assert np.mean(logits[counts == 5] > TrustConfig().person_logit) > 0.97
    assert load_person_probe(default_probe_dir(), "another-encoder") is None


@pytest.mark.slow  # loads the shipped encoder (ONNX), ~10 s
@pytest.mark.timeout(300)
def test_monuments_and_things_without_people_score_below_the_gates_line() -> None:
    """Wild half A (the tuning half), encoded as the app encodes: the monuments and objects for which
    the Flickr8k-only probe said "person" (Brandenburg Gate 2.7, the Statue of Liberty 4.4, a drum kit
    2.3) are now below the trust gate's line, and the photo of musicians is well above it."""
    from assistant.paths import default_model_dir
    from assistant.vision.inference.onnx_captioner import OnnxCaptioner
    from assistant.vision.inference.runtime import load_captioner

    captioner = load_captioner(default_model_dir(), "cpu", "onnx")
    assert isinstance(captioner, OnnxCaptioner)
    names = ["monument_brandenburggate", "monument_statueofliberty", "monument_neuschwansteincastle",
             "stamp_drumkit", "stamp_basketball", "control_mexico"]  # fmt: skip
    images = []
    for name in names:
        with Image.open(WILD / f"{name}.jpg") as image:
            images.append(image.convert("RGB"))
    grids = captioner.encode(images, captioner.test_time_flip)  # (B, N, D)
    logits = dict(zip(names, np.asarray(_shipped().logit(grids.mean(axis=1))), strict=True))
    line = TrustConfig().person_logit
    assert all(logits[name] < line for name in names[:-1]), logits
    assert logits["control_mexico"] > TrustConfig().person_keep, logits


@pytest.mark.timeout(120)
@pytest.mark.skipif(
    not (OUTSIDE_CACHE / "features.npz").is_file(),
    reason="the outside pictures are not downloaded here (see the probe's model card)",
)
def test_the_shipped_probe_is_what_training_makes() -> None:
    """Retrained from the shipped caption memory and the outside pictures' cached features (the model
    card's command), the probe equals the shipped one."""
    from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir
    from assistant.vision.training.person_pictures import encode, outside_pictures

    pictures = outside_pictures(OUTSIDE_CACHE, WILD.parent / "sources.json")
    outside = Outside(encode(pictures, OUTSIDE_CACHE), np.array([p.person for p in pictures]))
    probe, summary = train_person_probe(CaptionMemory.load(default_memory_dir()), outside=outside)
    shipped = _shipped()
    np.testing.assert_allclose(probe.weight, shipped.weight, atol=1e-5)
    assert probe.bias == pytest.approx(shipped.bias, abs=1e-5)
    assert summary["outside_negatives"] > 600 and summary["outside_train_accuracy"] > 0.99
