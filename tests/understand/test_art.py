"""The photo-or-painting probe and what is said of paintings and drawings (issue #16; understand/art.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image, ImageDraw

from assistant.errors import ModelError
from assistant.understand.art import ArtConfig, art_sentence, made_as, painted, person_line
from assistant.vision.inference.art_probe import ArtProbe, ArtProbeConfig, default_probe_dir, load_art_probe

ENCODER = "efficientnet-lite2"


def _pooled(image: Image.Image) -> np.ndarray:
    """The pooled feature a caption result carries: the encoder grid's mean."""
    import torch

    from assistant.vision.model.encoder import build_encoder, encoder_spec, preprocess

    pixels = preprocess([image], encoder_spec(ENCODER))
    with torch.inference_mode():
        grid = build_encoder(ENCODER)(pixels)[0].numpy()  # (N, 1280)
    return grid.mean(axis=0)  # (1280,)


def brush_painted(seed: int = 0) -> Image.Image:
    """A landscape painted in short thick strokes: sky, a sun, a meadow, a path."""
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (320, 240), (120, 160, 210))
    draw = ImageDraw.Draw(image)
    for _ in range(2500):
        x, y = rng.uniform(0, 320), rng.uniform(0, 240)
        base = (110, 150, 215) if y < 110 else (70, 130, 60) if y < 200 else (150, 110, 60)
        if (x - 220) ** 2 + (y - 60) ** 2 < 900:
            base = (240, 200, 80)
        colour = tuple(int(v) for v in np.clip(np.array(base) + rng.normal(0, 25, 3), 0, 255))
        angle, length = rng.uniform(-0.6, 0.6), rng.uniform(4, 10)
        end = (x + length * np.cos(angle), y + length * np.sin(angle))
        draw.line([(x, y), end], fill=colour, width=int(rng.integers(3, 6)))
    return image


def cartoon() -> Image.Image:
    """A yellow chick in black outlines on white."""
    image = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse([60, 80, 200, 200], fill=(240, 200, 60), outline="black", width=4)
    draw.ellipse([100, 40, 160, 100], fill=(240, 200, 60), outline="black", width=4)
    draw.ellipse([115, 60, 125, 70], fill="black")
    draw.ellipse([135, 60, 145, 70], fill="black")
    return image


def _probe(tmp_path: Path) -> Path:
    """A probe that reads feature 0 as photo, 1 as painting, 2 as drawing."""
    weight = np.zeros((3, 8), np.float32)
    weight[0, 0], weight[1, 1], weight[2, 2] = 0.4, 0.4, 0.4
    folder = tmp_path / "probe"
    ArtProbe(ArtProbeConfig(ENCODER, scale=10.0), weight, np.zeros(3, np.float32)).save(folder)
    return folder


def _unit(i: int, mix: float = 0.0) -> np.ndarray:
    x = np.zeros(8, np.float32)
    x[i] = 1.0
    x[0] += mix  # some photo in it
    return x


def test_a_saved_probe_loads_and_a_damaged_one_is_refused(tmp_path: Path) -> None:
    folder = _probe(tmp_path)
    probe = load_art_probe(folder, ENCODER)
    assert probe is not None
    p = probe.probabilities(_unit(1))
    assert max(p, key=lambda k: p[k]) == "painting" and sum(p.values()) == pytest.approx(1.0, abs=1e-5)
    assert load_art_probe(folder, "another-encoder") is None  # made for another grid: not applied
    with pytest.raises(ModelError):
        ArtProbe(ArtProbeConfig(ENCODER), np.zeros((2, 8), np.float32), np.zeros(3, np.float32))
    (folder / "probe.safetensors").write_bytes(b"not a probe")
    assert load_art_probe(folder, ENCODER) is None  # damaged: logged, left out, describing goes on


def test_a_painting_or_drawing_is_said_as_one_and_a_photo_is_not(tmp_path: Path) -> None:
    folder, no_head = _probe(tmp_path), tmp_path / "no-head"
    said = {
        i: art_sentence(_unit(i), ENCODER, probe_dir=folder, head_dir=no_head, person_dir=no_head)
        for i in range(3)
    }
    assert said == {0: None, 1: "A painting.", 2: "A drawing."}
    # Less sure: hedged; under ``probable``: nothing said, the gate's own sentence stays.
    assert (
        art_sentence(_unit(1, 0.75), ENCODER, probe_dir=folder, head_dir=no_head, person_dir=no_head)
        == "Probably a painting."
    )
    assert (
        art_sentence(_unit(1, 1.5), ENCODER, probe_dir=folder, head_dir=no_head, person_dir=no_head) is None
    )
    # The trust gate reads the probe only when it is sure.
    assert painted(_unit(1), ENCODER, probe_dir=folder) > ArtConfig().sure
    assert painted(_unit(2), ENCODER, probe_dir=folder) > ArtConfig().sure  # a drawing
    assert painted(_unit(1, 0.75), ENCODER, probe_dir=folder) > 0.5  # a painting at 0.67
    assert painted(_unit(1, 1.5), ENCODER, probe_dir=folder) == 0.0
    assert painted(_unit(0), ENCODER, probe_dir=folder) == 0.0
    assert made_as(None, ENCODER, probe_dir=folder) is None


