"""Photos from outside Flickr8k for the person probe: Debian packages' pictures with and without people.

Why: trained on Flickr8k alone, the person probe (:mod:`assistant.vision.inference.person_probe`)
learnt "a person" against Flickr8k's other subjects (dogs, a few landscapes). It never saw a monument,
a canyon, a bus or a kettle without someone in front of it, so it scores them as people, and the
captioner's invented "A man is standing in front of a building" for the Colosseum passes the trust
gate. These pictures are the missing negatives (and a few positives from the same sources):

- ``tuxpaint-stamps-default``: ~550 photos cut out of their background (animals, food, tools,
  instruments, vehicles, coins, plants, ...) set on a studio backdrop with a soft shadow, as the wild
  set shows them; the few stamps of people (firemen, a paratrooper, a roll call, a spacewalk) are
  positives, and stamps that are drawings (``cartoon/`` folders) and symbols other than money are left out;
- ``gcompris-qt-data``: photos of monuments (``explore_monuments``, ``categorization``, ``details``),
  animals (``erase``, the explore activities) and tools (``categorization``), read from the Qt
  resource bundles with :func:`rcc_files` (no Qt needed); a musician (``explore_world_music``) is a
  positive;
- wallpapers (``plasma-workspace-wallpapers``, ``mate-backgrounds``, ``gnome-backgrounds``,
  ``ukui-wallpapers``): landscapes, water, flowers, abstract patterns.

Left out: every picture of the wild evaluation set (``datasets/wild/sources.json``), every other
photo of the same wallpaper or landmark as one of its pictures (another photo of the Colosseum, a
pyramid), paintings, drawings and cartoons; and, as for every model here, the sample images of
opencv-doc, scikit-image and matplotlib and the Adwaita icon theme. Nothing is copied into the
repository: the packages are downloaded (pinned versions) and unpacked under the cache folder.
Rendering is deterministic (the backdrop's tone and noise are seeded by the picture's key).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from assistant.vision.training import debian_packages
from assistant.vision.training.debian_packages import rcc_files

SEED = 16
PACKAGES = {  # Debian 12 (bookworm), pinned
    "tuxpaint-stamps-default": "2022.06.04-1",
    "gcompris-qt-data": "3.1-2",
    "plasma-workspace-wallpapers": "4:5.27.5-2",
    "mate-backgrounds": "1.26.0-1",
    "gnome-backgrounds": "43.1-1",
    "ukui-wallpapers": "20.04.3-1.1",
}
STAMPS = "usr/share/tuxpaint/stamps/"
GC_RCC = "usr/share/gcompris-qt/rcc/"
# Tux Paint stamps that show people: positives (the rest of ``people/`` is a body part or a toy).
STAMP_PEOPLE = ("people/fireman", "military/fireman", "military/final-roll-call", "military/paratrooper",
                "space/spacewalk")  # fmt: skip
STAMP_SKIP = ("/cartoon/", "_mirror", "people/", "seasonal/christmas/santa")
# Landmarks the wild set shows: no other photo of them is trained on (names squeezed to letters).
WILD_LANDMARKS = ("eiffel", "pyramid", "gizah", "colosseum", "tajmahal", "liberty", "brandenburg",
                  "neuschwanstein", "montstmichel", "pontdugard", "greatwall", "machupicchu", "petra",
                  "rushmore", "chichen", "christ", "hawamahal", "canyon")  # fmt: skip
# GComPris bundles with photos; ``details`` holds each photo whole (``*_background``) and in pieces.
GC_BUNDLES = ("explore_monuments", "explore_world_animals", "explore_farm_animals", "categorization",
              "erase", "details", "explore_world_music")  # fmt: skip
GC_PEOPLE = ("music/australia",)  # a didgeridoo player; the other unused music photo shows drums
GC_SKIP = ("music/", "Gogh", "Eglise", "PortraitOf")  # other musicians, and paintings: not photos
WALLPAPER_DIRS = ("usr/share/wallpapers/", "usr/share/backgrounds/")
WALLPAPER_SKIP = ("FlyingKonqui",)  # a cartoon (the wild set's Konqui)


@dataclass(frozen=True)
class Picture:
    key: str  # "package:path" (GComPris: "gcompris-qt-data:<bundle>.rcc:<path inside>")
    person: bool
    cutout: bool = False  # a Tux Paint stamp: set on a studio backdrop


def unpacked(cache: Path, package: str) -> Path:
    """The package's files, downloaded (pinned) and unpacked once under ``cache``."""
    return debian_packages.unpacked(cache, package, PACKAGES[package])


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def wild_exclusions(sources: Path) -> tuple[set[str], set[str]]:
    """The wild set's own pictures (keys) and the wallpapers they come from (names squeezed)."""
    used, walls = set(), set()
    for source in json.loads(sources.read_text(encoding="utf-8")).values():
        path = str(source.get("path", ""))
        used.add(f"{source.get('package')}:{path}")
        for marker in WALLPAPER_DIRS:
            if path.startswith(marker):
                rest = path[len(marker) :].split("/")
                walls.add(_squeezed(rest[0] if marker.endswith("wallpapers/") else Path(path).stem))
    return used, walls


