"""Diagrams in a picture file, found from their shapes: boxes, ellipses and diamonds with text inside,
joined by lines and arrows on a plain background (issue #16).

A diagram used to be read as "Screen. v. Send. es. no. reset link. Show error. Password Reset. ..."
(the OCR's reading order of scattered labels, arrowheads read as "v"). Here the picture is cut into
flat regions between outlines (:mod:`assistant.masks`); a region that is closed, holds
text (its holes) and is neither the background nor huge is a *node*; the strokes left when the nodes
and their outlines are taken away are the *links*, and a link that reaches two nodes joins them (the
end with more ink near it, an arrowhead, is where it points). The structure says the kind
(:mod:`assistant.understand.diagram_reading`): decision diamonds make a flowchart, a top-down tree an
organisation chart, overlapping regions without links a Venn diagram, a tree around a centre a mind
map; and the nodes are read title first, in the arrows' order.

numpy and Pillow only; ~20-60 ms on a 640-pixel picture, paid only for flat picture files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from assistant.masks import dilate, grow_labels, label, regions


@dataclass(frozen=True)
class DiagramConfig:
    side: int = 640  # pictures are analysed at most this large
    edge_step: int = 48  # a colour step (largest channel) this big between neighbours: an outline or stroke
    plain: float = 0.45  # the background colour covers at least this share (a diagram's page is plain)
    min_node_px: int = 120  # a node's inside covers at least this many pixels...
    min_node_share: float = 0.0006  # ...and this share of the picture
    max_node_share: float = 0.3  # a larger region is a frame or a plot area, not a node
    min_side: int = 10  # a node is at least this wide and tall
    min_text_share: float = 0.006  # a node holds text: its holes cover this share of it...
    min_text_px: int = 30  # ...and this many pixels
    max_text_share: float = 0.6  # more is a region around a text block, not a shape with a label
    cover: int = 3  # a node's outline lies within this many pixels of its inside
    reach: int = 9  # a stroke this close to a node touches it
    min_nodes: int = 3
    max_shared_rim: float = 0.3  # a background patch whose rim runs along other nodes more: no node
    sparse_text: float = 0.04  # (twice as much when it holds more text than this share)
    max_thickness: float = 4.0  # a link's pixels per pixel of its box's diagonal: a thin line
    head_ratio: float = 1.6  # an arrow's head end holds this many times the ink of its tail end


@dataclass
class Node:
    index: int
    box: tuple[int, int, int, int]  # the inside (text holes included), in analysed pixels
    shape: str  # box, ellipse, diamond, other
    area: int  # pixels of the inside, text included
    text_share: float
    colour: tuple[int, int, int]
    text: str = ""

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@dataclass
class Link:
    a: int
    b: int
    directed: bool  # True: from a to b
    stroke: int = 0  # its component in Diagram.stroke_labels (0: none of its own)
    label: str = ""


@dataclass
class Diagram:
    nodes: list[Node]
    links: list[Link]
    touching: list[tuple[int, int]]  # nodes whose insides meet with no outline between (a Venn's parts)
    scale: float  # analysed pixels per picture pixel
    ground: tuple[int, int, int]  # the background's colour
    size: tuple[int, int]  # analysed width, height
    node_map: np.ndarray = field(repr=False)  # (H, W) node index + 1 over each node's inside, else 0
    stroke_labels: np.ndarray = field(repr=False)  # (H, W) link stroke components
    title: str = ""


def _array(rgb: Image.Image, side: int) -> tuple[np.ndarray, float]:
    image = rgb.convert("RGB")
    factor = -(-max(image.size) // side)  # a whole factor: reduce() averages boxes, fast and even
    if factor > 1:
        image = image.reduce(factor)
    return np.asarray(image, dtype=np.int16), image.width / rgb.width  # (H, W, 3)


def _flat_regions(a: np.ndarray, smallest: int) -> tuple[np.ndarray, int]:
    """Regions of one flat colour (4-connected), for each colour common enough to make a node:
    flat fills are exact colours in a drawn picture, and the anti-aliased pixels along their edges
    and letters fall between them. (H, W) labels, 0 between regions, and the count."""
    quantised = a >> 3  # (H, W, 3): 32 levels a channel
    code = (quantised[..., 0] * 1024 + quantised[..., 1] * 32 + quantised[..., 2]).astype(np.int32)
    counts = np.bincount(code.reshape(-1), minlength=32768)
    common = np.argsort(-counts)[:16]
    common = common[counts[common] >= smallest]
    index = np.zeros(32768, dtype=np.int32)
    index[common] = np.arange(1, len(common) + 1)
    out, total = label(index[code], diagonal=False)
    return out, total


def _inside(crop: np.ndarray) -> tuple[np.ndarray, int]:
    """A region's crop with its holes filled (the text inside it), and the holes' pixel count."""
    outside, count = label(~crop, diagonal=True)
    if count == 0:
        return crop, 0
    border = np.unique(np.concatenate([outside[0], outside[-1], outside[:, 0], outside[:, -1]]))
    holes = (outside > 0) & ~np.isin(outside, border)
    return crop | holes, int(holes.sum())


def _shape(filled: np.ndarray) -> str:
    """Box, ellipse or diamond from how much of its box the shape fills, and its width a quarter of
    the way down (a box: all of it; an ellipse: ~0.87; a diamond: ~0.5)."""
    height, width = filled.shape
    fill = filled.mean()
    rows = filled[max(0, round(height * 0.2)) : max(1, round(height * 0.3))]
    quarter = float(rows.sum(axis=1).mean()) / width if rows.size else 0.0
    if fill >= 0.88 and quarter >= 0.9:
        return "box"
    if 0.66 <= fill < 0.9 and quarter >= 0.7:
        return "ellipse"
    if 0.38 <= fill <= 0.66 and 0.3 <= quarter <= 0.68:
        return "diamond"
    return "other"


def find_nodes(
    a: np.ndarray, cfg: DiagramConfig
) -> tuple[list[Node], np.ndarray, np.ndarray, tuple[int, int, int]] | None:
    """The nodes (closed flat regions holding text), the node map and the ink mask (strokes on the
    ground); None when the picture has no plain background."""
    height, width = a.shape[:2]
    smallest = max(cfg.min_node_px, cfg.min_node_share * height * width)
    flat, count = _flat_regions(a, round(smallest))
    border = np.concatenate([flat[0], flat[-1], flat[:, 0], flat[:, -1]])
    border = border[border > 0]
    if count == 0 or border.size == 0:
        return None
    areas, boxes = regions(flat, count)
    ground = int(np.bincount(border).argmax())
    if areas[ground - 1] < cfg.plain * height * width:
        return None
    gy, gx = np.argwhere(flat == ground)[0]
    ground_colour = a[gy, gx]  # (3,): the ground is one flat colour
    ink = np.abs(a - ground_colour).max(axis=2) > cfg.edge_step
    node_map = np.zeros((height, width), dtype=np.int32)
    nodes: list[Node] = []
    for i in np.flatnonzero((areas >= smallest) & (areas <= cfg.max_node_share * height * width)):
        x0, y0, x1, y1 = (int(v) for v in boxes[i])
        if i + 1 == ground or x1 - x0 < cfg.min_side or y1 - y0 < cfg.min_side:
            continue
        region = flat[y0:y1, x0:x1] == i + 1
        filled, holes = _inside(region)
        share = holes / max(1, int(filled.sum()))
        if holes < cfg.min_text_px or not cfg.min_text_share <= share <= cfg.max_text_share:
            continue
        colour = a[y0:y1, x0:x1][region][0]
        view = node_map[y0:y1, x0:x1]
        view[filled & (view == 0)] = len(nodes) + 1
        nodes.append(
            Node(len(nodes), (x0, y0, x1, y1), _shape(filled), int(filled.sum()), share,
                 (int(colour[0]), int(colour[1]), int(colour[2])))
        )  # fmt: skip
    ground_rgb = (int(ground_colour[0]), int(ground_colour[1]), int(ground_colour[2]))
    nodes, node_map = _drop_between(nodes, node_map, ground_rgb, cfg)
    return nodes, node_map, ink, ground_rgb


def _drop_between(
    nodes: list[Node], node_map: np.ndarray, ground: tuple[int, int, int], cfg: DiagramConfig
) -> tuple[list[Node], np.ndarray]:
    """Drops patches of background closed in by other nodes and arrows (the space inside a loop of
    arrows): most of such a patch's rim runs along other nodes, while a node's rim is its own outline
    and meets another node only where they stand close."""
    height, width = node_map.shape
    margin = cfg.cover + 3
    between: set[int] = set()

    def shared(node: Node) -> float:
        x0, y0, x1, y1 = node.box
        wx0, wy0 = max(0, x0 - 2 * margin), max(0, y0 - 2 * margin)
        wx1, wy1 = min(width, x1 + 2 * margin), min(height, y1 + 2 * margin)
        window = node_map[wy0:wy1, wx0:wx1]
        own = window == node.index + 1
        rim = dilate(own, margin) & ~dilate(own, 1)
        others = dilate((window > 0) & ~own & ~np.isin(window - 1, list(between)), margin)
        return float((rim & others).sum()) / max(1, int(rim.sum()))

    plain = [n for n in nodes if all(abs(c - g) <= 8 for c, g in zip(n.colour, ground, strict=True))]
    for node in sorted(plain, key=lambda n: n.text_share):  # a loop's inside holds little text
        limit = cfg.max_shared_rim if node.text_share < cfg.sparse_text else 2 * cfg.max_shared_rim
        if shared(node) > limit:
            between.add(node.index)
    if not between:
        return nodes, node_map
    kept = [n for n in nodes if n.index not in between]
    lookup = np.zeros(len(nodes) + 1, dtype=np.int32)
    for i, node in enumerate(kept):
        lookup[node.index + 1] = i + 1
        node.index = i
    return kept, lookup[node_map]


def _links(
    a: np.ndarray, nodes: list[Node], node_map: np.ndarray, edge: np.ndarray, cfg: DiagramConfig
) -> tuple[list[Link], list[tuple[int, int]], np.ndarray]:
    """Links between nodes (strokes that reach two), nodes that touch, and the strokes' labels."""
    covered = dilate(node_map > 0, cfg.cover)
    strokes, count = label(edge & ~covered, diagonal=True)
    near = grow_labels(node_map, cfg.reach)
    hits = (strokes > 0) & (near > 0)
    pairs = np.stack([strokes[hits], near[hits] - 1], axis=1)
    found, counts = np.unique(pairs, axis=0, return_counts=True) if len(pairs) else (pairs, np.zeros(0))
    links: list[Link] = []
    areas, boxes = regions(strokes, count)
    for stroke in np.unique(found[:, 0]) if len(found) else []:
        ends = {int(n): int(c) for (s, n), c in zip(found, counts, strict=True) if s == stroke}
        x0, y0, x1, y1 = boxes[stroke - 1]
        if len(ends) < 2 or areas[stroke - 1] > cfg.max_thickness * float(np.hypot(x1 - x0, y1 - y0)):
            continue  # a link is a thin line (and its arrowheads), not a border, a bar or a text
        touched = sorted(ends, key=lambda n: nodes[n].centre[1])
        if len(ends) > 2:  # strokes merged near a parent: a bus from the topmost node
            links.extend(Link(touched[0], n, True, int(stroke)) for n in touched[1:])
            continue
        u, v = touched
        if ends[v] >= cfg.head_ratio * ends[u]:
            links.append(Link(u, v, True, int(stroke)))
        elif ends[u] >= cfg.head_ratio * ends[v]:
            links.append(Link(v, u, True, int(stroke)))
        else:
            links.append(Link(u, v, False, int(stroke)))
    # Insides that meet across a bare colour boundary (no stroke between): a Venn diagram's parts.
    grown = grow_labels(node_map, cfg.cover)
    touching = set()
    for dy, dx in ((0, 1), (1, 0)):
        left = grown[: grown.shape[0] - dy, : grown.shape[1] - dx]
        right = grown[dy:, dx:]
        meet = (left > 0) & (right > 0) & (left != right)
        for p, q in {(int(p), int(q)) for p, q in zip(left[meet], right[meet], strict=True)}:
            touching.add((min(p, q) - 1, max(p, q) - 1))
    return links, sorted(touching), strokes


