"""Training a real tiny captioner on rendered shapes: the loss falls, it learns to look, it resumes."""

import json

import pytest
import torch

from assistant.vision.inference.torch_captioner import Captioner
from tests.support.shapes import draw_shape


def test_loss_falls_and_val_cider_rises(tiny_training):
    history = tiny_training["result"]["history"]
    assert len(history) == tiny_training["config"].epochs
    assert history[-1]["loss"] < 0.6 * history[0]["loss"]
    assert max(h["cider"] for h in history) > history[0]["cider"] + 1.0
    log = [json.loads(line) for line in (tiny_training["config"].out / "log.jsonl").read_text().splitlines()]
    assert [e["epoch"] for e in log] == [h["epoch"] for h in history]


def test_trained_model_names_colour_of_unseen_images(tiny_model_dir):
    captioner = Captioner.load(tiny_model_dir, "cpu")
    right = 0
    cases = [(s, c, "white") for s in ("circle", "square") for c in ("red", "green", "blue")]
    for index, (shape, colour, background) in enumerate(cases):
        image = draw_shape(shape, colour, background, seed=1000 + index)
        caption = captioner.caption(image, beam_size=3)
        assert caption.text.endswith(".") and caption.tokens
        right += colour in caption.tokens
    assert right >= 4, f"only {right}/6 colours right"


@pytest.mark.timeout(300)
def test_training_resumes_from_last_checkpoint(shapes_dataset, tmp_path):
    from dataclasses import replace

    from assistant.vision.training.train import train

    base = _two_epochs(shapes_dataset, tmp_path)
    first = train(base)
    assert [h["epoch"] for h in first["history"]] == [1, 2]
    second = train(replace(base, epochs=3))
    assert [h["epoch"] for h in second["history"]] == [1, 2, 3]
    assert second["history"][:2] == first["history"]
    # Same seed, no resume: the same three epochs, bit for bit.
    fresh = train(replace(base, epochs=3, out=tmp_path / "fresh"))
    assert [h["loss"] for h in fresh["history"]] == [h["loss"] for h in second["history"]]


def test_flip_augmentation_swaps_left_and_right_in_the_captions():
    from assistant.vision.model.vocab import Vocabulary
    from assistant.vision.training.train_data import CaptionPairs

    captions = {"a.jpg": ["a dog on the left of a cat", "a dog on the right"], "b.jpg": ["a red ball"]}
    vocab = Vocabulary.build((c for caps in captions.values() for c in caps), min_count=1)
    data = CaptionPairs(captions, {"a.jpg": 0, "b.jpg": 1}, vocab, max_tokens=12)
    mirrored = [" ".join(vocab.decode(ids.tolist())) for ids in data.mirrored_ids]
    assert mirrored == ["a dog on the right of a cat", "a dog on the left", "a red ball"]
    assert data.mirrored_ids.shape == data.ids.shape


@pytest.mark.timeout(300)
def test_flip_augmented_training_reads_the_mirror_cache_and_is_seeded(shapes_dataset, tmp_path):
    from dataclasses import replace

    from assistant.vision.training.train import train

    base = _two_epochs(shapes_dataset, tmp_path, flip=True)
    first = train(base)
    assert len(list((tmp_path / "f" / "efficientnet-lite0").glob("*.npy"))) == 2  # plain + mirrored
    assert first["history"][1]["loss"] < first["history"][0]["loss"]
    again = train(replace(base, out=tmp_path / "again"))  # same seed: the same flips, the same losses
    assert [h["loss"] for h in again["history"]] == [h["loss"] for h in first["history"]]
    plain = train(replace(base, out=tmp_path / "plain", flip=False))
    assert [h["loss"] for h in plain["history"]] != [h["loss"] for h in first["history"]]


def _two_epochs(shapes_dataset, tmp_path, **changes):
    """A two-epoch run of a very small captioner on the shapes, on one thread."""
    from assistant.vision.training.train import TrainConfig

    torch.set_num_threads(1)
    return TrainConfig(
        data_dir=shapes_dataset,
        out=tmp_path / "run",
        feature_cache=tmp_path / "f",
        encoder="efficientnet-lite0",
        epochs=2,
        batch_size=32,
        embed_dim=16,
        hidden_dim=16,
        attention_dim=16,
        dropout=0.0,
        min_count=1,
        val_beam=1,
        device="cpu",
        progress=False,
        half=False,
        lr=3e-3,
        **changes,
    )
