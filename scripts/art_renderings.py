"""Painterly and cartoon renderings of photos, for the photo / painting / drawing probe (issue #16).

The probe (scripts/train_art_probe.py) must learn *how* a picture is made, not what it shows, so each
Flickr8k training photo is shown to it three ways: as itself (a photo), painted (one of the styles
below) and as a cartoon. Pure OpenCV core + numpy (no opencv-contrib), seeded by the caller's
``numpy.random.Generator``; about 20-60 ms a picture at 336 pixels.

Painting styles: watercolour (``cv2.stylization``), oil (a Kuwahara filter, canvas grain, an old
varnish's yellow), impressionist brush strokes (short thick strokes along the picture's edges), ink
wash (grey washes and dark strokes on paper), woodblock print (few flat colours, dark outlines on
paper). Cartoon: edge-preserving smoothing, colour quantisation, black outlines.
"""

from __future__ import annotations

import cv2
import numpy as np

SIDE = 336  # renderings are made at this size (the encoder reads 260)


def _fit(rgb: np.ndarray) -> np.ndarray:
    h, w = rgb.shape[:2]
    scale = SIDE / max(h, w)
    return cv2.resize(
        rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_CUBIC
    )


def _quantise(rgb: np.ndarray, colours: int, rng: np.random.Generator) -> np.ndarray:
    """``rgb`` in ``colours`` flat colours (k-means, seeded)."""
    cv2.setRNGSeed(int(rng.integers(1 << 30)))
    data = rgb.reshape(-1, 3).astype(np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 8, 1.0)
    _, labels, centres = cv2.kmeans(data, colours, None, criteria, 1, cv2.KMEANS_PP_CENTERS)
    return centres.astype(np.uint8)[labels.reshape(-1)].reshape(rgb.shape)


def _paper(shape: tuple[int, ...], rng: np.random.Generator, tint: tuple[int, int, int]) -> np.ndarray:
    noise = rng.normal(0, 6, shape[:2]).astype(np.float32)
    grain = cv2.GaussianBlur(noise, (0, 0), 1.2)[..., None]
    return np.clip(np.array(tint, np.float32) + grain, 0, 255)  # (H, W, 3)


def _kuwahara(rgb: np.ndarray, radius: int) -> np.ndarray:
    """Each pixel takes the mean of the least varied of its four quadrants: flat patches, kept edges."""
    img = rgb.astype(np.float32)
    grey = img.mean(axis=2)
    k = radius + 1
    mean = cv2.blur(img, (k, k))
    sq = cv2.blur(grey * grey, (k, k)) - cv2.blur(grey, (k, k)) ** 2  # (H, W) variance
    h, w = grey.shape
    best = np.full((h, w), np.inf, np.float32)
    out = np.zeros_like(img)
    half = k // 2
    for dy in (-half, half):
        for dx in (-half, half):
            m = np.roll(mean, (dy, dx), axis=(0, 1))
            v = np.roll(sq, (dy, dx), axis=(0, 1))
            take = v < best
            best = np.where(take, v, best)
            out[take] = m[take]
    return out


