"""Is the caption's person or dog really there? The subject check of the trust gate (issue #16)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.understand.objects import grouped, kind_probability
from assistant.understand.subjects import DOG_WORDS, PERSON_WORDS, mentions, without_subject
from assistant.understand.trust import CANT_TELL, Assessment, Subjects, TrustConfig, speak, verdict
from assistant.vision.inference.imagenet_labels import default_head_dir, load_imagenet_head
from assistant.vision.training.person_probe import logistic_newton


def _named(index: int, p: float) -> object:
    head = load_imagenet_head(default_head_dir(), "efficientnet-lite2")
    assert head is not None, "the ImageNet head ships in resources/models"
    probabilities = np.full(1000, (1.0 - p) / 999)
    probabilities[index] = p
    return grouped(probabilities, head.labels, top=1)[0]


def test_the_caption_without_its_invented_subject() -> None:
    assert without_subject("A man is standing in front of a building.") == "A building."
    assert without_subject("A man is riding a boat on the water.") == "A boat on the water."
    assert without_subject("A dog is running through the grass.") == "The grass."
    assert without_subject("Two people are standing on a grass.") == "The grass."  # stuff: no "a"
    assert without_subject("Two people are walking through a wooded area.") == "A wooded area."
    assert without_subject("A man in a red shirt is sitting in a field of flowers.") == "A field of flowers."
    said = without_subject("A group of people are standing on a mountain in the mountains.")
    assert said == "A mountain."  # the place once (the Great Wall, wild half A)
    # Nothing sensible is left: None, and the gate says something else.
    assert without_subject("A man in a red shirt.") is None  # only the man and his shirt
    assert without_subject("A man in a white shirt is sitting on a wooden.") is None  # cut short
    assert without_subject("A person is jumping off a high in the air.") is None  # no noun
    assert without_subject("A man and a woman are playing with a black and a brown dog.") is None
    assert without_subject("A red car is driving on a road.") is None  # no person or dog to take out


def test_mentions_reads_whole_words() -> None:
    assert mentions("Two men are playing.", PERSON_WORDS) and mentions("A puppy sleeps.", DOG_WORDS)
    assert not mentions("A mandolin on a doghouse.", PERSON_WORDS | DOG_WORDS)


def test_an_unseen_person_is_not_said() -> None:
    cfg = TrustConfig()
    cliff = _named(972, 0.1)  # a cliff, unsure
    seen = Subjects(person=4.0, dog=0.0)
    unseen = Subjects(person=-2.5, dog=0.0)
    caption = "A man is standing in front of a building."
    assert verdict(caption, 0.60, cliff, {}, cfg, 0.0, seen).trusted  # type: ignore[arg-type]
    said = verdict(caption, 0.60, cliff, {}, cfg, 0.0, unseen)  # type: ignore[arg-type]
    assert not said.trusted and said.partial and said.sentence == "A building."
    # Nothing left of the caption: the gate's usual sentence.
    alone = verdict("A man in a red shirt.", 0.60, cliff, {}, cfg, 0.0, unseen)  # type: ignore[arg-type]
    assert not alone.trusted and alone.sentence == CANT_TELL
    # Without the probe (a slim install), the gate is as before.
    assert verdict(caption, 0.60, cliff, {}, cfg, 0.0, Subjects(None, None)).trusted  # type: ignore[arg-type]


def test_a_dog_imagenet_does_not_see_is_not_said() -> None:
    cfg = TrustConfig()
    cow = _named(345, 0.6)  # "ox": a cow, sure
    caption = "A black and white dog is running in the grass."
    said = verdict(caption, 0.60, cow, {"cow": 3}, cfg, 0.0, Subjects(-3.0, 0.05))  # type: ignore[arg-type]
    assert not said.trusted and said.sentence == "A photo of a cow."
    dog = _named(207, 0.9)
    assert verdict(caption, 0.60, dog, {"dog": 1793}, cfg, 0.0, Subjects(-3.0, 0.9)).trusted  # type: ignore[arg-type]


def test_a_person_the_probe_is_sure_of_keeps_the_caption() -> None:
    """A Flickr8k street with a locomotive, unlike most training photos: the people are there."""
    cfg = TrustConfig()
    train = _named(820, 0.9)  # steam locomotive
    caption = "A group of people are walking in the street."
    assert verdict(caption, 0.46, train, {}, cfg, 0.0, Subjects(8.0, 0.0)).trusted  # type: ignore[arg-type]
    assert not verdict(caption, 0.46, train, {}, cfg, 0.0, Subjects(2.0, 0.0)).trusted  # type: ignore[arg-type]


def test_what_is_left_of_a_hedged_caption_stays_hedged() -> None:
    class Result:
        text = "A man is standing in front of a building."

    result = Result()
    result.trust = Assessment(False, "A building.", 0.6, None, "no person", partial=True)  # type: ignore[attr-defined]
    assert speak(result, "Probably a man is standing in front of a building.") == "Probably a building."
    assert speak(result, "A man is standing in front of a building.") == "A building."


def test_dog_breeds_add_up() -> None:
    p = np.zeros(1000)
    p[[151, 207, 268]] = 0.2  # three breeds
    p[345] = 0.4  # ox
    assert kind_probability(p, "dog") == pytest.approx(0.6)


def test_logistic_newton_separates_two_groups() -> None:
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(1.0, 1.0, (200, 5)), rng.normal(-1.0, 1.0, (200, 5))])
    y = np.r_[np.ones(200), np.zeros(200)]
    weight, bias = logistic_newton(x, y, l2=1.0)
    assert np.mean(((x @ weight + bias) > 0) == (y > 0.5)) > 0.9
    assert np.all(weight > 0) and abs(bias) < 0.5


def test_a_person_the_caption_fits_as_well_without_is_not_said() -> None:
    cfg = TrustConfig(person_fit=-0.01)  # off by default (it costs Flickr8k val CIDEr)
    cliff = _named(972, 0.1)
    caption = "A man is standing on a cliff."
    # The probe unsure, and the image-text model likes "A cliff." as much: the man goes.
    said = verdict(caption, 0.60, cliff, {}, cfg, 0.0, Subjects(0.5, 0.0, fit=-0.05))  # type: ignore[arg-type]
    assert not said.trusted and said.sentence == "A cliff."
    # The person adds to the fit, or the probe is sure enough: the caption stays.
    assert verdict(caption, 0.60, cliff, {}, cfg, 0.0, Subjects(0.5, 0.0, fit=0.1)).trusted  # type: ignore[arg-type]
    assert verdict(caption, 0.60, cliff, {}, cfg, 0.0, Subjects(4.0, 0.0, fit=-0.05)).trusted  # type: ignore[arg-type]
    off = TrustConfig()
    assert verdict(caption, 0.60, cliff, {}, off, 0.0, Subjects(0.5, 0.0, fit=-0.05)).trusted  # type: ignore[arg-type]


@pytest.mark.timeout(120)
def test_person_fit_compares_the_caption_with_and_without_its_person() -> None:
    """With the shipped image-text model, on a Flickr8k training photo of climbers (from the caption
    memory): the person adds to the fit; without a person or a remainder there is nothing to compare."""
    from assistant.understand.subjects import person_fit
    from assistant.vision.matching.caption_memory import CaptionMemory, default_memory_dir
    from assistant.vision.matching.contrastive import ContrastiveMatcher, default_contrastive_dir

    matcher = ContrastiveMatcher.load(default_contrastive_dir())
    memory = CaptionMemory.load(default_memory_dir())
    climbers = [
        i for i, refs in enumerate(memory.captions) if all(("climb" in c and "man" in c) for c in refs)
    ]
    assert climbers, "the memory holds photos of climbers"
    caption = "A man is climbing a rock wall."
    fits = [person_fit(matcher, memory.features[i] * 10.5, caption) for i in climbers]
    assert all(f is not None and np.isfinite(f) for f in fits)
    assert np.median([f for f in fits if f is not None]) > 0
    assert person_fit(matcher, memory.features[0], "A red car on a road.") is None  # no person
    assert person_fit(matcher, memory.features[0], "A man in a red shirt.") is None  # nothing left
    assert person_fit(None, memory.features[0], "A man is climbing a rock wall.") is None


def test_a_dog_sled_counts_as_dogs() -> None:
    """ImageNet sure of a dog sled and of no breed: the caption's dogs are there (a Flickr8k val photo)."""
    from assistant.understand.objects import dog_probability

    labels = load_imagenet_head(default_head_dir(), "efficientnet-lite2").labels  # type: ignore[union-attr]
    p = np.full(1000, 0.2 / 999)
    p[labels.index("dogsled")] = 0.8
    assert dog_probability(p, labels) > TrustConfig().dog_support > kind_probability(p, "dog")