def _venn_parts(nodes: list[Node], touching: list[tuple[int, int]], ground: tuple[int, int, int]) -> bool:
    """Parts of a Venn diagram: regions of different colours, none the background's, that meet with
    no outline between them, and are round, not boxes (a table's cells meet across thin rules)."""
    met = {n for pair in touching for n in pair}
    colours = {nodes[n].colour for n in met}
    return (
        len(touching) >= 2
        and len(colours) == len(met)
        and ground not in colours
        and not any(nodes[n].shape == "box" for n in met)
    )


def find_diagram(rgb: Image.Image, cfg: DiagramConfig | None = None) -> Diagram | None:
    """The picture's nodes and links when it looks like a diagram (at least ``min_nodes`` nodes with
    text, joined by links or meeting as a Venn diagram's parts), else None."""
    cfg = cfg or DiagramConfig()
    a, scale = _array(rgb, cfg.side)
    found = find_nodes(a, cfg)
    if found is None:
        return None
    nodes, node_map, edge, ground = found
    if len(nodes) < 2:
        return None
    links, touching, strokes = _links(a, nodes, node_map, edge, cfg)
    venn = not links and _venn_parts(nodes, touching, ground)
    if not venn:  # shapes drawn overlapping (a crowded mind map) are joined
        linked = {(min(k.a, k.b), max(k.a, k.b)) for k in links}
        links += [
            Link(p, q, False)
            for p, q in touching
            if (p, q) not in linked and nodes[p].shape == nodes[q].shape == "ellipse"  # not keys, not cells
        ]
    if sum(k.directed for k in links) < 0.5 * len(links):
        for k in links:  # a few uneven strokes in a drawing of plain lines are no arrows
            k.directed = False
    joined = {n for link in links for n in (link.a, link.b)}
    if not venn and (len(nodes) < cfg.min_nodes or len(joined) < 0.75 * len(nodes)):
        return None
    return Diagram(nodes, links, touching, scale, ground, (a.shape[1], a.shape[0]), node_map, strokes)
