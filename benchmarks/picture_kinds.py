"""Diagrams and photographed texts rendered here, for tuning what they are said as (issue #16).

The wild set (datasets/wild) holds only 8 diagrams and 13 text photos; the diagram and text-photo
readers (assistant/understand/diagrams.py, diagram_reading.py, text_photos.py) were tuned on its half
A and on these: flowcharts, pipelines, organisation charts, trees, mind maps, networks, cycles and Venn
diagrams drawn by graphviz (`dot`, `twopi`, `neato`, `circo`; apt-get install graphviz) or Pillow, with
other words, fonts, colours and directions than the wild set's; receipts, pages, signs and labels put
on wood, brick or plaster and "photographed" by datasets/wild/build.py's own tilt, light, blur and
noise. Each is described by understand() (no captioner: the words said about the text) and checked
for its kind word and a word of its content.

    .venv/bin/python benchmarks/picture_kinds.py [--only diagram|text] [--show] [--save DIR]

Prints one line per picture, the share right per kind, and one JSON line. Not a test.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ocr import create_ocr_engine  # noqa: E402
from assistant.ocr.rapid import rapidocr_available  # noqa: E402
from assistant.understand.compose import understand  # noqa: E402

FONTS = Path("/usr/share/fonts/truetype/dejavu")

# name: (dot source, kind words (any), content words (any))
DIAGRAMS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "flow_login": (
        """digraph G { label="Sign In"; labelloc=t; fontsize=22; node [fontname="DejaVu Sans"];
        a [label="Open app", shape=ellipse]; b [label="Type password", shape=box];
        c [label="Correct?", shape=diamond]; d [label="Show inbox", shape=box];
        e [label="Try again", shape=box]; a->b->c; c->d [label="yes"]; c->e [label="no"]; e->b; }""",
        ("flowchart",),
        ("password", "inbox", "sign"),
    ),
    "flow_tea": (
        """digraph G { rankdir=LR; label="Making Tea"; labelloc=t; fontsize=20;
        node [fontname="Liberation Sans", shape=box, style="rounded,filled", fillcolor="#d8f3dc"];
        "Boil water" -> "Add tea bag" -> "Wait 3 minutes" -> "Add milk" -> "Drink"; }""",
        ("flowchart",),
        ("tea", "water", "milk"),
    ),
    "flow_refund": (
        """digraph G { label="Refund Request"; labelloc=t; fontsize=20; node [fontname="DejaVu Sans"];
        s [label="Receive request", shape=box]; q1 [label="Within 30 days?", shape=diamond];
        q2 [label="Item damaged?", shape=diamond]; r [label="Full refund", shape=box, style=filled,
        fillcolor="#ffe5ec"]; p [label="Store credit", shape=box]; x [label="Decline", shape=box];
        s->q1; q1->q2 [label="yes"]; q1->x [label="no"]; q2->r [label="yes"]; q2->p [label="no"]; }""",
        ("flowchart",),
        ("refund", "credit", "decline"),
    ),
    "flow_bug": (
        """digraph G { label="Bug Triage"; labelloc=b; fontsize=18;
        node [fontname="DejaVu Serif", shape=box, color="#1d3557", penwidth=2];
        New -> Confirmed -> "In progress" -> Fixed -> Closed; Confirmed -> "Won't fix"; }""",
        ("flowchart", "diagram"),
        ("bug", "fixed", "confirmed"),
    ),
    "org_school": (
        """digraph G { label="School Staff"; labelloc=t; fontsize=20;
        node [shape=box, style=filled, fillcolor="#fff3b0", fontname="DejaVu Sans"];
        Headteacher -> {"Deputy Head"; "Business Manager"}; "Deputy Head" -> {"Year 7"; "Year 8"; "Year 9"};
        "Business Manager" -> {"Finance"; "Catering"}; }""",
        ("organisation chart", "tree", "chart"),
        ("headteacher", "deputy", "finance", "school"),
    ),
    "org_team": (
        """digraph G { label="Product Team"; labelloc=t; fontsize=20; splines=ortho;
        node [shape=box, fontname="Liberation Sans"]; edge [arrowhead=none];
        "Product Lead" -> {Design; Engineering; Research}; Engineering -> {Frontend; Backend}; }""",
        ("organisation chart", "tree", "chart"),
        ("product", "design", "engineering"),
    ),
    "tree_animals": (
        """digraph G { label="Animals"; labelloc=t; fontsize=20; node [shape=ellipse, fontname="DejaVu Sans"];
        Animals -> {Mammals; Birds; Fish}; Mammals -> {Cats; Whales}; Birds -> {Owls; Penguins}; }""",
        ("tree", "chart", "diagram"),
        ("animal", "mammal", "bird"),
    ),
    "mind_garden": (
        """graph G { label="Garden Ideas"; labelloc=t; fontsize=20; layout=twopi; root=G;
        node [fontname="DejaVu Sans", style=filled, fillcolor="#caf0f8"];
        G [label="Garden", fillcolor="#90e0ef", shape=ellipse];
        G -- {Vegetables; Flowers; Pond; Shed}; Vegetables -- {Carrots; Beans};
        Flowers -- {Roses; Tulips}; }""",
        ("mind map",),
        ("garden", "vegetable", "flower"),
    ),
    "mind_party": (
        """graph G { label="Birthday Party"; labelloc=t; fontsize=20; layout=twopi; root=P;
        node [fontname="Liberation Sans", shape=box, style="rounded,filled", fillcolor="#ffd6a5"];
        P [label="Party", fillcolor="#ffadad"]; P -- {Food; Music; Guests; Games};
        Food -- {Cake; Pizza}; Music -- {Playlist; Speakers}; Games -- {Quiz}; }""",
        ("mind map",),
        ("party", "food", "music"),
    ),
    "net_office": (
        """graph G { label="Office Network"; labelloc=t; fontsize=20; layout=neato; overlap=false;
        node [shape=box, fontname="DejaVu Sans"]; Switch -- {Server; "Desk PC"; Printer; "Wi-Fi"};
        "Wi-Fi" -- {Tablet; Phone}; }""",
        ("network", "diagram", "mind map"),
        ("switch", "server", "office"),
    ),
    "net_friends": (
        """graph G { label="Friends"; labelloc=t; fontsize=20; layout=neato; overlap=false;
        node [shape=ellipse, fontname="DejaVu Sans"]; Ann -- Ben -- Cara -- Ann; Cara -- Dev; Dev -- Eve;
        Ben -- Eve; }""",
        ("network", "diagram"),
        ("ann", "ben", "friend"),
    ),
    "cycle_water": (
        """digraph G { label="Water Cycle"; labelloc=t; fontsize=20; layout=circo;
        node [shape=ellipse, style=filled, fillcolor="#bde0fe", fontname="DejaVu Sans"];
        Evaporation -> Condensation -> Precipitation -> Collection -> Evaporation; }""",
        ("cycle", "diagram", "flowchart"),
        ("water", "evaporation", "rain", "condensation"),
    ),
    "cycle_seasons": (
        """digraph G { label="Seasons"; labelloc=t; fontsize=20; layout=circo;
        node [shape=circle, style=filled, fontname="DejaVu Sans", width=1.0];
        Spring [fillcolor="#b7e4c7"]; Summer [fillcolor="#ffd166"]; Autumn [fillcolor="#f4a261"];
        Winter [fillcolor="#a8dadc"]; Spring -> Summer -> Autumn -> Winter -> Spring; }""",
        ("cycle", "diagram", "flowchart"),
        ("spring", "summer", "season"),
    ),
}

VENNS = {  # name: (title, left, middle, right, colours)
    "venn_fruit": ("Fruit and Vegetables", "Apple\nsweet", "Tomato", "Carrot\nroot", ("#ffafcc", "#a2d2ff")),
    "venn_sports": ("Ball Games", "Tennis\nracket", "Both\nnet", "Football\ngoal", ("#ffd166", "#06d6a0")),
    "venn_langs": ("Languages", "Python\nscripts", "Loops", "C\nspeed", ("#cdb4db", "#ffc8dd")),
}


def render_dot(source: str) -> Image.Image:
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=96"], input=source.encode(), capture_output=True,
                         check=True).stdout  # fmt: skip
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    base = Image.new("RGBA", image.size, (255, 255, 255, 255))
    base.alpha_composite(image)
    out = base.convert("RGB")
    out.thumbnail((640, 640))
    return out


def render_venn(title: str, left: str, middle: str, right: str, colours: tuple[str, str]) -> Image.Image:
    """Two translucent discs, drawn with Pillow (a different hand from the wild set's matplotlib)."""
    size, radius = (520, 380), 130
    base = Image.new("RGBA", size, (255, 255, 255, 255))
    for cx, colour in ((190, colours[0]), (330, colours[1])):
        layer = Image.new("RGBA", size, (0, 0, 0, 0))
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        ImageDraw.Draw(layer).ellipse([cx - radius, 210 - radius, cx + radius, 210 + radius],
                                      fill=(*rgb, 140))  # fmt: skip
        base.alpha_composite(layer)
    draw = ImageDraw.Draw(base)
    body = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 17)
    draw.text((260, 30), title, font=ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 24), fill="black",
              anchor="mm")  # fmt: skip
    for x, text in ((125, left), (260, middle), (395, right)):
        draw.multiline_text((x, 210), text, font=body, fill="black", anchor="mm", align="center")
    return base.convert("RGB")


