"""A found diagram in words: what kind it is, its title, and its boxes' text in the arrows' order.

:mod:`assistant.understand.diagrams` finds the nodes and links; here the text read by OCR is put in
them (or each node is read again, alone and cleaned, when a text reader is at hand: OCR of a whole
diagram drops short labels in coloured shapes and reads arrowheads as "v"), the kind is named from
the structure, and the reading is ordered as a sighted reader follows it:

- a flowchart (a decision diamond, or a chain of arrows): from the start, along the arrows, each
  decision's branches by their labels ("Account found? yes: Send reset link. ... no: Show error,
  back to Enter email.");
- a tree (an organisation chart from the top, a mind map from its centre, a network from its hub):
  each parent with its children ("CEO: CTO, CFO, COO. CTO: Engineering, IT Support.");
- a Venn diagram: its parts left to right, the overlap as "Both".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps

from assistant.ocr.base import OcrEngine
from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.understand.diagram_labels import clean_label, label_boxes, label_links, label_spots, overlap
from assistant.understand.diagrams import Diagram, Link, Node, find_diagram


@dataclass
class Reading:
    kind: str  # flowchart, organisation chart, tree diagram, mind map, network diagram, cycle diagram, ...
    title: str
    pieces: list[str]  # what is said after the title, one sentence each

    @property
    def lead(self) -> str:
        article = "An" if self.kind[0] in "aeiou" else "A"
        return f"{article} {self.kind}: {self.title}." if self.title else f"{article} {self.kind}."


def _centre(line: OcrLine, scale: float) -> tuple[int, int]:
    return round((line.box[0] + line.box[2]) / 2 * scale), round((line.box[1] + line.box[3]) / 2 * scale)


def place_text(diagram: Diagram, lines: Sequence[OcrLine]) -> tuple[list[OcrLine], list[OcrLine]]:
    """OCR words into their nodes (``Node.text``); returns the lines outside every node: the title
    (above or below all nodes) and the rest (links' labels, notes)."""
    _put(diagram, _words_into_nodes(diagram, lines, diagram.scale))
    width, height = diagram.size
    title, rest = [], []
    top = min(n.box[1] for n in diagram.nodes)
    bottom = max(n.box[3] for n in diagram.nodes)
    for line in lines:
        x, y = _centre(line, diagram.scale)
        if diagram.node_map[min(y, height - 1), min(x, width - 1)] > 0:
            continue
        if line.box[3] * diagram.scale <= top + 2 or line.box[1] * diagram.scale >= bottom - 2:
            title.append(line)
        else:
            rest.append(line)
    return title, rest


def _cleaned(rgb: Image.Image, diagram: Diagram, whole: bool) -> np.ndarray:
    """The diagram's text alone, dark on white, (H, W) uint8 at the analysed size: each pixel shaded
    by how far it is from the nearest fill colour (the ground's, the nodes'), so fills of any colour
    turn white and text on them dark; unless ``whole``, everything outside the nodes is made white
    (outlines, arrows)."""
    small = rgb.convert("RGB")
    if small.size != diagram.size:  # the same whole-factor reduction the shapes were found at
        small = small.reduce(max(1, round(small.width / diagram.size[0])))
    if small.size != diagram.size:
        small = small.resize(diagram.size)
    a = np.asarray(small, dtype=np.int16)  # (H, W, 3)
    palette = {tuple(int(v) for v in diagram.ground), *(n.colour for n in diagram.nodes)}
    distance = np.full(a.shape[:2], 255.0, dtype=np.float32)  # (H, W)
    for colour in palette:
        distance = np.minimum(distance, np.abs(a - np.array(colour)).max(axis=2))
    if not whole:
        distance[diagram.node_map == 0] = 0
    ink = 255 - np.clip(distance * 255.0 / max(48.0, float(distance.max())), 0, 255)
    return ink.astype(np.uint8)


def _words_into_nodes(diagram: Diagram, lines: Sequence[OcrLine], scale: float) -> dict[int, list[str]]:
    """Each OCR word into the node under its centre (a line of OCR may run across several boxes)."""
    width, height = diagram.size
    found: dict[int, list[tuple[int, int, str]]] = {}
    for line in lines:
        for word in line.words or [OcrWord(line.text, line.box, line.confidence)]:
            x = round((word.box[0] + word.box[2]) / 2 * scale)
            y = round((word.box[1] + word.box[3]) / 2 * scale)
            index = int(diagram.node_map[min(y, height - 1), min(x, width - 1)]) - 1
            if index >= 0 and word.text.strip():
                found.setdefault(index, []).append((line.box[1], word.box[0], word.text.strip()))
    return {i: [w for _, _, w in sorted(words)] for i, words in found.items()}


def _put(diagram: Diagram, found: dict[int, list[str]]) -> None:
    for index, words in found.items():
        text = " ".join(words)
        if any(ch.isalnum() for ch in text):
            diagram.nodes[index].text = text


def reread_nodes(
    rgb: Image.Image,
    diagram: Diagram,
    reader: OcrEngine,
    whole: bool = False,
    extra: Sequence[tuple[int, int, int, int]] = (),
) -> list[str]:
    """The nodes read again, cleaned (one engine call): each node's crop one under another on a
    sheet, or (``whole``: a Venn diagram, whose words cross its parts' borders) the whole picture.
    ``extra``: boxes of short texts outside the nodes (links' labels), read on the same sheet; their
    text is returned ("" where nothing was read)."""
    ink = _cleaned(rgb, diagram, whole)
    if whole:
        _put(diagram, _words_into_nodes(diagram, reader.recognize(Image.fromarray(ink)).lines, 1.0))
        return ["" for _ in extra]
    around = _cleaned(rgb, diagram, True) if extra else ink  # a label's ink lies outside the nodes
    found: dict[int, list[str]] = {}
    gap = 12
    crops = [Image.fromarray(ink[y0:y1, x0:x1]) for x0, y0, x1, y1 in (n.box for n in diagram.nodes)]
    small = [Image.fromarray(around[y0:y1, x0:x1]) for x0, y0, x1, y1 in extra]  # labels: small type
    crops += [c.resize((2 * c.width, 2 * c.height), Image.Resampling.LANCZOS) for c in small]
    crops = [ImageOps.expand(c, border=gap // 2, fill=255) for c in crops]
    sheet = Image.new("L", (max(c.width for c in crops), sum(c.height for c in crops) + gap), 255)
    slots, y = [], gap // 2
    for crop in crops:
        sheet.paste(crop, (0, y))
        slots.append((y, y + crop.height))
        y += crop.height
    for line in reader.read_sheet(sheet.convert("RGB")).lines:
        middle = (line.box[1] + line.box[3]) / 2
        for index, (top, bottom) in enumerate(slots):
            if top <= middle < bottom and line.text.strip():
                found.setdefault(index, []).append(line.text.strip())
    _put(diagram, {i: w for i, w in found.items() if i < len(diagram.nodes)})
    return [" ".join(found.get(len(diagram.nodes) + i, [])) for i in range(len(extra))]


def _children(diagram: Diagram) -> dict[int, list[Link]]:
    out: dict[int, list[Link]] = {n.index: [] for n in diagram.nodes}
    for link in diagram.links:
        out[link.a].append(link)
    return out


def _tree_parents(diagram: Diagram, root: int) -> dict[int, int] | None:
    """Each node's parent when the links make one tree from ``root`` (taken either way), else None."""
    if len(diagram.links) != len(diagram.nodes) - 1:
        return None
    neighbours: dict[int, list[int]] = {n.index: [] for n in diagram.nodes}
    for link in diagram.links:
        neighbours[link.a].append(link.b)
        neighbours[link.b].append(link.a)
    parents, queue = {root: -1}, [root]
    while queue:
        current = queue.pop(0)
        for k in neighbours[current]:
            if k not in parents:
                parents[k] = current
                queue.append(k)
    return parents if len(parents) == len(diagram.nodes) else None


def _hierarchy(diagram: Diagram) -> bool:
    """A tree drawn top-down: from the topmost node, every child stands below its parent, and most
    parents have several children (a chain with a side branch is a process, not a hierarchy)."""
    nodes = diagram.nodes
    root = min(nodes, key=lambda n: n.centre[1]).index
    parents = _tree_parents(diagram, root)
    if parents is None:
        return False
    if any(nodes[k].box[1] < nodes[p].box[3] for k, p in parents.items() if p >= 0):
        return False
    kids = [sum(1 for p in parents.values() if p == n.index) for n in nodes]
    inner = [k for k in kids if k]
    return sum(k >= 2 for k in inner) >= 0.5 * len(inner)


def kind_of(diagram: Diagram) -> str:
    """The diagram's kind from its shapes and links."""
    nodes, links = diagram.nodes, diagram.links
    if not links and len(diagram.touching) >= 2:
        return "Venn diagram"
    directed = [link for link in links if link.directed]
    boxes = all(n.shape == "box" for n in nodes)
    if any(n.shape == "diamond" for n in nodes) and directed:
        return "flowchart"
    if _hierarchy(diagram):
        return "organisation chart" if boxes else "tree diagram"
    if directed:
        outs = [sum(1 for link in directed if link.a == n.index) for n in nodes]
        ins = [sum(1 for link in directed if link.b == n.index) for n in nodes]
        if max(outs) <= 1 and max(ins) <= 1 and min(ins) == 1:
            return "cycle diagram"
        return "flowchart"
    degree = [sum(1 for link in links if n.index in (link.a, link.b)) for n in nodes]
    hub = int(np.argmax(degree))
    parents = _tree_parents(diagram, hub)
    if parents is not None and any(p >= 0 and p != hub for p in parents.values()):
        return "mind map"  # a tree with branches of branches around its centre
    return "network diagram"


def _name(node: Node) -> str:
    return node.text or "an empty box"


def _follow(diagram: Diagram, start: int, seen: set[int], pieces: list[str], prefix: str = "") -> None:
    """Flowchart order: a node, then where its arrows lead, depth first, a decision's branches each
    said after its label; an arrow back to a node already said is said as "back to"."""
    seen.add(start)
    node = diagram.nodes[start]
    out = sorted(_children(diagram)[start], key=lambda link: diagram.nodes[link.b].centre[::-1])
    back = [diagram.nodes[link.b] for link in out if link.b in seen]
    text = f"{prefix}{_name(node)}"
    if back:
        text += ", back to " + ", ".join(_name(n) for n in back)
    pieces.append(text)
    for link in out:
        if link.b not in seen:
            _follow(diagram, link.b, seen, pieces, f"{link.label}: " if link.label and len(out) > 1 else "")


def _tree(diagram: Diagram, root: int) -> list[str]:
    """Each parent with its children, breadth first from ``root`` (links taken either way)."""
    neighbours: dict[int, list[int]] = {n.index: [] for n in diagram.nodes}
    for link in diagram.links:
        neighbours[link.a].append(link.b)
        neighbours[link.b].append(link.a)
    pieces, seen, queue = [], {root}, [root]
    while queue:
        current = queue.pop(0)
        kids = [k for k in neighbours[current] if k not in seen]
        kids.sort(key=lambda k: diagram.nodes[k].centre[::-1])
        seen.update(kids)
        queue.extend(kids)
        name = _name(diagram.nodes[current])
        if kids:
            pieces.append(f"{name}: {', '.join(_name(diagram.nodes[k]) for k in kids)}")
        elif current == root:
            pieces.append(name)
    return pieces


def order(diagram: Diagram, kind: str) -> list[str]:
    """The nodes' text in reading order for ``kind`` (see the module docstring)."""
    nodes = diagram.nodes
    if kind == "Venn diagram":
        parts = sorted(nodes, key=lambda n: n.centre[0])
        if len(parts) == 3:  # two circles: the overlap lies between the two
            return [_name(parts[0]), f"Both: {_name(parts[1])}", _name(parts[2])]
        return [_name(n) for n in parts]
    if kind in ("flowchart", "cycle diagram"):
        ins = {link.b for link in diagram.links if link.directed}
        starts = sorted((n for n in nodes if n.index not in ins), key=lambda n: n.centre[::-1])
        seen: set[int] = set()
        pieces: list[str] = []
        for start in [*starts, *sorted(nodes, key=lambda n: n.centre[::-1])]:
            if start.index not in seen:
                _follow(diagram, start.index, seen, pieces)
        return pieces
    degree = [sum(1 for link in diagram.links if n.index in (link.a, link.b)) for n in nodes]
    if kind in ("organisation chart", "tree diagram"):
        root = min(nodes, key=lambda n: n.centre[1]).index
    else:
        root = int(np.argmax(degree))
    pieces = _tree(diagram, root)
    reached = {n.index for n in nodes if any(n.index in (lk.a, lk.b) for lk in diagram.links)} | {root}
    return pieces + [_name(n) for n in nodes if n.index not in reached]


def read_diagram(
    rgb: Image.Image, diagram: Diagram, lines: Sequence[OcrLine], reader: OcrEngine | None = None
) -> Reading:
    """The diagram's kind, title and reading (``lines``: the picture's OCR lines, picture pixels)."""
    title_lines, rest = place_text(diagram, lines)
    kind = kind_of(diagram)
    short = [ln for ln in rest if len(ln.text.split()) <= 3] if diagram.links else []
    short += [spot for spot in label_spots(diagram) if not any(overlap(spot, ln) for ln in short)]
    if reader is not None:
        again = reread_nodes(rgb, diagram, reader, kind == "Venn diagram", label_boxes(diagram, short))
        short = [
            OcrLine(clean_label(ln.text, t), ln.box, ln.confidence)
            for ln, t in zip(short, again, strict=True)
        ]
    label_links(diagram, short)
    title_lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    title = " ".join(ln.text.strip() for ln in title_lines).strip()
    return Reading(kind, title.rstrip("."), order(diagram, kind))


def describe_diagram(
    rgb: Image.Image,
    lines: Sequence[OcrLine],
    reader: OcrEngine | None = None,
    min_inside: float = 0.6,
    max_node_words: int = 12,
) -> Reading | None:
    """The picture as a diagram, or None when it is none: no nodes and links; most of its words
    outside the nodes (a screen's buttons and fields, with their labels and text around them); a
    node holding more than a label's few words (a window, a dialog); or most nodes found empty."""
    diagram = find_diagram(rgb)
    if diagram is None:
        return None
    _, rest = place_text(diagram, lines)
    counts = [len(n.text.split()) for n in diagram.nodes]
    inside = sum(counts)
    outside = sum(len(ln.text.split()) for ln in rest if len(ln.text.split()) > 2)  # not links' labels
    if inside < min_inside * (inside + outside) or max(counts) > max_node_words:
        return None
    reading = read_diagram(rgb, diagram, lines, reader)
    least = 0.5 if reading.kind == "Venn diagram" else 0.75  # a Venn part may hold one letter
    if sum(bool(n.text) for n in diagram.nodes) < least * len(diagram.nodes):
        return None
    return reading