def _stamps(root: Path, used: set[str]) -> Iterator[Picture]:
    for file in sorted((root / STAMPS).rglob("*.png")):
        rel = file.relative_to(root).as_posix()
        inner = rel[len(STAMPS) :]
        key = f"tuxpaint-stamps-default:{rel}"
        if key in used:
            continue
        if inner.startswith(STAMP_PEOPLE):
            yield Picture(key, True, cutout=True)
        elif inner.startswith("symbols/") and not inner.startswith("symbols/money/"):
            continue  # letters, digits, signs, chess pieces: not photos
        elif not any(s in inner.lower() for s in STAMP_SKIP):
            yield Picture(key, False, cutout=True)


def _gcompris(root: Path, used: set[str]) -> Iterator[Picture]:
    for bundle in GC_BUNDLES:
        rcc = f"{GC_RCC}{bundle}.rcc"
        for inner in sorted(rcc_files((root / rcc).read_bytes())):
            if not inner.endswith(".webp"):
                continue
            key = f"gcompris-qt-data:{rcc}:{inner}"
            tail = "/".join(inner.split("/")[-2:])
            if key in used or any(w in _squeezed(tail) for w in WILD_LANDMARKS):
                continue
            if bundle == "details" and not inner.endswith("_background.webp"):
                continue  # a piece of a photo
            if tail.startswith(GC_PEOPLE):
                yield Picture(key, True)
            elif not any(s in tail for s in GC_SKIP):
                yield Picture(key, False)


def _wallpapers(root: Path, package: str, used: set[str], walls: set[str]) -> Iterator[Picture]:
    """One picture per wallpaper (its first size), none from a wallpaper the wild set shows."""
    seen: set[str] = set()
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    for file in files:
        rel = file.relative_to(root).as_posix()
        if "screenshot" in file.name or any(s in rel for s in WALLPAPER_SKIP):
            continue
        plasma = rel.startswith("usr/share/wallpapers/")
        name = rel.split("/")[3] if plasma else re.sub(r"_\d+x\d+$", "", file.stem)
        if _squeezed(name) in walls or _squeezed(name) in seen or f"{package}:{rel}" in used:
            continue
        seen.add(_squeezed(name))
        yield Picture(f"{package}:{rel}", False)


def outside_pictures(cache: Path, sources: Path) -> list[Picture]:
    """Every outside picture, in a fixed order (packages fetched into ``cache`` when missing)."""
    used, walls = wild_exclusions(sources)
    out = list(_stamps(unpacked(cache, "tuxpaint-stamps-default"), used))
    out += _gcompris(unpacked(cache, "gcompris-qt-data"), used)
    for package in (
        "plasma-workspace-wallpapers",
        "mate-backgrounds",
        "gnome-backgrounds",
        "ukui-wallpapers",
    ):
        out += _wallpapers(unpacked(cache, package), package, used, walls)
    return out


