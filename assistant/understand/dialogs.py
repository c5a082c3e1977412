"""A dialog read from its pixels as a person says it: its text, then "Buttons: Discard, Cancel, Save."

Where a window's accessibility tree tells its buttons (:mod:`assistant.understand.accessible`), the
tree is used. A picture file, a window no tree tells (Tk, xmessage, a remote desktop) has only OCR,
whose layout scatters a dialog's buttons: on a real Tk "Save Changes" dialog "Discard" joined the
message's block, "Cancel" became a heading of its own. What a dialog's buttons have in common is
where they are: one row of short labels, spaced apart, below everything else. That is the rule here,
and it is only applied to short texts (a dialog, not a page whose last line happens to be short).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from assistant.ocr.boxes import OcrLine, OcrWord, line_middle, union_box
from assistant.ocr.grid import Grid, Row
from assistant.ocr.layout import TextBlock, starts_window
from assistant.understand.found import WORD_GAP, split_spaced


@dataclass(frozen=True)
class DialogConfig:
    max_words: int = 70  # more than this is a page or an app: its buttons are not looked for
    dialog_words: int = 45  # at most this many words with a button row: said as a dialog
    max_buttons: int = 5
    max_label_words: int = 3  # "Back Up Now", "Don't Save"
    max_label_chars: int = 20
    same_row: float = 0.6  # labels whose middles are within this many line heights share a row
    stray_chars: int = 1  # lines below the buttons with no more letters than this are OCR noise
    keypad_rows: int = 3  # this many rows of three short labels or more: keys, not a dialog
    max_key_chars: int = 5  # a key's label ("CE/C", "10^x")
    # Outlined buttons close together (xmessage): labels apart where words stand this many line
    # heights apart (half A's xmessages: 1.1 to 1.2 between buttons, 0.5 to 0.7 within a label).
    button_gap: float = 0.9
    fixed_lines: int = 5  # a block in a fixed-width font of at most this many lines may be a dialog's


@dataclass(frozen=True)
class DialogReading:
    blocks: list[TextBlock]  # the text without the button row, in reading order
    labels: list[OcrLine]  # the buttons, left to right, each with its own box
    is_dialog: bool  # short enough to be called a dialog (else a page or form with buttons at its foot)

    @property
    def buttons(self) -> list[str]:
        return [label.text for label in self.labels]

    @property
    def sentence(self) -> str:
        return f"Buttons: {', '.join(self.buttons)}."

    @property
    def said_blocks(self) -> list[TextBlock]:
        """The blocks in the order they are said: the text, then the buttons as one row of a grid
        (so that explore mode lists them last too, each a button)."""
        row = TextBlock(list(self.labels))
        row.grid = Grid([Row(list(self.labels))], monospace=False)
        return [*self.blocks, row]


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _is_label(line: OcrLine, cfg: DialogConfig) -> bool:
    """A button's label: a few words starting with a capital, no commas, no figures but in a name
    of letters and figures after a word ("Send T-402": a status bar's "Line 1, Column 4", "Col 4",
    "UTF-8", a terminal's "0:00", an OCR fragment "ue to payme" are not)."""
    text = " ".join(line.text.split())
    words = text.split()
    return (
        1 <= len(words) <= cfg.max_label_words
        and len(text) <= cfg.max_label_chars
        and text[:1].isupper()
        and "," not in text
        and not any(
            _has_digit(w) and (k == 0 or not any(ch.isalpha() for ch in w)) for k, w in enumerate(words)
        )
        and _letters(text) >= 2
    )


def _are_buttons(labels: list[OcrLine], cfg: DialogConfig) -> bool:
    return 2 <= len(labels) <= cfg.max_buttons and all(_is_label(seg, cfg) for seg in labels)


def _outlined(line: OcrLine, cfg: DialogConfig) -> list[OcrLine]:
    """``line`` cut as a row of outlined buttons close together (xmessage's Athena buttons, a few
    pixels apart, each in a rounded outline that OCR reads as "(" and ")": "Retry Skip Page)
    (Cancel Job) Help)"): at an outline's mark, and where the gap between two words is wider than
    ``cfg.button_gap`` line heights (a space between words of one label is some half of one). The
    marks go. Only tried where the row cut at wide gaps alone is no row of buttons."""
    words: list[OcrWord] = []
    for word in sorted((w for w in line.words if w.text.strip()), key=lambda w: w.box[0]):
        if words and _overlap(words[-1], word) > 0.5:  # one label read twice ("Cee)" over "Stop")
            if word.confidence > words[-1].confidence:
                words[-1] = word
            continue
        words.append(word)
    groups: list[list[OcrWord]] = []
    for k, word in enumerate(words):
        before = words[k - 1] if k else None
        if (
            before is None
            or before.text.endswith(")")
            or word.text.startswith("(")
            or word.box[0] - before.box[2] > cfg.button_gap * max(1, line.height)
        ):
            groups.append([])
        groups[-1].append(OcrWord(word.text.strip("()"), word.box, word.confidence))
    groups = [[w for w in g if w.text] for g in groups]
    return [OcrLine.of(g, line.confidence) for g in groups if g]


def _overlap(a: OcrWord, b: OcrWord) -> float:
    """How much of the narrower of two words the other covers, across."""
    across = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return max(0, across) / max(1, min(a.box[2] - a.box[0], b.box[2] - b.box[0]))


def _stray(line: OcrLine, foot: int, cfg: DialogConfig) -> bool:
    """A mark that is no text: nothing legible, or below the buttons (``foot``: their lowest edge)
    no more than ``stray_chars`` letters (a window's grips). Above them a lone figure is text: a
    dial's "1", "3", "6" (a live stopwatch's dial lost nine of its twelve numbers here)."""
    letters = _letters(line.text)
    return letters == 0 or (letters <= cfg.stray_chars and (line.box[1] >= foot or not _has_digit(line.text)))


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


_NUMBER = re.compile(r"[-+−]?[$€£]?\d[\d,]*(?:\.\d+)?%?")


def _value(line: OcrLine) -> float | None:
    text = line.text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.strip("$€£%").replace(",", "").replace("−", "-"))


