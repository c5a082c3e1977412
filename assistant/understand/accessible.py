"""A window's accessibility tree as what a person hears: its text in reading order, its controls
named with their state, a dialog as "title, message, buttons" (issue #15).

:func:`read_tree` walks an :class:`~assistant.capture.accessibility.AccessibleNode` tree (shown
objects only, clipped to scrolled views) into :class:`Said` items: text, headings, push buttons
("Buttons: Cancel, Save."), check boxes and radio buttons with their state, text fields with their
contents (never a password's), tables row by row with the header named once, menu bars and tabs
as lists. Siblings are read top to bottom, left to right by their places on the screen, so the
order is the one a sighted reader follows whatever order the toolkit built them in.

:func:`worth_reading` says whether a tree is enough on its own: some text, and no large object
that shows something the tree cannot say (a canvas, an image, a web page whose renderer keeps its
tree to itself), which OCR must read instead. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.capture.accessibility import AccessibleNode
from assistant.capture.geometry import Rect, area, intersect
from assistant.understand.wording import counted

EMBEDDED = "\ufffc"  # where a child object sits in its parent's text (web pages, rich text)

BUTTONS = {"push button", "toggle button", "push button menu"}
CHECKS = {"check box", "check menu item", "switch"}
RADIOS = {"radio button", "radio menu item"}
FIELDS = {"entry", "password text", "spin button"}
TABLES = {"table", "tree table", "tree"}
HEADERS = {"table column header", "column header"}
CELLS = {"table cell", "table row header", "row header", "tree item", "list item", *HEADERS}
VALUED = {"slider", "progress bar", "level bar", "dial"}
# Never read: decoration, and what only shows on demand.
SKIP = {"scroll bar", "separator", "tool tip", "popup menu", "icon", "redundant object", "title bar"}
# Objects that show what their tree cannot say: OCR reads them.
OPAQUE = {"canvas", "drawing area", "image", "animation", "video", "embedded", "chart", "unknown"}
# Text that belongs inside its parent's sentence (a link in a paragraph), not a piece of its own.
INLINE = {"link", "static", "text", "image", "mark", "subscript", "superscript", "content insertion"}
# Containers whose name is a title already said (the window) or a group label drawn by a child.
_NAMELESS = {"frame", "dialog", "alert", "window", "filler", "panel", "scroll pane", "viewport",
             "split pane", "layered pane", "root pane", "grouping", "section", "form", "document web",
             "document frame", "tool bar", "status bar", "page tab list", "menu bar", "list", "list box",
             "application", "landmark", "article", "internal frame", "option pane", "glass pane"}  # fmt: skip


@dataclass(frozen=True)
class Said:
    """One piece to say; ``rect`` on the screen (None when the toolkit gave no place). ``kind``:
    text, heading, button, field, control, table (the table's opening), row, opaque. ``parts``: for
    buttons said together, each button with its own place (what a click must reach)."""

    text: str
    rect: Rect | None = None
    kind: str = "text"
    parts: tuple[Said, ...] = ()


@dataclass(frozen=True)
class AccessibleReadingConfig:
    opaque_share: float = 0.25  # a window this much covered by opaque objects is OCR'd
    opaque_min: float = 0.02  # smaller opaque objects (icons, thumbnails) are not worth an OCR
    row_overlap: float = 0.5  # siblings overlapping this much vertically share a row
    dialog_texts: int = 2  # a window with at most this many text pieces and
    dialog_buttons: int = 4  # at most this many push buttons (and nothing else) reads as a dialog


@dataclass
class _Walk:
    cfg: AccessibleReadingConfig
    out: list[Said] = field(default_factory=list)


def read_tree(root: AccessibleNode, config: AccessibleReadingConfig | None = None) -> list[Said]:
    """The tree's pieces in reading order; a dialog's buttons last, all in one piece."""
    walk = _Walk(config or AccessibleReadingConfig())
    for child in _ordered(_shown(root, root.rect), walk.cfg):
        _read(child, walk, root.rect)
    said = _joined_buttons(_merged_labels(walk.out))
    return _dialog_order(said) if is_dialog(root, said, walk.cfg) else said


def is_dialog(root: AccessibleNode, said: list[Said], config: AccessibleReadingConfig | None = None) -> bool:
    """A dialog or alert by its role, or a small window of a message and push buttons only."""
    cfg = config or AccessibleReadingConfig()
    if root.role in ("dialog", "alert"):
        return True
    texts = [s for s in said if s.kind in ("text", "heading")]
    buttons = sum(s.text.count(",") + 1 for s in said if s.kind == "button")
    others = [s for s in said if s.kind not in ("text", "heading", "button", "opaque")]
    small = len(texts) <= cfg.dialog_texts and buttons <= cfg.dialog_buttons
    return bool(texts and buttons) and not others and small


def worth_reading(
    root: AccessibleNode, said: list[Said], place: Rect, config: AccessibleReadingConfig | None = None
) -> bool:
    """Whether the tree alone tells what ``place`` (the window's client area) shows: it has words,
    and its opaque objects (canvases, images, untold web pages) cover less than ``opaque_share``."""
    cfg = config or AccessibleReadingConfig()
    if not any(s.text.split() for s in said if s.kind != "opaque"):
        return False
    whole = max(1, area(place))
    covered = 0
    for s in said:
        if s.kind == "opaque" and s.rect is not None and (part := intersect(s.rect, place)):
            covered += area(part) if area(part) >= cfg.opaque_min * whole else 0
    return covered < cfg.opaque_share * whole


def ocr_regions(said: list[Said], place: Rect, config: AccessibleReadingConfig | None = None) -> list[Rect]:
    """Where, in a window whose tree is read, OCR must read what the tree cannot tell: its opaque
    objects (an image of text, a small canvas) big enough to hold words, clipped to ``place``."""
    cfg = config or AccessibleReadingConfig()
    parts = [intersect(s.rect, place) for s in said if s.kind == "opaque" and s.rect is not None]
    return [p for p in parts if p is not None and area(p) >= cfg.opaque_min * max(1, area(place))]


# ---- the walk ----------------------------------------------------------------------------------------
def _shown(node: AccessibleNode, clip: Rect | None) -> list[AccessibleNode]:
    """``node``'s children a person can see: shown, and (when both places are known) inside ``clip``."""
    return [c for c in node.children if "showing" in c.states and _inside(c.rect, clip)]


def _inside(rect: Rect | None, clip: Rect | None) -> bool:
    if rect is None or clip is None:
        return True
    cx, cy = rect[0] + rect[2] // 2, rect[1] + rect[3] // 2
    return clip[0] <= cx < clip[0] + clip[2] and clip[1] <= cy < clip[1] + clip[3]


def _ordered(nodes: list[AccessibleNode], cfg: AccessibleReadingConfig) -> list[AccessibleNode]:
    """Top to bottom in rows, each row left to right; tree order when a place is missing."""
    if any(n.rect is None for n in nodes) or len(nodes) < 2:
        return nodes
    rows: list[list[AccessibleNode]] = []
    for node in sorted(nodes, key=lambda n: (n.rect[1], n.rect[0])):  # type: ignore[index]
        r = node.rect
        assert r is not None
        last = rows[-1][-1].rect if rows else None
        if last is not None and _overlap(r, last) >= cfg.row_overlap * min(r[3], last[3]):
            rows[-1].append(node)
        else:
            rows.append([node])
    return [n for row in rows for n in sorted(row, key=lambda n: n.rect[0])]  # type: ignore[index]


def _overlap(a: Rect, b: Rect) -> int:
    return min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])