def _rng(key: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{SEED}:{key}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def _flat(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    base = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    base.alpha_composite(rgba)
    return base.convert("RGB")


def cutout(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A stamp on a plain, softly lit backdrop (one tone, a vertical gradient, fine noise), shadowed."""
    im = image.convert("RGBA")
    im = im.crop(im.getchannel("A").getbbox())
    scale = min(2.0, 420 / max(im.size))
    if scale > 1:
        im = im.resize((round(im.width * scale), round(im.height * scale)), Image.Resampling.LANCZOS)
    margin = float(rng.uniform(0.12, 0.22))
    w, h = round(im.width / (1 - 2 * margin)), round(im.height / (1 - 2 * margin))
    w, h = max(w, round(h * 1.2)), max(h, round(w * 0.6))
    tone = np.array([(244, 244, 242), (226, 228, 230), (236, 228, 214), (218, 228, 238), (250, 250, 250),
                     (205, 205, 200)][int(rng.integers(6))], dtype=np.float32)  # fmt: skip
    ramp = np.linspace(1.03, 0.88, h, dtype=np.float32)[:, None, None]
    pixels = tone[None, None, :] * ramp + rng.normal(0, 2.0, (h, w, 1)).astype(np.float32)  # (H, W, 3)
    canvas = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).convert("RGBA")
    x, y = (w - im.width) // 2, (h - im.height) // 2 + round(h * 0.04)
    shadow = Image.new("RGBA", im.size, (0, 0, 0, 0))
    shadow.putalpha(im.getchannel("A").point(lambda a: a * 0.35))
    canvas.alpha_composite(shadow.filter(ImageFilter.GaussianBlur(8)), (x + 6, y + 8))
    canvas.alpha_composite(im, (x, y))
    return canvas.convert("RGB")


class Renderer:
    """Turns a :class:`Picture` into the RGB image the encoder sees (longest side at most 640 px)."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self._bundles: dict[str, dict[str, bytes]] = {}

    def raw(self, key: str) -> bytes:
        package, path = key.split(":", 1)
        root = unpacked(self.cache, package)
        if ".rcc:" not in path:
            return (root / path).read_bytes()
        rcc, inner = path.split(":", 1)
        if rcc not in self._bundles:
            self._bundles[rcc] = rcc_files((root / rcc).read_bytes())
        return self._bundles[rcc][inner]

    def __call__(self, picture: Picture) -> Image.Image:
        with Image.open(io.BytesIO(self.raw(picture.key))) as opened:
            opened.draft("RGB", (1280, 1280))  # big JPEG wallpapers decode at a fraction of their size
            image = cutout(opened, _rng(picture.key)) if picture.cutout else _flat(opened)
        image.thumbnail((640, 640), Image.Resampling.LANCZOS)
        return image


def encode(pictures: list[Picture], cache: Path, batch: int = 16) -> np.ndarray:
    """``(N, D)`` pooled encoder features, as the app computes them (ONNX, with its test-time mirror);
    kept in ``cache/features.npz`` by key so that a second run reads no picture."""
    store = cache / "features.npz"
    known: dict[str, np.ndarray] = {}
    if store.is_file():
        with np.load(store) as data:
            known = dict(zip([str(k) for k in data["keys"]], data["pooled"], strict=True))
    missing = [p for p in pictures if p.key not in known]
    if missing:
        from assistant.paths import default_model_dir
        from assistant.vision.inference.onnx_captioner import OnnxCaptioner
        from assistant.vision.inference.runtime import load_captioner

        captioner = load_captioner(default_model_dir(), "cpu", "onnx")
        assert isinstance(captioner, OnnxCaptioner)
        render = Renderer(cache)
        flip = captioner.test_time_flip
        for start in range(0, len(missing), batch):
            chunk = missing[start : start + batch]
            grids = captioner.encode([render(p) for p in chunk], flip)  # (B, N, D)
            for picture, pooled in zip(chunk, np.asarray(grids).mean(axis=1), strict=True):
                known[picture.key] = pooled.astype(np.float32)
            print(f"outside pictures encoded: {min(start + batch, len(missing))}/{len(missing)}", flush=True)
        keys = sorted(known)
        np.savez(
            store.with_name("features.tmp.npz"),
            keys=np.array(keys),
            pooled=np.stack([known[k] for k in keys]),
        )
        store.with_name("features.tmp.npz").replace(store)
    return np.stack([known[p.key] for p in pictures])  # (N, D)
