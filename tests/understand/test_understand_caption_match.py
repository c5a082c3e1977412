"""Hedging photo captions on the image-text model's confidence: wording, and the Describer's numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from assistant.describe import Describer, DescriberOptions
from assistant.understand import ComposeConfig, understand
from assistant.understand.trust import ARTWORK, speak
from assistant.understand.wording import caption_confidence, hedge, hedge_result, match_confidence
from assistant.vision.matching.contrastive import NumpyContrastiveModel, default_contrastive_dir
from assistant.vision.model.mirror import average_with_mirror
from tests.fixtures_screens import pillow_scenes

CAPTION = "A dog runs on the grass"


@dataclass
class MatchedCaption:
    """What the Describer's captioner returns, with the match confidence the Describer adds."""

    text: str
    log_prob: float
    mean_log_prob: float
    confidence: float | None = None


class FixedCaptioner:
    """Says the same caption, with the same confidences, about every picture."""

    def __init__(self, word_probability: float, match: float | None) -> None:
        self.result = _caption(word_probability, match)

    def caption(self, image: Image.Image) -> MatchedCaption:
        return self.result


def _caption(word_probability: float, match: float | None) -> MatchedCaption:
    mean = math.log(word_probability)
    return MatchedCaption(f"{CAPTION}.", 6 * mean, mean, match)


def test_each_doubt_lowers_the_wording_one_step() -> None:
    cfg = ComposeConfig()  # sure 0.4 (word probability), match_sure 0.5, unsure 0.2
    assert hedge(CAPTION, 0.6, cfg, match=0.9) == "A dog runs on the grass."
    assert hedge(CAPTION, 0.6, cfg, match=0.5) == "A dog runs on the grass."  # 0.5: as likely as not
    assert hedge(CAPTION, 0.6, cfg, match=0.3) == "Probably a dog runs on the grass."
    assert hedge(CAPTION, 0.3, cfg, match=0.9) == "Probably a dog runs on the grass."
    assert hedge(CAPTION, 0.3, cfg, match=0.3) == "Possibly a dog runs on the grass."
    assert hedge(CAPTION, 0.1, cfg, match=0.99) is None  # a lost decoder: nothing made up, match or not
    assert hedge(CAPTION, 0.6, cfg) == "A dog runs on the grass."  # no match model: as before
    assert hedge(CAPTION, 0.3, cfg) == "Probably a dog runs on the grass."
    assert hedge("", 0.9, cfg, match=0.9) is None
    strict = ComposeConfig(match_sure=0.95)
    assert hedge(CAPTION, 0.6, strict, match=0.9) == "Probably a dog runs on the grass."


def test_hedge_result_reads_both_signals_the_result_carries() -> None:
    assert hedge_result(_caption(0.6, 0.9)) == "A dog runs on the grass."
    assert hedge_result(_caption(0.3, 0.2)) == "Possibly a dog runs on the grass."
    assert hedge_result(_caption(0.3, None)) == "Probably a dog runs on the grass."
    assert hedge_result(_caption(0.6, float("nan"))) == "A dog runs on the grass."  # no usable match
    assert match_confidence(_caption(0.6, 1.7)) == 1.0 and match_confidence(_caption(0.6, None)) is None
    # The reported confidence is the match when there is one, else the word probability.
    assert caption_confidence(_caption(0.3, 0.2)) == pytest.approx(0.2)
    assert caption_confidence(_caption(0.3, None)) == pytest.approx(0.3)


@pytest.mark.timeout(120)
def test_a_doubtful_photo_caption_is_spoken_hedged() -> None:
    photo = pillow_scenes.photo_like(320, 240, 5)
    result = understand(photo, captioner=FixedCaptioner(0.3, 0.1), ocr=None)
    assert result.kind == "photo"
    assert result.sentences[0] == "Possibly a dog runs on the grass."
    assert result.caption == "A dog runs on the grass." and result.caption_confidence == pytest.approx(0.1)
    sure = understand(photo, captioner=FixedCaptioner(0.6, 0.8), ocr=None)
    assert sure.sentences[0] == "A dog runs on the grass."


@pytest.mark.timeout(120)
def test_a_doubtful_picture_on_a_screen_reads_as_one_sentence() -> None:
    image, _texts, _boxes = pillow_scenes.photo_viewer(7)
    result = understand(image, captioner=FixedCaptioner(0.3, 0.1), ocr=None)
    assert result.kind != "photo"
    assert "A picture: possibly a dog runs on the grass." in result.sentences


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_describer_scores_the_shipped_caption_from_the_grid_it_already_computed(tmp_path: Path) -> None:
    """Shipped captioner (torch) + shipped image-text model: the confidence the Describer attaches is
    the model's score of the spoken caption against this very image's pooled encoder grid."""
    from assistant.vision.matching.folder_search import TorchGridEncoder

    photo = pillow_scenes.photo_like(320, 240, 11)
    options = DescriberOptions(device="cpu", runtime="torch", ocr="none", photo_ocr="none")
    describer = Describer(options)
    result = describer.caption(photo)
    assert result.pooled is not None and result.pooled.shape == (1280,)
    assert result.confidence is not None and 0.0 <= result.confidence <= 1.0
    assert "rerank" in result.timings  # chosen among the beam's best three

    matcher = NumpyContrastiveModel.load(default_contrastive_dir())
    encoder = TorchGridEncoder("efficientnet-lite2", "cpu")  # a second encode, of both pictures
    # The shipped model captions with the test-time flip: the photo's grid averaged with its mirror's.
    grid = average_with_mirror(encoder.encode([photo]), encoder.encode([ImageOps.mirror(photo)]))
    np.testing.assert_allclose(result.pooled, grid[0].mean(axis=0), atol=1e-4)
    assert result.confidence == pytest.approx(matcher.confidence(grid[0], result.text), abs=1e-4)

    heard: list[str] = []
    description = describer.describe(photo, on_sentence=heard.append)
    assert description.kind == "photo" and description.caption == result.text
    assert description.caption_confidence == pytest.approx(result.confidence, abs=1e-6)
    said = speak(result, hedge_result(result))  # hedged, or the trust gate's sentence (#16)
    assert said is not None
    if said.startswith(ARTWORK):  # the gate's "Perhaps a painting, print or cartoon." said as how it
        assert heard[0].endswith(said[len(ARTWORK) :])  # was made (art.py): "A drawing. Mostly ..."
    else:
        assert heard[0] == said

    # Without the image-text model nothing changes: no match confidence, word probability reported.
    plain = Describer(
        DescriberOptions(**{**vars(options), "contrastive_dir": tmp_path / "absent"}), describer.load()
    )
    bare = plain.caption(photo)
    assert bare.text == result.text and bare.confidence is None
    assert caption_confidence(bare) == pytest.approx(math.exp(bare.mean_log_prob), abs=1e-6)


@pytest.mark.timeout(600)
def test_a_captioner_on_another_encoder_gets_no_match_confidence(tiny_model_dir: Path) -> None:
    """The tiny model's lite0 grid is not what the shipped (lite2) image-text model was trained on."""
    describer = Describer(DescriberOptions(model_dir=tiny_model_dir, device="cpu", runtime="torch"))
    result = describer.caption(Image.new("RGB", (160, 160), (30, 60, 220)))
    assert result.pooled is not None  # the grid is there...
    assert result.confidence is None  # ...but scoring it with a model made for another encoder is refused
