"""Issue #16: diagrams found from their shapes and read in their own order (rendered with Pillow here)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.masks import dilate, grow_labels, label, regions
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.understand.diagram_labels import label_links, label_spots
from assistant.understand.diagram_reading import describe_diagram, place_text
from assistant.understand.diagrams import find_diagram
from assistant.understand.picture_reading import picture_reading

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _font(size: int = 15) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default()


class Drawing:
    """A diagram drawn with Pillow, and the OCR lines a perfect reader would return for its text."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)
        self.lines: list[OcrLine] = []

    def text(self, xy: tuple[float, float], text: str, size: int = 15) -> None:
        font = _font(size)
        self.draw.text(xy, text, font=font, fill="black", anchor="mm")
        x0, y0, x1, y1 = (round(v) for v in self.draw.textbbox(xy, text, font=font, anchor="mm"))
        words, x = [], x0
        for word in text.split():
            width = round(self.draw.textlength(word, font=font))
            words.append(OcrWord(word, (x, y0, x + width, y1), 0.95))
            x += width + round(self.draw.textlength(" ", font=font))
        self.lines.append(OcrLine(text, (x0, y0, x1, y1), 0.95, words))

    def node(self, shape: str, centre: tuple[int, int], text: str, fill: str = "white") -> None:
        x, y = centre
        w, h = max(60, 9 * len(text) + 24), 40
        box = [x - w // 2, y - h // 2, x + w // 2, y + h // 2]
        if shape == "box":
            self.draw.rectangle(box, fill=fill, outline="black", width=1)
        elif shape == "ellipse":
            self.draw.ellipse(box, fill=fill, outline="black", width=1)
        else:  # a decision diamond, wider
            w = w + 40
            points = [(x, y - h // 2 - 6), (x + w // 2, y), (x, y + h // 2 + 6), (x - w // 2, y)]
            self.draw.polygon(points, fill=fill, outline="black")
        self.text((x, y), text)

    def arrow(self, start: tuple[int, int], end: tuple[int, int], head: bool = True) -> None:
        self.draw.line([start, end], fill="black", width=1)
        if head:
            direction = np.array(end, float) - np.array(start, float)
            direction /= np.linalg.norm(direction)
            normal = np.array([-direction[1], direction[0]])
            tip = np.array(end, float)
            base = tip - 10 * direction
            wing = [tuple(base + 4 * normal), tuple(base - 4 * normal), tuple(tip)]
            self.draw.polygon(wing, fill="black")


def flowchart() -> Drawing:
    d = Drawing((420, 470))
    d.text((210, 20), "Password Reset", 20)
    d.node("ellipse", (210, 70), "Start")
    d.node("box", (210, 150), "Enter email")
    d.node("diamond", (210, 240), "Account found?")
    d.node("box", (110, 340), "Send link")
    d.node("box", (320, 340), "Show error")
    d.node("ellipse", (110, 430), "End")
    d.arrow((210, 90), (210, 129))
    d.arrow((210, 170), (210, 213))
    d.arrow((170, 258), (115, 319))
    d.arrow((250, 258), (315, 319))
    d.text((120, 285), "yes", 13)
    d.text((300, 285), "no", 13)
    d.arrow((110, 360), (110, 409))
    return d


def org_chart() -> Drawing:
    d = Drawing((520, 300))
    d.text((260, 20), "Company", 20)
    d.node("box", (260, 70), "CEO")
    kids = {"Sales": 110, "Finance": 260, "Product": 410}
    for name, x in kids.items():
        d.node("box", (x, 160), name)
        d.arrow((260, 90), (x, 139))
    for name, x in (("Design", 350), ("Code", 470)):
        d.node("box", (x, 250), name)
        d.arrow((410, 180), (x, 229))
    return d


def venn() -> Drawing:
    d = Drawing((480, 340))
    layer = Image.new("RGBA", d.image.size, (0, 0, 0, 0))
    base = d.image.convert("RGBA")
    for cx, colour in ((180, (230, 110, 80, 120)), (300, (40, 160, 140, 120))):
        layer = Image.new("RGBA", d.image.size, (0, 0, 0, 0))
        ImageDraw.Draw(layer).ellipse([cx - 120, 60, cx + 120, 300], fill=colour)
        base.alpha_composite(layer)
    d.image = base.convert("RGB")
    d.draw = ImageDraw.Draw(d.image)
    d.text((240, 25), "Cats and Dogs", 20)
    d.text((120, 180), "Cats")
    d.text((240, 180), "Pets")
    d.text((360, 180), "Dogs")
    return d


def test_label_matches_a_flood_fill_on_small_masks() -> None:
    mask = np.array(
        [
            [1, 1, 0, 0, 1],
            [0, 1, 0, 1, 0],
            [0, 0, 0, 0, 0],
            [1, 0, 1, 1, 1],
        ],
        dtype=bool,
    )
    labels, count = label(mask, diagonal=True)
    assert count == 4  # the diagonal pair at the top right joins
    assert labels[0, 4] == labels[1, 3] != labels[0, 0]
    assert label(mask, diagonal=False)[1] == 5
    values = np.array([[1, 1, 2], [1, 2, 2], [3, 3, 0]])
    joined, count = label(values, diagonal=False)  # equal neighbours join, different values do not
    assert count == 3 and joined[0, 0] == joined[1, 0] and joined[0, 2] == joined[1, 1]
    areas, boxes = regions(joined, count)
    assert sorted(areas.tolist()) == [2, 3, 3] and boxes.shape == (3, 4)


def test_dilate_and_grow_labels_stay_in_bounds() -> None:
    mask = np.zeros((5, 5), dtype=bool)
    mask[0, 0] = True
    assert dilate(mask, 1).sum() == 4
    grid = np.zeros((5, 5), dtype=np.int32)
    grid[4, 4] = 7
    grown = grow_labels(grid, 2)
    assert grown[2, 2] == 7 and grown[0, 0] == 0 and grown[0, 4] == 0


def test_flowchart_nodes_shapes_and_arrows() -> None:
    d = flowchart()
    diagram = find_diagram(d.image)
    assert diagram is not None
    assert sorted(n.shape for n in diagram.nodes) == ["box", "box", "box", "diamond", "ellipse", "ellipse"]
    assert len(diagram.links) == 5 and all(link.directed for link in diagram.links)
    reading = describe_diagram(d.image, d.lines)
    assert reading is not None
    assert reading.lead == "A flowchart: Password Reset."
    assert reading.pieces == [
        "Start",
        "Enter email",
        "Account found?",
        "yes: Send link",
        "End",
        "no: Show error",
    ]


def test_links_labels_are_found_from_the_ink_and_read() -> None:
    d = flowchart()
    diagram = find_diagram(d.image)
    assert diagram is not None
    spots = label_spots(diagram)
    assert len(spots) == 2  # "yes" and "no", not the title, not the boxes' words
    labelled = [ln for ln in d.lines if ln.text in ("yes", "no")]
    label_links(diagram, labelled)
    place_text(diagram, d.lines)
    said = {diagram.nodes[link.b].text: link.label for link in diagram.links if link.label}
    assert said == {"Send link": "yes", "Show error": "no"}


def test_org_chart_is_read_parent_by_parent() -> None:
    d = org_chart()
    reading = describe_diagram(d.image, d.lines)
    assert reading is not None and reading.kind == "organisation chart"
    assert reading.pieces == ["CEO: Sales, Finance, Product", "Product: Design, Code"]


def test_venn_diagram_parts_left_to_right() -> None:
    d = venn()
    reading = describe_diagram(d.image, d.lines)
    assert reading is not None and reading.kind == "Venn diagram"
    assert reading.lead == "A Venn diagram: Cats and Dogs."
    assert reading.pieces == ["Cats", "Both: Pets", "Dogs"]


def test_not_diagrams_a_bar_chart_a_dialog_and_a_photo() -> None:
    chart = Image.new("RGB", (480, 360), "white")
    draw = ImageDraw.Draw(chart)
    draw.line([(60, 300), (440, 300)], fill="black", width=2)
    for i, h in enumerate((120, 200, 90, 240)):
        draw.rectangle([80 + i * 90, 300 - h, 140 + i * 90, 300], fill=(31, 119, 180))
    assert find_diagram(chart) is None
    dialog = Drawing((520, 300))
    dialog.draw.rectangle([0, 0, 519, 40], fill=(60, 60, 70))
    for row in range(5):
        dialog.text((200, 80 + 30 * row), f"A long line of settings text number {row} here", 14)
    dialog.node("box", (330, 260), "Cancel")
    dialog.node("box", (440, 260), "OK")
    assert describe_diagram(dialog.image, dialog.lines) is None
    noise = Image.fromarray(np.random.default_rng(1).integers(0, 255, (200, 300, 3), dtype=np.uint8))
    assert find_diagram(noise) is None


def test_picture_reading_replaces_the_ocr_order() -> None:
    from assistant.ocr.layout import layout_blocks

    d = flowchart()
    reading = picture_reading(d.image, layout_blocks(d.lines, []), None)
    assert reading.lead == "A flowchart: Password Reset."
    assert [b.text for b in reading.blocks][:2] == ["Start", "Enter email"]


@pytest.mark.timeout(60)
def test_understand_says_a_flowchart_with_a_real_reader() -> None:
    from assistant.ocr import available_ocr_engines, create_ocr_engine
    from assistant.understand import understand

    if "tesseract" not in available_ocr_engines():
        pytest.skip("tesseract is not installed")
    said = understand(flowchart().image, captioner=None, ocr=create_ocr_engine("tesseract")).text
    assert said.startswith("A flowchart: Password Reset.")
    assert "Enter email" in said and "Screen" not in said
