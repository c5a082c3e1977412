"""Attention maps: where the captioner looked for each word it said (Show, Attend and Tell, §4.4).

``explain`` captions an image and draws one panel per emitted word (and the final ``<end>``) with
that step's soft-attention weights upsampled smoothly to the image size and laid over it, plus the
plain image first and the whole caption as the figure title. It is the quickest way to see whether
a caption is grounded ("dog" lights up the dog) or a language-model guess (attention spread thin).

matplotlib is imported lazily and drawn on an Agg canvas: no display is needed, and nothing here
is imported by the app's hot path.
"""

from __future__ import annotations

import io
import math
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from assistant.errors import AssistantError
from assistant.vision.inference.torch_captioner import Captioner, CaptionResult

#: Longest side of the image inside each panel; keeps the PNG small and the drawing fast.
PANEL_SIDE = 224
COLUMNS = 5
END_LABEL = "<end>"


def attention_map(alpha: np.ndarray, grid: tuple[int, int], size: tuple[int, int]) -> np.ndarray:
    """One step's weights ``(N,)`` -> a ``(height, width)`` map in 0..1, bilinearly upsampled to ``size``.

    Normalised per word (max = 1) so that a word whose attention is spread thin still shows where
    its peak is; the colour bar would otherwise be dominated by the sharpest word.
    """
    rows, cols = grid
    cells = np.asarray(alpha, dtype=np.float32).reshape(rows, cols)
    peak = float(cells.max())
    cells = cells / peak if peak > 0 else cells
    small = Image.fromarray(cells, mode="F")
    return np.asarray(small.resize(size, Image.Resampling.BILINEAR), dtype=np.float32).clip(0.0, 1.0)


def _grid_of(result: CaptionResult) -> tuple[int, int]:
    if result.alphas is None:
        raise AssistantError("The captioner gave no attention weights to draw.")
    cells = result.alphas.shape[1]
    if result.grid is not None and result.grid[0] * result.grid[1] == cells:
        return result.grid
    side = round(math.sqrt(cells))
    if side * side != cells:
        raise AssistantError(f"The attention grid of {cells} cells is not square; I cannot draw it.")
    return side, side


def _panel_image(image: Image.Image) -> Image.Image:
    scale = PANEL_SIDE / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.convert("RGB").resize(size, Image.Resampling.BICUBIC)


def draw_attention(
    image: Image.Image, result: CaptionResult, out_path: Path, columns: int = COLUMNS, dpi: int = 100
) -> Path:
    """Write the figure for an existing caption ``result`` of ``image`` to ``out_path`` (PNG)."""
    # A bare Figure on an Agg canvas: no pyplot, so no global backend switch and no GUI, even
    # inside the Qt app's process.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    grid = _grid_of(result)
    assert result.alphas is not None  # checked by _grid_of
    words = [*result.tokens, END_LABEL][: result.alphas.shape[0]]
    picture = _panel_image(image)
    panels = len(words) + 1  # the plain image first
    cols = max(1, min(columns, panels))
    rows = math.ceil(panels / cols)
    aspect = picture.height / picture.width
    fig = Figure(figsize=(2.4 * cols, 2.4 * aspect * rows + 0.7), dpi=dpi)
    FigureCanvasAgg(fig)
    axes = fig.subplots(rows, cols, squeeze=False)
    flat: list[Any] = list(axes.ravel())
    flat[0].imshow(picture)
    flat[0].set_title("image", fontsize=10)
    for axis, word, alpha in zip(flat[1:], words, result.alphas, strict=False):
        heat = attention_map(alpha, grid, picture.size)
        axis.imshow(picture)
        axis.imshow(heat, cmap="inferno", alpha=0.6, vmin=0.0, vmax=1.0)
        axis.set_title(word, fontsize=11)
    for axis in flat:
        axis.set_axis_off()
    fig.suptitle(textwrap.fill(result.text, width=int(11 * 2.4 * cols)), fontsize=12)
    fig.tight_layout()
    out_path = Path(out_path)
    buffer = io.BytesIO()
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(buffer, format="png")
        with Image.open(buffer) as drawn:
            # Drop matplotlib's alpha channel (a quarter of the bytes) and let PNG optimise.
            drawn.convert("RGB").save(out_path, format="PNG", optimize=True)
    except OSError:
        raise AssistantError(f"I cannot write the picture {out_path.name}.") from None
    return out_path


def alt_text(result: CaptionResult) -> str:
    """A short description of the figure itself, for the ``.txt`` sidecar (figures need alt text too)."""
    return (
        f"Attention maps for the caption “{result.text}”: the image, then one heat map per word "
        f"({len(result.tokens)} words and the end), brighter where the model looked."
    )


def explain_with_result(
    captioner: Captioner,
    image: Image.Image | str | Path,
    out_path: Path,
    beam_size: int = 3,
    sidecar: bool = False,
    dpi: int = 100,
) -> tuple[Path, CaptionResult]:
    """:func:`explain`, also returning the caption it drew (the CLI prints it)."""
    from assistant.capture.image_loading import load_image

    if beam_size < 1:
        raise AssistantError("The beam size must be at least 1.")
    if not 20 <= dpi <= 600:
        raise AssistantError("The resolution must be between 20 and 600 dots per inch.")
    picture = load_image(image)
    result = captioner.caption(picture, beam_size=beam_size)
    path = draw_attention(picture, result, Path(out_path), dpi=dpi)
    if sidecar:
        path.with_suffix(".txt").write_text(alt_text(result) + "\n", encoding="utf-8")
    return path, result


def explain(
    captioner: Captioner,
    image: Image.Image | str | Path,
    out_path: Path,
    beam_size: int = 3,
    sidecar: bool = False,
    dpi: int = 100,
) -> Path:
    """Caption ``image`` with ``captioner`` and write its attention maps to ``out_path`` (PNG).

    ``image`` may be a path (loaded safely: a bad file raises :class:`ImageLoadError`). With
    ``sidecar`` a ``.txt`` next to the PNG holds the figure's alt text.
    """
    return explain_with_result(captioner, image, out_path, beam_size, sidecar, dpi)[0]