def test_a_half_painted_pictures_person_needs_a_paintings_evidence(tmp_path: Path) -> None:
    from dataclasses import replace

    from assistant.understand.trust import Subjects, TrustConfig, verdict

    folder, cfg = _probe(tmp_path), ArtConfig()
    half = _unit(1, 1.5)  # painting 0.24: captioned as a photo (under painting_sure), but half painted
    painting = load_art_probe(folder, ENCODER).probabilities(half)["painting"]  # type: ignore[union-attr]
    assert cfg.half_painted <= painting < cfg.painting_sure
    assert person_line(_unit(0), ENCODER, -1.0, probe_dir=folder) == -1.0  # a photo: the gate's own line
    assert person_line(half, ENCODER, -1.0, probe_dir=folder) == cfg.people
    assert person_line(half, ENCODER, 5.0, probe_dir=folder) == 5.0  # never lowered
    # The gate with each line: Hokusai's waves' caption, the person probe at 0.3 (wild half A).
    caption, seen = "A man is sitting on a rock .", Subjects(person=0.3, dog=None)
    photo_line, half_line = TrustConfig(), replace(TrustConfig(), person_logit=cfg.people)
    assert verdict(caption, 0.6, None, {}, photo_line, 0.0, seen).trusted
    judged = verdict(caption, 0.6, None, {}, half_line, 0.0, seen)
    assert not judged.trusted and "man" not in (judged.sentence or "").lower().split()
    painted_people = Subjects(person=3.4, dog=None)  # Renoir's dancers: the person stays
    assert verdict("A group of people are dancing .", 0.6, None, {}, half_line, 0.0, painted_people).trusted


@pytest.mark.timeout(120)
def test_the_shipped_probe_knows_a_brush_painting_and_a_cartoon() -> None:
    assert load_art_probe(default_probe_dir(), ENCODER) is not None, "the probe ships in resources/models"
    painting = made_as(_pooled(brush_painted()), ENCODER)
    drawing = made_as(_pooled(cartoon()), ENCODER)
    assert painting is not None and painting[0] == "painting" and painting[1] >= ArtConfig().sure
    assert drawing is not None and drawing[0] == "drawing" and drawing[1] >= ArtConfig().sure


@pytest.mark.timeout(120)
def test_a_painting_on_the_photo_path_is_said_as_a_painting_not_captioned() -> None:
    from assistant.understand.graphics import named_instead
    from assistant.understand.trust import ARTWORK, annotate, speak

    image = brush_painted(1)
    result = SimpleNamespace(text="A man is standing in a field .", pooled=_pooled(image))
    annotate(result, None, ENCODER, image)
    assert not result.trust.trusted and result.trust.sentence.startswith(ARTWORK)
    said = named_instead(result.pooled, image, ENCODER, speak(result, "Possibly a man in a field."))
    assert said is not None and said.startswith("A painting"), said
    assert "man" not in said and "field" not in said


def _heads(tmp_path: Path, person_bias: float = 0.0) -> tuple[Path, Path]:
    """A person probe reading feature 3 and an icon-and-drawing head whose labels read features 4-7."""
    from assistant.vision.inference.graphics_labels import GraphicsHead, GraphicsHeadConfig
    from assistant.vision.inference.person_probe import PersonProbe, ProbeConfig

    person = np.zeros(8, np.float32)
    person[3] = 1.0
    PersonProbe(ProbeConfig(ENCODER), person, person_bias).save(tmp_path / "person")
    weight = np.zeros((4, 8), np.float32)
    for j in range(4):
        weight[j, 4 + j] = 1.0
    styles = np.zeros((2, 8), np.float32)
    head = GraphicsHead(
        GraphicsHeadConfig(ENCODER), weight, np.zeros(4, np.float32), ["lion", "boy", "woman", "other"],
        styles, np.array([0.0, 1.0], np.float32),
    )  # fmt: skip
    head.save(tmp_path / "head")
    return tmp_path / "person", tmp_path / "head"


def test_a_painting_s_people_or_animal_is_said_hedged(tmp_path: Path) -> None:
    probe = _probe(tmp_path)
    person, head = _heads(tmp_path)

    def said(**features: float) -> str | None:
        x = _unit(1)
        for i, value in features.items():
            x[int(i[1:])] = value
        return art_sentence(x, ENCODER, probe_dir=probe, head_dir=head, person_dir=person)

    assert said(f3=1.0) == "A painting, perhaps a portrait."  # the person probe at 7.1
    assert said(f3=0.5) == "A painting, perhaps of people."  # at 4.5: people, not one of them
    assert said(f4=3.0) == "Probably a painting, perhaps of a lion."  # the head's animal at 0.87
    assert said(f5=3.0) == "Probably a painting."  # its "boy" is a guess: not said
    assert said(f4=0.2) == "A painting."  # the lion at 0.29: under ArtConfig.content, not said


def test_a_drawing_of_several_people_is_said_as_people_one_unsure_person_is_not(tmp_path: Path) -> None:
    from assistant.understand.graphics import graphic_sentence

    _, head = _heads(tmp_path)
    drawn = cartoon()
    several = np.zeros(8, np.float32)
    several[5:7] = 1.0  # boy and woman at 0.4 each, lion and other at 0.15
    one = np.zeros(8, np.float32)
    one[6] = 1.6  # a woman at 0.62, no one else
    assert graphic_sentence(several, drawn, ENCODER, head_dir=head) == "Probably a drawing of people."
    assert graphic_sentence(one, drawn, ENCODER, head_dir=head) is None


@pytest.mark.timeout(120)
def test_imagenet_s_sure_thing_in_a_painting_is_a_painting_of_it_not_a_photo() -> None:
    from assistant.understand.graphics import named_instead

    image = brush_painted(2)
    pooled = _pooled(image)
    said = named_instead(pooled, image, ENCODER, "A photo of a lakeside.")
    assert said == "A painting, perhaps of a lakeside."  # hedged: ImageNet is often wrong on paintings
    drawn = _pooled(cartoon())  # a drawing's feature: no painting, the gate's sentence stays
    assert named_instead(drawn, image, ENCODER, "A photo of a lakeside.") == "A photo of a lakeside."
