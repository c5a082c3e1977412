"""``assistant evaluate`` on a small rendered set, through the real CLI and pycocoevalcap."""

import json
import subprocess
import sys

import pytest

KEYS = {"bleu1", "bleu2", "bleu3", "bleu4", "meteor", "rougeL", "cider", "n_images"}


@pytest.mark.timeout(300)
def test_evaluate_prints_the_metrics_object(shapes_dataset, tiny_model_dir):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant",
            "evaluate",
            "--images",
            str(shapes_dataset / "images"),
            "--captions",
            str(shapes_dataset / "captions.tsv"),
            "--split",
            "val",
            "--model",
            str(tiny_model_dir),
            "--beam",
            "3",
            "--device",
            "cpu",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(result) == KEYS
    assert result["n_images"] == 18
    for key in ("bleu1", "bleu2", "bleu3", "bleu4", "rougeL"):
        assert 0.0 <= result[key] <= 1.0
    assert result["meteor"] is None or 0.0 <= result["meteor"] <= 1.0
    assert result["bleu1"] > 0.5 and result["cider"] > 1.0  # the tiny model learnt the shapes


def test_metrics_of_perfect_and_wrong_captions():
    from assistant.vision.evaluation.metrics import score_captions

    refs = {"a": ["a red circle on white", "a red circle"], "b": ["a blue square on black", "a blue square"]}
    perfect = score_captions(
        refs, {"a": "a red circle on white", "b": "a blue square on black"}, meteor=False
    )
    wrong = score_captions(refs, {"a": "two dogs play in the snow", "b": "a man rides a bike"}, meteor=False)
    assert perfect["bleu4"] is not None and wrong["bleu4"] is not None
    assert perfect["bleu4"] > 0.9 and wrong["bleu4"] < 0.1
    assert perfect["cider"] is not None and wrong["cider"] is not None
    assert perfect["cider"] > wrong["cider"]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_evaluate_rerank_scores_the_apps_captions(tmp_path, tiny_model_dir, capsys):
    """``--rerank`` scores what the app says: the shipped captioner's beam re-ranked by the shipped
    image-text model. The references here are the app's own re-ranked captions, so they score perfectly;
    a model without a matching image-text model is refused in one sentence."""
    from PIL import Image

    from assistant.cli import main
    from assistant.describe import Describer, DescriberOptions
    from tests.support.shapes import draw_shape

    images = tmp_path / "images"
    images.mkdir()
    describer = Describer(DescriberOptions(device="cpu", runtime="torch", ocr="none"))
    lines = ["image\tsplit\tcaption"]
    for i, (shape, colour) in enumerate([("circle", "red"), ("square", "blue")]):
        draw_shape(shape, colour, "white", seed=900 + i).resize((260, 260)).save(images / f"{i}.png")
        said = describer.caption(Image.open(images / f"{i}.png").convert("RGB")).text
        lines += [f"{i}.png\tval\t{said}"] * 2
    (tmp_path / "captions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tsv = str(tmp_path / "captions.tsv")
    args = ["evaluate", "--images", str(images), "--captions", tsv, "--device", "cpu", "--rerank", "--json"]
    args.append("--no-meteor")  # METEOR (a Java process) is checked by the first test; BLEU and CIDEr suffice
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["meteor"] is None
    assert result["n_images"] == 2 and result["bleu4"] == pytest.approx(1.0) and result["cider"] > 9.9

    assert main([*args, "--model", str(tiny_model_dir)]) != 0  # a lite0 model: no image-text model for it
    assert "no image-text model" in capsys.readouterr().err


@pytest.mark.timeout(300)
def test_evaluate_scores_the_onnx_runtime_the_app_runs(tmp_path, tiny_model_dir, capsys):
    """``--runtime onnx`` scores the export: with the fp32 step it says exactly what torch says (the
    references here are torch's captions, so BLEU-1 and ROUGE-L are 1); by default it runs the int8
    step, as the app does."""
    from assistant.cli import main
    from assistant.vision.inference.torch_captioner import Captioner
    from tests.support.shapes import draw_shape

    images = tmp_path / "images"
    images.mkdir()
    torch_captioner = Captioner.load(tiny_model_dir, "cpu")
    lines = ["image\tsplit\tcaption"]
    for i, (shape, colour) in enumerate([("circle", "red"), ("square", "blue"), ("triangle", "green")]):
        image = draw_shape(shape, colour, "white", size=160, seed=950 + i)
        image.save(images / f"{i}.png")
        lines += [f"{i}.png\tval\t{torch_captioner.caption(image).text}"] * 2
    (tmp_path / "captions.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["evaluate", "--images", str(images), "--captions", str(tmp_path / "captions.tsv")]
    args += ["--model", str(tiny_model_dir), "--runtime", "onnx", "--json", "--no-meteor"]

    assert main([*args, "--fp32-step"]) == 0
    fp32 = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (
        fp32["n_images"] == 3 and fp32["bleu1"] == pytest.approx(1.0) and fp32["rougeL"] == pytest.approx(1.0)
    )
    assert main(args) == 0
    int8 = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert int8["n_images"] == 3 and 0.0 < int8["bleu1"] <= 1.0