def _has_scale(lines: Sequence[OcrLine], run: int = 4) -> bool:
    """A chart's axis among ``lines``: ``run`` numbers or more, one above another, aligned at one
    edge, evenly spaced and evenly stepped ("5.0 4.5 4.0 3.5"). Its labels in a row under the plot
    are no dialog's buttons (a box plot was read "Dialog. ... Buttons: SpeedyPost, ParcelGo,
    QuickShip."); a keypad's column (7, 4, 1, 0) and a dial's figures are not evenly stepped."""
    numbers = [(ln, v) for ln in lines if (v := _value(ln)) is not None]
    for edge in (0, 2):  # left-aligned, right-aligned
        column = sorted(numbers, key=lambda p: p[0].box[edge])
        groups: list[list[tuple[OcrLine, float]]] = []
        for pair in column:
            if groups and pair[0].box[edge] - groups[-1][-1][0].box[edge] <= 0.6 * pair[0].height:
                groups[-1].append(pair)
            else:
                groups.append([pair])
        for group in groups:
            group.sort(key=lambda p: line_middle(p[0]))
            for i in range(len(group) - run + 1):
                part = group[i : i + run]
                gaps = [line_middle(b[0]) - line_middle(a[0]) for a, b in pairwise(part)]
                steps = [b[1] - a[1] for a, b in pairwise(part)]
                even = min(gaps) > 0 and max(gaps) <= 1.25 * min(gaps)
                if (
                    even
                    and steps[0] != 0
                    and all(abs(d - steps[0]) <= 1e-6 * max(1.0, abs(steps[0])) for d in steps)
                ):
                    return True
    return False


def _is_keypad(lines: Sequence[OcrLine], cfg: DialogConfig) -> bool:
    """Rows of keys among ``lines``: ``cfg.keypad_rows`` rows or more of three short labels apart
    or more, most of the row (a calculator's "7 8 9 *"). Its lowest row is no dialog's buttons,
    and its lone letters ("E", "x!", "π", an upright "E N T E R") are keys, not stray marks
    (xcalc's HP mode was read as a dialog and lost them)."""
    rows: list[list[OcrLine]] = []
    for seg in sorted((s for ln in lines for s in split_spaced(ln, WORD_GAP)), key=line_middle):
        if rows and abs(line_middle(seg) - line_middle(rows[-1][0])) <= cfg.same_row * max(
            1, rows[-1][0].height
        ):
            rows[-1].append(seg)
        else:
            rows.append([seg])
    short = [sum(len(s.text.strip()) <= cfg.max_key_chars for s in r) for r in rows]
    # (most of a row short: two keys read as one line, "DRG INV", do not make it a sentence)
    return sum(n >= 3 and n >= 2 * len(r) / 3 for n, r in zip(short, rows, strict=True)) >= cfg.keypad_rows