def watercolour(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = cv2.stylization(rgb, sigma_s=float(rng.uniform(40, 120)), sigma_r=float(rng.uniform(0.3, 0.6)))
    paper = _paper(out.shape, rng, (250, 246, 236))
    wash = float(rng.uniform(0.15, 0.35))
    return np.clip((1 - wash) * out + wash * paper * out / 255.0 + 0.1 * (paper - 240), 0, 255).astype(
        np.uint8
    )


def oil(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    out = _kuwahara(rgb, int(rng.integers(5, 10)))
    hsv = cv2.cvtColor(np.clip(out, 0, 255).astype(np.uint8), cv2.COLOR_RGB2HSV).astype(np.float32)
    hsv[..., 1] *= rng.uniform(1.0, 1.5)
    out = cv2.cvtColor(np.clip(hsv, 0, 255).astype(np.uint8), cv2.COLOR_HSV2RGB).astype(np.float32)
    canvas = rng.normal(0, 1, out.shape[:2]).astype(np.float32)
    canvas = cv2.blur(canvas, (1, 5)) + cv2.blur(canvas, (5, 1))
    out += 10 * canvas[..., None]
    if rng.random() < 0.5:  # an old varnish: yellowed, darker
        out = out * np.array([1.0, 0.9, 0.65]) * rng.uniform(0.7, 0.95)
    return np.clip(out, 0, 255).astype(np.uint8)


def brush_strokes(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Impressionist: short thick strokes of the local colour, across the picture's gradients."""
    base = cv2.GaussianBlur(rgb, (0, 0), 2.0)
    grey = cv2.cvtColor(base, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx, gy = cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1)
    h, w = grey.shape
    canvas = cv2.blur(base, (15, 15)).copy()
    length, thick = int(rng.integers(5, 12)), int(rng.integers(2, 5))
    step = max(2, thick)
    ys, xs = np.mgrid[0:h:step, 0:w:step]
    ys = np.clip(ys.ravel() + rng.integers(-step, step + 1, ys.size), 0, h - 1)
    xs = np.clip(xs.ravel() + rng.integers(-step, step + 1, xs.size), 0, w - 1)
    order = rng.permutation(ys.size)
    jitter = rng.normal(0, 10, (ys.size, 3))
    for i in order:
        y, x = int(ys[i]), int(xs[i])
        angle = np.arctan2(gy[y, x], gx[y, x]) + np.pi / 2
        dx, dy = np.cos(angle) * length / 2, np.sin(angle) * length / 2
        colour = np.clip(base[y, x].astype(np.float32) + jitter[i], 0, 255)
        cv2.line(
            canvas,
            (int(x - dx), int(y - dy)),
            (int(x + dx), int(y + dy)),
            colour.tolist(),
            thick,
            cv2.LINE_AA,
        )
    return canvas


def ink_wash(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    soft = cv2.GaussianBlur(grey, (0, 0), rng.uniform(1.5, 3.0)).astype(np.float32)
    levels = int(rng.integers(3, 6))
    wash = np.round(soft / 255 * (levels - 1)) / (levels - 1)  # a few grey washes
    lines = cv2.Canny(grey, 60, 160)
    edges = cv2.dilate(lines, np.ones((2, 2), np.uint8)) > 0
    paper = _paper(rgb.shape, rng, (238, 232, 214))
    ink = 0.35 + 0.65 * wash[..., None]
    out = paper * (1 - (1 - ink) * rng.uniform(0.5, 0.9))
    out[edges] = out[edges] * 0.25
    return np.clip(out, 0, 255).astype(np.uint8)


def woodblock(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    flat = _quantise(cv2.bilateralFilter(rgb, 9, 60, 9), int(rng.integers(5, 9)), rng).astype(np.float32)
    flat = 0.8 * flat + 0.2 * np.array([235, 220, 180], np.float32)  # pale, paper-toned inks
    edges = cv2.Canny(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), 80, 200) > 0
    flat[edges] = flat[edges] * 0.3
    grain = _paper(rgb.shape, rng, (128, 128, 128)) - 128
    return np.clip(flat + 0.7 * grain, 0, 255).astype(np.uint8)


def cartoon(rgb: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    smooth = rgb
    for _ in range(int(rng.integers(2, 5))):
        smooth = cv2.bilateralFilter(smooth, 9, 75, 75)
    flat = _quantise(smooth, int(rng.integers(6, 12)), rng)
    grey = cv2.medianBlur(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), 7)
    edges = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 9, 4) == 0
    if rng.random() < 0.5:
        edges = cv2.dilate(edges.astype(np.uint8), np.ones((2, 2), np.uint8)) > 0
    out = flat.copy()
    out[edges] = 20
    return out


PAINTINGS = (watercolour, oil, brush_strokes, ink_wash, woodblock)


def render(rgb: np.ndarray, style: str, rng: np.random.Generator) -> np.ndarray:
    """``rgb (H, W, 3) uint8`` rendered as ``style`` ("painting": one of :data:`PAINTINGS` at random,
    or "cartoon"), at :data:`SIDE` pixels."""
    picture = _fit(rgb)
    if style == "cartoon":
        return cartoon(picture, rng)
    return PAINTINGS[int(rng.integers(len(PAINTINGS)))](picture, rng)
