"""Self-critical training: the CIDEr-D reward, the leave-one-out baseline, sampling, and a real run.

The reward must be pycocoevalcap's CIDEr-D exactly (checked where both take document frequencies
from the same references); the run fine-tunes the real tiny captioner trained on rendered shapes and
must raise the reward of its own samples, export a loadable model and resume bit-identically.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from safetensors.torch import load_file, save_file

from assistant.cli import main
from assistant.errors import ModelError
from assistant.vision.evaluation.cider_d import CiderD
from assistant.vision.model.checkpoint import load_model
from assistant.vision.model.vocab import tokenize
from assistant.vision.training.averaging import average_weights
from assistant.vision.training.config import ScstConfig
from assistant.vision.training.data import group_by_image, read_captions
from assistant.vision.training.features import cached_features
from assistant.vision.training.scst import leave_one_out_advantage, sample_captions, train_scst

REFERENCES = {
    "dog": ["a brown dog runs on the grass", "a dog is running across a green field", "the dog runs"],
    "kids": ["two children play in the water", "kids splash in a pool", "two kids are swimming"],
    "bike": ["a man rides a bike down a hill", "a cyclist on a mountain trail", "a man on a bicycle"],
}


def test_cider_d_is_pycocoevalcap_cider_with_the_same_frequencies() -> None:
    from pycocoevalcap.cider.cider import Cider

    hypotheses = {"dog": "a dog runs on the green grass", "kids": "two kids play in a pool", "bike": "a dog"}
    ours = CiderD({k: [tokenize(r) for r in refs] for k, refs in REFERENCES.items()})
    theirs, per_image = Cider().compute_score(REFERENCES, {k: [h] for k, h in hypotheses.items()})
    mine = ours.scores(list(hypotheses), [tokenize(h) for h in hypotheses.values()])
    assert mine == pytest.approx(list(per_image), abs=1e-12)
    assert sum(mine) / len(mine) == pytest.approx(theirs, abs=1e-12)
    assert mine[0] > mine[2]  # a fitting caption beats a wrong one


def test_cider_d_frequencies_come_from_the_corpus_not_the_batch() -> None:
    """A word in every image's references carries no weight, however rare it is in one batch."""
    refs = {k: [tokenize(r) for r in v] for k, v in REFERENCES.items()}
    refs |= {f"filler{i}": [["a", "cat", "sleeps"]] for i in range(20)}
    scorer = CiderD(refs)
    assert scorer.score("dog", ["a", "dog", "runs"]) > scorer.score("dog", ["a", "cat", "sleeps"])
    assert scorer.score("dog", []) == 0.0


def test_leave_one_out_baseline() -> None:
    rewards = torch.tensor([1.0, 2.0, 3.0, 0.0, 0.0, 6.0])  # two images, three samples each
    advantage = leave_one_out_advantage(rewards, 3)
    assert advantage.tolist() == pytest.approx([1 - 2.5, 2 - 2.0, 3 - 1.5, 0 - 3.0, 0 - 3.0, 6 - 0.0])
    assert float(leave_one_out_advantage(torch.full((4,), 0.7), 2).abs().max()) == 0.0


def test_samples_follow_the_decoder_and_stop_at_end(
    tiny_model_dir: Path, tiny_training: dict[str, Any]
) -> None:
    decoder, vocab, _ = load_model(tiny_model_dir)
    config = tiny_training["config"]
    names = list(group_by_image(read_captions(config.data_dir / "captions.tsv"), ["val"]))[:4]
    feats = _features(config, names)  # (4, N, D)
    torch.manual_seed(0)
    words, log_probs, mask = sample_captions(decoder, feats, 3, vocab.start_id, vocab.end_id, max_len=12)
    assert words.shape[0] == log_probs.shape[0] == mask.shape[0] == 12  # 4 images x 3 samples
    assert words.shape[1] <= 13
    for row_words, row_mask, row_logp in zip(words.tolist(), mask, log_probs, strict=True):
        length = int(row_mask.sum())  # words + <end>
        assert all(w != 0 for w in row_words[: length - 1]) and all(w == 0 for w in row_words[length - 1 :])
        assert bool((row_logp[:length] < 0).all()) and bool((row_logp[length:] == 0).all())
    log_probs.sum().backward()  # the graph is kept for REINFORCE
    fc = decoder.fc
    assert isinstance(fc, torch.nn.Linear)
    assert fc.weight.grad is not None and float(fc.weight.grad.abs().sum()) > 0