def _clean(text: str | None) -> str:
    return " ".join((text or "").replace(EMBEDDED, " ").split())


def embedded(node: AccessibleNode) -> list[AccessibleNode] | None:
    """The children that ``node``'s text marks with U+FFFC, in order; None when they do not align.
    Chromium also lists its runs of plain text ("static") as children, though their words are in
    the parent's text already: only the others are marked."""
    marks = (node.text or "").count(EMBEDDED)
    if marks == len(node.children):
        return list(node.children)
    others = [c for c in node.children if c.role != "static"]
    return others if marks == len(others) else None


def flat_text(node: AccessibleNode) -> str:
    """All the words in a subtree, in order (a table cell's, a combo box's): its text with each
    embedded child's words in place, else its name, else its shown children's words."""
    text = node.text or ""
    marked = embedded(node) if EMBEDDED in text else None
    if marked is not None:
        pieces = text.split(EMBEDDED)
        words = [pieces[0]]
        for child, after in zip(marked, pieces[1:], strict=True):
            words += [flat_text(child) if "showing" in child.states else "", after]
        return " ".join(" ".join(words).split())
    own = _clean(text) or " ".join(node.name.split())
    if own:
        return own
    return " ".join(t for c in node.children if "showing" in c.states and (t := flat_text(c)))