def diagram_items() -> list[tuple[str, str, Image.Image, tuple[str, ...], tuple[str, ...]]]:
    items = [
        (name, "diagram", render_dot(src), kinds, words) for name, (src, kinds, words) in DIAGRAMS.items()
    ]
    for name, spec in VENNS.items():
        words = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", spec[0] + " " + spec[1]))
        items.append((name, "diagram", render_venn(*spec), ("venn",), words))
    return items


# name: (kind word expected, surface, panel, ink, size, mono, lines [(text, font, size)])
TEXTS: dict[str, tuple[str, str, tuple[int, int, int], tuple[int, int, int], tuple[int, int], bool, list]] = {
    "receipt_books": (
        "receipt",
        "wood",
        (250, 250, 245),
        (30, 30, 30),
        (320, 540),
        True,
        [
            ("PAGE TURNER BOOKS", "DejaVuSansMono-Bold.ttf", 22),
            ("", "DejaVuSansMono.ttf", 10),
            ("Atlas          12.99", "DejaVuSansMono.ttf", 19),
            ("Cookbook        8.50", "DejaVuSansMono.ttf", 19),
            ("Bookmark        1.20", "DejaVuSansMono.ttf", 19),
            ("", "DejaVuSansMono.ttf", 10),
            ("TOTAL          22.69", "DejaVuSansMono-Bold.ttf", 21),
            ("VISA           22.69", "DejaVuSansMono.ttf", 19),
        ],
    ),
    "receipt_fuel": (
        "receipt",
        "plaster",
        (255, 255, 250),
        (20, 20, 60),
        (300, 480),
        True,
        [
            ("CITY FUEL", "DejaVuSansMono-Bold.ttf", 26),
            ("Pump 3", "DejaVuSansMono.ttf", 18),
            ("Diesel 40L     61.20", "DejaVuSansMono.ttf", 18),
            ("Coffee          1.90", "DejaVuSansMono.ttf", 18),
            ("Wipes           2.40", "DejaVuSansMono.ttf", 18),
            ("TOTAL          65.50", "DejaVuSansMono-Bold.ttf", 20),
        ],
    ),
    "receipt_pharmacy": (
        "receipt",
        "wood",
        (245, 245, 240),
        (40, 40, 40),
        (300, 520),
        True,
        [
            ("HIGH ST PHARMACY", "DejaVuSansMono-Bold.ttf", 21),
            ("", "DejaVuSansMono.ttf", 10),
            ("Plasters        3.49", "DejaVuSansMono.ttf", 18),
            ("Sun cream       7.99", "DejaVuSansMono.ttf", 18),
            ("Toothpaste      2.10", "DejaVuSansMono.ttf", 18),
            ("Vitamins        5.25", "DejaVuSansMono.ttf", 18),
            ("", "DejaVuSansMono.ttf", 10),
            ("TOTAL          18.83", "DejaVuSansMono-Bold.ttf", 20),
            ("Thank you", "DejaVuSansMono.ttf", 18),
        ],
    ),
    "page_story": (
        "page",
        "wood",
        (246, 240, 224),
        (25, 25, 25),
        (440, 560),
        False,
        [
            ("The Lighthouse", "DejaVuSerif-Bold.ttf", 26),
            (
                "The keeper climbed the stairs every evening at dusk, carrying a small lamp and a book of "
                "weather notes. From the top he could see the fishing boats coming home across the bay, and "
                "he counted them one by one until the last had reached the harbour wall.",
                "DejaVuSerif.ttf",
                18,
            ),
        ],
    ),
    "page_letter": (
        "page",
        "plaster",
        (255, 255, 255),
        (20, 20, 20),
        (420, 540),
        False,
        [
            ("Dear neighbours,", "DejaVuSans.ttf", 20),
            (
                "The water will be switched off on Thursday morning while the pipes under the road are "
                "repaired. Please fill a kettle the night before. We are sorry for the trouble and thank you "
                "for your patience.",
                "DejaVuSans.ttf",
                19,
            ),
        ],
    ),
    "sign_exit": (
        "sign|text",
        "plaster",
        (0, 140, 70),
        (255, 255, 255),
        (480, 170),
        False,
        [
            ("EMERGENCY EXIT", "DejaVuSans-Bold.ttf", 44),
        ],
    ),
    "sign_toilets": (
        "sign|text",
        "brick",
        (30, 60, 140),
        (255, 255, 255),
        (420, 200),
        False,
        [
            ("Toilets", "DejaVuSans-Bold.ttf", 60),
            ("First floor", "DejaVuSans.ttf", 32),
        ],
    ),
    "sign_stop": (
        "sign|text",
        "sky",
        (200, 20, 30),
        (255, 255, 255),
        (360, 200),
        False,
        [
            ("STOP", "DejaVuSans-Bold.ttf", 96),
        ],
    ),
    "label_honey": (
        "label|text",
        "wood",
        (255, 240, 200),
        (120, 70, 10),
        (420, 240),
        False,
        [
            ("Wildflower", "DejaVuSerif-BoldItalic.ttf", 46),
            ("HONEY", "DejaVuSerif-Bold.ttf", 44),
            ("454 g", "DejaVuSerif.ttf", 24),
        ],
    ),
}