def _features(config: Any, names: list[str]) -> torch.Tensor:
    """The tiny run's cached lite0 grids for ``names`` as ``(I, N, D)`` float32."""
    cached = cached_features("efficientnet-lite0", config.data_dir / "images", names, torch.device("cpu"),
                             root=config.out.parent / "features", progress=False)  # fmt: skip
    return torch.from_numpy(np.array(cached)).float()


def _scst_config(tiny_training: dict[str, Any], out: Path, epochs: int) -> ScstConfig:
    config = tiny_training["config"]
    return ScstConfig(
        init=tiny_training["model_dir"],
        data_dir=config.data_dir,
        out=out,
        feature_cache=config.out.parent / "features",
        epochs=epochs,
        batch_size=16,
        samples=4,
        lr=2e-3,
        max_len=12,
        val_beam=1,
        seed=3,
        device="cpu",
        progress=False,
        half=False,
    )


def _mean_sample_reward(model_dir: Path, tiny_training: dict[str, Any], state: Path | None = None) -> float:
    """The mean CIDEr-D of 4 samples per training image (``state``: a run's ``last.pt`` weights)."""
    config = tiny_training["config"]
    grouped = group_by_image(read_captions(config.data_dir / "captions.tsv"), ["train"])
    names = list(grouped)
    feats = _features(config, names)
    decoder, vocab, _ = load_model(model_dir)
    if state is not None:
        decoder.load_state_dict(torch.load(state, weights_only=True)["decoder"])
    decoder.eval()
    torch.manual_seed(123)
    with torch.no_grad():
        words, _, _ = sample_captions(decoder, feats, 4, vocab.start_id, vocab.end_id, max_len=12)
    reward = CiderD({n: [tokenize(c) for c in caps] for n, caps in grouped.items()})
    keys = [n for n in names for _ in range(4)]
    scores = reward.scores(keys, [vocab.decode(row) for row in words.tolist()])
    return sum(scores) / len(scores)


@pytest.mark.timeout(300)
def test_scst_raises_the_reward_exports_and_resumes(tiny_training: dict[str, Any], tmp_path: Path) -> None:
    torch.set_num_threads(1)
    whole = train_scst(_scst_config(tiny_training, tmp_path / "whole", epochs=6))
    assert len(whole["history"]) == 6 and all("cider" in entry for entry in whole["history"])
    best = Path(whole["model_dir"])
    load_model(best)  # a normal, loadable model folder
    before = _mean_sample_reward(tiny_training["model_dir"], tiny_training)
    after = _mean_sample_reward(best, tiny_training, state=tmp_path / "whole" / "last.pt")
    assert after > before + 0.05, (before, after)

    split = tmp_path / "split"
    train_scst(_scst_config(tiny_training, split, epochs=2))  # "interrupted" after two epochs
    resumed = train_scst(_scst_config(tiny_training, split, epochs=6))
    assert [e["batches"] for e in resumed["history"]] == [e["batches"] for e in whole["history"]]
    a = torch.load(tmp_path / "whole" / "last.pt", weights_only=True)["decoder"]
    b = torch.load(split / "last.pt", weights_only=True)["decoder"]
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert load_file(str(best / "model.safetensors")).keys() == a.keys()
    _check_round_averaging(tiny_training, tmp_path / "whole", tmp_path)


def _check_round_averaging(tiny_training: dict[str, Any], run: Path, tmp_path: Path) -> None:
    """Every round's weights are kept; ``assistant average-weights`` writes their mean as a model."""
    rounds = sorted((run / "rounds").glob("*.safetensors"))
    assert [int(p.stem) for p in rounds] == [e["batches"] for e in json_lines(run / "log.jsonl")]
    init, out = str(tiny_training["model_dir"]), str(tmp_path / "avg")
    pair = [str(rounds[-2]), str(rounds[-1])]
    assert main(["average-weights", "--model", init, "--out", out, "--fp32", *pair]) == 0
    decoder, _, config = load_model(tmp_path / "avg")
    first, second = load_file(str(rounds[-2])), load_file(str(rounds[-1]))
    for name, tensor in decoder.state_dict().items():
        assert torch.allclose(tensor, (first[name] + second[name]) / 2, atol=1e-6)
    assert config.metadata["averaged"] == pair

    alien = tmp_path / "alien.safetensors"
    save_file({"fc.weight": torch.zeros(3, 3)}, str(alien))
    with pytest.raises(ModelError, match="belongs to another model"):
        average_weights([rounds[-1], alien])


def json_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