def _read(node: AccessibleNode, walk: _Walk, clip: Rect | None) -> None:
    role, name, out = node.role, " ".join(node.name.split()), walk.out
    if role in SKIP:
        return
    if role in BUTTONS:
        pressed = role == "toggle button" and bool({"checked", "pressed"} & node.states)
        if label := name or flat_text(node):
            out.append(Said(label + (", pressed" if pressed else ""), node.rect, "button"))
    elif (control := _control(node, name)) is not None:
        out.append(Said(control, node.rect, "field" if role in FIELDS or role == "text" else "control"))
    elif role in TABLES:
        out.extend(_table(node, clip, walk.cfg))
    elif role in _LISTS and all(c.role not in _NAMELESS for c in _shown(node, clip)):
        _list(node, walk, clip)
    elif node.text is not None and EMBEDDED in node.text:
        _hypertext(node, walk, clip)
    elif (text := _clean(node.text)) or (name and role not in _NAMELESS and not _shown(node, clip)):
        kind = "heading" if role == "heading" else "text"
        for paragraph in (node.text or name).split("\n") if text else [name]:
            if paragraph.strip():
                out.append(Said(" ".join(paragraph.split()), node.rect, kind))
    elif role in OPAQUE or (not _shown(node, clip) and role in _UNTOLD):
        out.append(Said("", node.rect, "opaque"))
    else:
        scrolled = clip and node.rect and role in ("scroll pane", "viewport")
        inner = intersect(clip, node.rect) if scrolled else clip  # type: ignore[arg-type]
        for child in _ordered(_shown(node, inner), walk.cfg):
            _read(child, walk, inner)


_LISTS = ("menu bar", "page tab list", "tool bar")
_UNTOLD = ("document web", "document frame", "terminal")  # empty: the renderer keeps its tree to itself


def _control(node: AccessibleNode, name: str) -> str | None:
    """A control with its state or value ("Remember me: check box, checked"), or None for others."""
    role, states = node.role, node.states
    if role in CHECKS:
        said = f"check box, {'checked' if 'checked' in states else 'not checked'}"
        return f"{name}: {said}" if name else said.capitalize()
    if role in RADIOS:
        said = f"radio button, {'selected' if 'checked' in states else 'not selected'}"
        return f"{name}: {said}" if name else said.capitalize()
    if role in FIELDS or (role == "text" and "editable" in states and "multi-line" not in states):
        return _field(node, name)  # a document being edited (multi-line) is read as its paragraphs
    if role == "combo box":
        shown = flat_text(node)
        return f"{name + ', ' if name and name != shown else ''}combo box: {shown}"
    if role in VALUED:
        value = f"{node.value:g}" if node.value is not None else ""
        return f"{name or role}: {value}".rstrip(": ")
    return None


def _field(node: AccessibleNode, name: str) -> str:
    if node.role == "password text":
        return f"{name or 'Password'}: password field"
    contents = _clean(node.text)
    label = f"{name}, edit field" if name else "Edit field"
    return f"{label}: {contents}" if contents else f"{label}, empty"


def _list(node: AccessibleNode, walk: _Walk, clip: Rect | None) -> None:
    """A menu bar, a tab list or a toolbar of buttons as one piece: "Menu bar: File, Edit, View."."""
    items = []
    for child in _ordered(_shown(node, clip), walk.cfg):
        text = flat_text(child)
        if text and child.role not in SKIP:
            chosen = node.role == "page tab list" and "selected" in child.states
            items.append(f"{text} (selected)" if chosen else text)
    if not items:
        return
    lead = {"menu bar": "Menu bar", "page tab list": "Tabs", "tool bar": "Buttons"}[node.role]
    walk.out.append(Said(f"{lead}: {', '.join(items)}", node.rect, "control"))  # a toolbar stays where it is


def _hypertext(node: AccessibleNode, walk: _Walk, clip: Rect | None) -> None:
    """Text with its children in place: inline ones (links) inside the running sentence, block
    ones (paragraphs, lists, tables) read as pieces of their own."""
    text = node.text or ""
    marked = embedded(node)
    if marked is None:  # a toolkit that does not align: text, then children
        if _clean(text):
            walk.out.append(Said(_clean(text), node.rect))
        for child in _ordered(_shown(node, clip), walk.cfg):
            _read(child, walk, clip)
        return
    pieces = text.split(EMBEDDED)
    running = pieces[0]
    for child, after in zip(marked, pieces[1:], strict=True):
        if "showing" in child.states and _inside(child.rect, clip):
            if child.role in INLINE and (EMBEDDED not in (child.text or "") or child.role == "link"):
                running += flat_text(child)
            else:
                if _clean(running):
                    walk.out.append(Said(_clean(running), node.rect))
                running = ""
                _read(child, walk, clip)
        running += after
    if _clean(running):
        walk.out.append(Said(_clean(running), node.rect))