def read_dialog(blocks: Sequence[TextBlock], config: DialogConfig | None = None) -> DialogReading | None:
    """The dialog reading of ``blocks``, or None when they do not look like one dialog: a short text
    whose lowest row (stray marks aside) is 2..5 short labels spaced apart, with text above it.
    Text outside the window (:attr:`TextBlock.outside`: a panel's task buttons under a dialog) is
    counted with its words but is no row of it: the buttons are the window's lowest row."""
    cfg = config or DialogConfig()
    # No terminals; a few lines in a fixed font are a message box's (xmessage's "fixed", 6x10)
    every = [
        ln
        for b in blocks
        if b.grid is None or not b.grid.monospace or len(b.lines) <= cfg.fixed_lines
        for ln in b.lines
    ]
    if not every or sum(len(ln.text.split()) for ln in every) > cfg.max_words:
        return None
    inside = [b for b in blocks if not b.outside] or list(blocks)  # (all outside: a window not found)
    ids = {id(ln) for b in inside for ln in b.lines}
    lines = [ln for ln in every if id(ln) in ids]
    if not lines:
        return None
    real = [ln for ln in lines if _letters(ln.text) > cfg.stray_chars]
    if len(real) < 2 or _has_scale(lines) or _is_keypad(lines, cfg):  # no buttons under a chart or keys
        return None
    lowest = max(real, key=lambda ln: ln.box[3])
    height = max(1, lowest.height)
    row = [ln for ln in real if abs(line_middle(ln) - line_middle(lowest)) <= cfg.same_row * height]
    labels = sorted((seg for ln in row for seg in split_spaced(ln, WORD_GAP)), key=lambda seg: seg.box[0])
    if not _are_buttons(labels, cfg):  # cut finer: outlined buttons close together
        labels = [seg for ln in sorted(row, key=lambda ln: ln.box[0]) for seg in _outlined(ln, cfg)]
        if not _are_buttons(labels, cfg):
            return None
    # Below all else, a grid's lines too (strays aside): xcalc's display labels "DEG DEC" above
    # its keys (a grid, left out above) are no buttons.
    level = min(line_middle(ln) for ln in row)
    others = [ln for b in inside for ln in b.lines if ln not in row and _letters(ln.text) > cfg.stray_chars]
    if any(line_middle(ln) > level for ln in others):
        return None
    above = [
        ln for ln in real if ln not in row and ln.box[3] <= min(seg.box[1] for seg in labels) + height // 2
    ]
    if not above:
        return None
    row_ids = {id(ln) for ln in row}
    foot = max(seg.box[3] for seg in labels)
    rest = []
    for block in blocks:
        kept = [ln for ln in block.lines if id(ln) not in row_ids and not _stray(ln, foot, cfg)]
        if len(kept) == len(block.lines):
            rest.append(block)  # untouched: keeps its grid and heading
        elif kept:
            rest.append(_without(block, kept))
    words = sum(len(ln.text.split()) for ln in every)
    tidy = [OcrLine(" ".join(seg.text.split()), seg.box, seg.confidence, seg.words) for seg in labels]
    return DialogReading(rest, tidy, words <= cfg.dialog_words)


def _without(block: TextBlock, kept: list[OcrLine]) -> TextBlock:
    """``block`` left with the lines ``kept``; a grid keeps its other rows (a table whose last row
    an engine took to be the buttons under it, "Extract, Delete, Close", stays a table)."""
    out = TextBlock(kept)
    if block.grid is not None and len(block.grid.rows) == len(block.lines):
        ids = {id(ln) for ln in kept}
        rows = [row for row, ln in zip(block.grid.rows, block.lines, strict=True) if id(ln) in ids]
        out.grid = Grid(rows, block.grid.monospace) if len(rows) >= 2 else None
    return out


def by_window(blocks: Sequence[TextBlock], config: DialogConfig | None = None) -> list[TextBlock]:
    """``blocks`` of several windows (each after the first starts with its name), each window that
    reads as a dialog with its button row last in it ("Buttons: Discard, Cancel, Save."), as one
    dialog alone is read; the buttons never leave their window."""
    groups: list[list[TextBlock]] = [[]]
    for k, block in enumerate(blocks):  # (what lies outside every window is no window's)
        if starts_window(block) or (block.outside and not (k and blocks[k - 1].outside)):
            groups.append([])
        groups[-1].append(block)
    out: list[TextBlock] = []
    for group in groups:
        head = group[:1] if group and starts_window(group[0]) else []
        body = group[len(head) :]
        dialog = read_dialog(body, config) if body else None
        if dialog is None or not dialog.is_dialog:
            out += head + body
            continue
        labels = dialog.labels  # one line, "Buttons: Discard, Cancel, Save", each label a word at its place
        words = [OcrWord(label.text, label.box, label.confidence) for label in labels]
        line = OcrLine(dialog.sentence.rstrip("."), union_box([w.box for w in words]), 1.0, words)
        out += [*head, *dialog.blocks, TextBlock([line])]
    return out
