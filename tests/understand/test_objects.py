"""Issue #16: ImageNet's scattered labels of one everyday thing add up ("a car"), lobsters are no crabs."""

from __future__ import annotations

import numpy as np

from assistant.understand.objects import grouped, kind_probability, object_words
from assistant.vision.inference.imagenet_labels import default_head_dir, load_imagenet_head


def _labels() -> list[str]:
    head = load_imagenet_head(default_head_dir(), "efficientnet-lite2")
    assert head is not None, "the ImageNet head ships in resources/models"
    return head.labels


def test_a_car_spread_over_racer_sports_car_and_convertible_is_a_car() -> None:
    labels = _labels()
    p = np.full(1000, 1e-4)
    p[[751, 817, 511]] = [0.25, 0.13, 0.11]  # racer, sports car, convertible: a cut-out sports car
    p[849] = 0.2  # a teapot, the single most likely thing apart from them
    p /= p.sum()
    top = grouped(p, labels, top=2)
    assert top[0].key == "car" and top[0].probability > 0.45
    assert top[0].words.phrase() == "a racing car"  # holds half of the kind: its own name
    assert top[1].words.phrase() == "a teapot"
    assert abs(kind_probability(p, "car") - top[0].probability) < 0.01  # grouped() reads the top 50


def test_lobsters_and_buses_are_named_as_such() -> None:
    labels = _labels()
    assert object_words(122, labels[122]).phrase() == "an American lobster"  # not "..., a crab"
    assert object_words(119, labels[119]).phrase() == "a rock crab"
    assert object_words(654, labels[654]).phrase() == "a minibus, a bus"
    assert object_words(817, labels[817]).phrase() == "a sports car"
