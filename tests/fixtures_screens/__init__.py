"""A labelled set of rendered screens with known text, for OCR, reading order and kind checks.

Every picture is rendered by the project itself (Pillow, Qt offscreen, headless Chromium) and
cached under ``<repo>/.cache/fixtures_screens/`` (gitignored), keyed by a hash of the generator
source, so a second run costs nothing. ``load_fixtures()`` returns them with their labels.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from tests.fixtures_screens import html_pages, pillow_scenes, qt_scenes

REPO = Path(__file__).resolve().parents[2]
CACHE_ROOT = REPO / ".cache" / "fixtures_screens"


@dataclass
class ScreenFixture:
    name: str
    kind: str  # screen | document | photo | mixed
    source: str  # pillow | qt | chromium
    texts: list[str]  # every string drawn: the recall denominator
    anchors: list[str] = field(default_factory=list)  # phrases that must be read in this order
    photo_regions: int = 0  # how many photos are drawn in (mixed pages)
    image_path: Path | None = None

    def image(self) -> Image.Image:
        assert self.image_path is not None
        with Image.open(self.image_path) as im:
            return im.convert("RGB")


def _source_hash() -> str:
    h = hashlib.sha256()
    for module in (html_pages, pillow_scenes, qt_scenes, sys.modules[__name__]):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    return CACHE_ROOT / _source_hash()


def _pillow_specs(size: tuple[int, int]) -> list[tuple[ScreenFixture, Callable[[], Image.Image]]]:
    specs: list[tuple[ScreenFixture, Callable[[], Image.Image]]] = []
    for name, lines in pillow_scenes.TERMINAL_SESSIONS.items():
        specs.append(
            (
                ScreenFixture(name, "screen", "pillow", ["Terminal", *lines]),
                lambda n=name: pillow_scenes.terminal(n, size),
            )
        )
    docs = [
        ("doc_one_column", 1, "Annual letter to our members", 1),
        ("doc_two_column", 2, "Field notes on coastal birds", 2),
        ("doc_three_column", 3, "Village newsletter for spring", 3),
        ("doc_two_column_b", 2, "Minutes of the parish meeting", 4),
    ]
    for name, cols, title, seed in docs:
        img, drawn, anchors = pillow_scenes.document_page(seed, cols, title, size)
        specs.append(
            (ScreenFixture(name, "document", "pillow", drawn, anchors if cols > 1 else []), lambda im=img: im)
        )
    img, texts, boxes = pillow_scenes.photo_viewer(7, size)
    specs.append(
        (
            ScreenFixture("mixed_photo_viewer", "mixed", "pillow", texts, photo_regions=len(boxes)),
            lambda im=img: im,
        )
    )
    img, texts, boxes = pillow_scenes.social_post(8, size)
    specs.append(
        (
            ScreenFixture("mixed_social_post", "mixed", "pillow", texts, photo_regions=len(boxes)),
            lambda im=img: im,
        )
    )
    specs.append(
        (ScreenFixture("photo_plain", "photo", "pillow", []), lambda: pillow_scenes.photo_like(1024, 768, 3))
    )
    specs.append(
        (
            ScreenFixture("photo_sign_open", "photo", "pillow", ["OPEN"]),
            lambda: pillow_scenes.photo_with_sign(1024, 768, 5, "OPEN"),
        )
    )
    return specs


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def load_fixtures(
    sources: tuple[str, ...] = ("pillow", "qt", "chromium"), size: tuple[int, int] = (1280, 800)
) -> list[ScreenFixture]:
    """Renders (or reuses cached renders of) the fixture set; sources not installed are an error.

    ``size`` re-lays the Pillow and Chromium screens at another resolution (Qt dialogs keep their
    own size): the same texts in a different layout, used as a held-out check of the classifier.
    """
    out = cache_dir()
    if CACHE_ROOT.is_dir():  # renders of older generator versions
        for stale in CACHE_ROOT.iterdir():
            if stale.is_dir() and stale != out and stale.name != "timing":
                shutil.rmtree(stale, ignore_errors=True)
    if size != (1280, 800):
        out = out / f"{size[0]}x{size[1]}"
    out.mkdir(parents=True, exist_ok=True)
    fixtures: list[ScreenFixture] = []
    if "pillow" in sources:
        for fx, make in _pillow_specs(size):
            fx.image_path = out / f"{fx.name}.png"
            if not fx.image_path.exists():
                make().save(fx.image_path)
            fixtures.append(fx)
    if "qt" in sources:
        missing = [n for n in qt_scenes.QT_TEXTS if not (out / f"{n}.png").exists()]
        if missing:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
            subprocess.run(
                [sys.executable, "-m", "tests.fixtures_screens.qt_scenes", str(out), *missing],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
                timeout=180,
            )
        for name, texts in qt_scenes.QT_TEXTS.items():
            fixtures.append(ScreenFixture(name, "screen", "qt", texts, image_path=out / f"{name}.png"))
    if "chromium" in sources:
        for page in html_pages.all_pages():
            path = out / f"{page.name}.png"
            if not path.exists():
                html_pages.render_html(page, path, size)
            photos = page.body.count("<img")
            fixtures.append(
                ScreenFixture(
                    page.name,
                    page.kind,
                    "chromium",
                    page.texts,
                    page.anchors,
                    photo_regions=photos,
                    image_path=path,
                )
            )
    return fixtures


def word_recall(expected: list[str], read: str) -> tuple[float, list[str]]:
    """Fraction of expected words (multiset, case and punctuation folded) found in ``read``."""
    want = [w for t in expected for w in _words(t)]
    have: dict[str, int] = {}
    for w in _words(read):
        have[w] = have.get(w, 0) + 1
    missing = []
    for w in want:
        if have.get(w, 0) > 0:
            have[w] -= 1
        else:
            missing.append(w)
    return (1.0 - len(missing) / len(want)) if want else 1.0, missing


def order_correct(anchors: list[str], read: str) -> tuple[bool, list[str]]:
    """True when each anchor phrase is found in ``read`` after the previous one."""
    text = " ".join(_words(read))
    pos = 0
    problems = []
    for anchor in anchors:
        key = " ".join(_words(anchor))
        found = text.find(key, pos)
        if found < 0:
            problems.append(anchor if text.find(key) < 0 else f"{anchor} (out of order)")
            continue
        pos = found + len(key)
    return not problems, problems