def _build_module():  # type: ignore[no-untyped-def]
    """datasets/wild/build.py, for its camera look (surface, tilt, light, blur, noise)."""
    spec = importlib.util.spec_from_file_location("wild_build", REPO / "datasets" / "wild" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wild_build"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def render_text(name: str) -> Image.Image:
    import textwrap

    build = _build_module()
    _, bg, panel_colour, ink, (pw, ph), mono, lines = TEXTS[name]
    rng = np.random.default_rng(sum(map(ord, name)))
    panel = Image.new("RGB", (pw, ph), panel_colour)
    draw = ImageDraw.Draw(panel)
    rows = []
    for text, font_name, size in lines:
        font = ImageFont.truetype(str(FONTS / font_name), size)
        for part in textwrap.wrap(text, 36) if len(text) > 40 else [text]:
            rows.append((part, font))
    heights = [f.getbbox("Ag")[3] + 8 for _, f in rows]
    y = (ph - sum(heights)) / 2
    for (text, font), height in zip(rows, heights, strict=True):
        width = draw.textlength(text, font=font)
        x = 22 if mono or len(rows) > 5 else (pw - width) / 2
        draw.text((x, y), text, font=font, fill=ink)
        y += height
    W, H = round(pw * 1.45), round(ph * 1.35)
    scene = build.surface((W, H), bg, rng).convert("RGBA")
    rotated = panel.convert("RGBA").rotate(
        float(rng.uniform(-6, 6)), expand=True, resample=Image.Resampling.BICUBIC
    )
    scene.alpha_composite(rotated, ((W - rotated.width) // 2, (H - rotated.height) // 2))
    photo = build.camera_finish(build.perspective(scene.convert("RGB"), rng, 0.05), rng)
    photo.thumbnail((640, 640))
    return photo


def text_items() -> list[tuple[str, str, Image.Image, tuple[str, ...], tuple[str, ...]]]:
    out = []
    for name, spec in TEXTS.items():
        words = tuple(w.lower() for w in re.findall(r"[A-Za-z]{4,}", spec[6][0][0]))[:2]
        out.append((name, "text", render_text(name), tuple(spec[0].split("|")), words))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("diagram", "text"))
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--save", type=Path, help="write the rendered pictures here")
    args = parser.parse_args()
    ocr = create_ocr_engine("tesseract")
    photo_ocr = create_ocr_engine("rapidocr") if rapidocr_available() else None
    items = [] if args.only == "text" else diagram_items()
    items += [] if args.only == "diagram" else text_items()
    results: dict[str, list[bool]] = {}
    times = []
    for name, group, image, kinds, words in items:
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            image.save(args.save / f"{name}.png")
        t0 = time.perf_counter()
        said = understand(image, captioner=None, ocr=ocr, photo_ocr=photo_ocr).text
        times.append((time.perf_counter() - t0) * 1000)
        low = said.lower()
        kind_ok = any(re.search(rf"\b{re.escape(k)}", low) for k in kinds)
        word_ok = any(re.search(rf"\b{re.escape(w)}", low) for w in words)
        results.setdefault(group, []).append(kind_ok and word_ok)
        mark = "ok " if kind_ok and word_ok else ("kind" if not kind_ok else "word")
        print(f"{group:<8} {name:<18} {mark:<4} | {said if args.show else said[:110]}", flush=True)
    summary = {g: round(sum(v) / len(v), 3) for g, v in results.items()}
    print("right:", summary, f"median {sorted(times)[len(times) // 2]:.0f} ms")
    print(json.dumps({"benchmark": "picture_kinds", "right": summary, "n": len(items)}))


if __name__ == "__main__":
    main()
