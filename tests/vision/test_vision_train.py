"""Training a real tiny captioner on rendered shapes: the loss falls, it learns to look, it resumes."""

import json

import pytest
import torch

from assistant.vision.captioner import Captioner
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

    from assistant.vision.train import TrainConfig, train

    torch.set_num_threads(1)
    base = TrainConfig(
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
    )
    first = train(base)
    assert [h["epoch"] for h in first["history"]] == [1, 2]
    second = train(replace(base, epochs=3))
    assert [h["epoch"] for h in second["history"]] == [1, 2, 3]
    assert second["history"][:2] == first["history"]
    # Same seed, no resume: the same three epochs, bit for bit.
    fresh = train(replace(base, epochs=3, out=tmp_path / "fresh"))
    assert [h["loss"] for h in fresh["history"]] == [h["loss"] for h in second["history"]]
