"""The torch captioner: encoder + decoder + vocabulary, loaded once, used from one thread.

``CaptionResult`` lives in the torch-free :mod:`assistant.vision.inference.result` and is re-exported here.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import torch
from PIL import Image

from assistant.vision.inference.result import CaptionResult, attach_pooled, results_from_beams, stamp_timings
from assistant.vision.inference.torch_steps import beam_search
from assistant.vision.model.checkpoint import ModelConfig, load_model
from assistant.vision.model.decoder import CaptionDecoder
from assistant.vision.model.device import select_device
from assistant.vision.model.encoder import build_encoder, encoder_spec, preprocess
from assistant.vision.model.mirror import grid_side
from assistant.vision.model.vocab import Vocabulary


class Captioner:
    def __init__(
        self,
        encoder: torch.nn.Module,
        decoder: CaptionDecoder,
        vocab: Vocabulary,
        config: ModelConfig,
        device: torch.device,
    ) -> None:
        self.encoder = encoder.to(device).eval()
        self.decoder = decoder.to(device).eval()
        self.vocab = vocab
        self.config = config
        self.device = device
        self.spec = encoder_spec(config.encoder)

    @property
    def encoder_name(self) -> str:
        return self.config.encoder

    @property
    def image_size(self) -> int:
        return self.spec.image_size

    @property
    def length_penalty(self) -> float:
        return self.config.length_penalty

    @classmethod
    def load(
        cls, model_dir: Path, device: str | None = "auto", encoder_weights: Path | str | None = "packaged"
    ) -> Captioner:
        torch_device = select_device(device)
        decoder, vocab, config = load_model(model_dir, torch_device)
        encoder = build_encoder(config.encoder, encoder_weights)
        return cls(encoder, decoder, vocab, config, torch_device)

    @torch.inference_mode()
    def encode(self, images: Sequence[Image.Image], with_mirror: bool = False) -> torch.Tensor:
        """``(B, N, D)`` grid features; ``with_mirror`` averages in the mirror images' grids (mirror.py)."""
        pixels = preprocess(images, self.spec).to(self.device)  # (B, 3, S, S)
        if not with_mirror:
            return self.encoder(pixels).float()  # (B, N, D)
        grids = self.encoder(torch.cat([pixels, pixels.flip(-1)])).float()  # (2B, N, D)
        plain, mirrored = grids.chunk(2)
        side = grid_side(grids.size(1))
        restored = mirrored.unflatten(1, (side, side)).flip(2).flatten(1, 2)  # columns back in order
        return (plain + restored) / 2.0  # (B, N, D), as mirror.average_with_mirror

    def caption_batch(
        self, images: Sequence[Image.Image], beam_size: int = 3, n_best: int = 1, near_misses: bool = False
    ) -> list[CaptionResult]:
        """The best caption per image; with ``n_best`` > 1 or ``near_misses`` each also lists the beam's
        others (its near misses last)."""
        t0 = time.perf_counter()
        features = self.encode(images, self.config.test_time_flip)  # (B, N, D)
        t1 = time.perf_counter()
        hyps = beam_search(
            self.decoder,
            features,
            self.vocab.start_id,
            self.vocab.end_id,
            beam_size=beam_size,
            max_len=self.config.max_len,
            length_penalty=self.config.length_penalty,
            n_best=n_best,
            near_misses=near_misses,
        )
        t2 = time.perf_counter()
        results = results_from_beams(self.vocab, hyps, features.size(1))
        stamp_timings(results, t0, t1, t2)
        attach_pooled(results, features.mean(dim=1).cpu().numpy())  # (B, D): for the contrastive score
        return results

    def caption(self, image: Image.Image, beam_size: int = 3) -> CaptionResult:
        return self.caption_batch([image], beam_size)[0]