def _table(node: AccessibleNode, clip: Rect | None, cfg: AccessibleReadingConfig) -> list[Said]:
    """A table's shown cells in rows by their places, the header row named once."""
    inner = intersect(clip, node.rect) if clip and node.rect else clip
    cells = [c for c in _cells(node, inner) if c.rect is not None]
    if not cells:
        return [Said(t, node.rect) for t in [flat_text(node)] if t]
    rows: list[list[AccessibleNode]] = []
    for cell in sorted(cells, key=lambda c: (c.rect[1] + c.rect[3] / 2, c.rect[0])):  # type: ignore[index]
        r, last = cell.rect, rows[-1][0].rect if rows else None
        if last is not None and r is not None and _overlap(r, last) >= cfg.row_overlap * min(r[3], last[3]):
            rows[-1].append(cell)
        else:
            rows.append([cell])
    texts = [[_cell_text(c) for c in sorted(row, key=lambda c: c.rect[0])] for row in rows]  # type: ignore[index]
    header = all(c.role in HEADERS for c in rows[0])
    body = texts[1:] if header else texts
    lead = f"Table, {counted(len(body), 'row')}"
    opening = f"{lead}. Columns: {', '.join(t for t in texts[0] if t)}" if header else lead
    said = [Said(opening, node.rect, "table")]
    return said + [Said(", ".join(t for t in row if t), node.rect, "row") for row in body if any(row)]


def _cells(node: AccessibleNode, clip: Rect | None) -> list[AccessibleNode]:
    found = []
    for child in _shown(node, clip):
        if child.role in CELLS or child.role in CHECKS:
            found.append(child)
        elif child.role not in SKIP:
            found += _cells(child, clip)
    return found


def _cell_text(cell: AccessibleNode) -> str:
    text = flat_text(cell)
    if not text and ("checkable" in cell.states or cell.role in CHECKS):
        return "checked" if "checked" in cell.states else "not checked"
    return text


# ---- after the walk ----------------------------------------------------------------------------------
def _merged_labels(said: list[Said]) -> list[Said]:
    """A label and the field it names said once: "Name:" then "Name, edit field: Ada" is the
    field alone; "Email" just left of an unnamed field becomes "Email, edit field: ada@…"."""
    out: list[Said] = []
    for s in said:
        prev = out[-1] if out and out[-1].kind == "text" and s.kind in ("field", "control") else None
        if prev is not None:
            label = prev.text.rstrip(": ").casefold()
            if label and s.text.casefold().startswith(label):
                out.pop()
            elif s.text.startswith("Edit field") and (prev.text.endswith(":") or _beside(prev.rect, s.rect)):
                out[-1] = Said(
                    f"{prev.text.rstrip(': ')}, edit field{s.text.removeprefix('Edit field')}", s.rect, s.kind
                )
                continue
        out.append(s)
    return out


def _beside(label: Rect | None, field: Rect | None) -> bool:
    """Whether a label sits just left of a field, on its row."""
    if label is None or field is None:
        return False
    return _overlap(label, field) >= 0.5 * min(label[3], field[3]) and label[0] + label[2] <= field[0] + 4


def _joined_buttons(said: list[Said]) -> list[Said]:
    """Buttons side by side as one piece: "Buttons: Cancel, Save"."""
    out: list[Said] = []
    run: list[Said] = []
    for s in [*said, Said("", None, "end")]:
        if s.kind == "button" and not s.text.startswith(("Buttons: ", "Button: ")):
            run.append(s)
            continue
        if run:
            names = ", ".join(b.text for b in run)
            lead = f"Button{'s' if len(run) > 1 else ''}"
            out.append(Said(f"{lead}: {names}", _bounds(run), "button", tuple(run)))
            run = []
        if s.kind != "end":
            out.append(s)
    return out


def _dialog_order(said: list[Said]) -> list[Said]:
    """A dialog: its message first, then every button, in one piece."""
    buttons = [s for s in said if s.kind == "button"]
    rest = [s for s in said if s.kind != "button"]
    if len(buttons) < 2:
        return rest + buttons
    names = ", ".join(s.text.removeprefix("Buttons: ").removeprefix("Button: ") for s in buttons)
    parts = tuple(p for s in buttons for p in s.parts or (s,))
    return [*rest, Said(f"Buttons: {names}", _bounds(buttons), "button", parts)]


def _bounds(said: list[Said]) -> Rect | None:
    rects = [s.rect for s in said if s.rect is not None]
    if not rects:
        return None
    left, top = min(r[0] for r in rects), min(r[1] for r in rects)
    return (left, top, max(r[0] + r[2] for r in rects) - left, max(r[1] + r[3] for r in rects) - top)
