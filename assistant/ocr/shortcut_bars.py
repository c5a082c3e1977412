"""An editor's shortcut bar named by its labels: nano's "^G Help ^O Write Out ... ^X Exit".

nano (and pico before it) ends the screen with two rows of shortcuts, each a key in reverse video
("^G", "M-U") and its label ("Help", "Undo"). The labels are words any engine reads; the keys are
two characters in a cell of another ground, and in many terminal fonts they come back wrong or
not at all: "*0" for "^O", "“R" for "^R", a lone "T" for "^T", nothing before "Help" or "Exit",
"^J" glued to "Justify". A listener then hears "Help, Write Out, Exit" and not which key does it.

The labels say which keys they are: nano binds each label of its main bar to one key, the same
in every version that shows that label ("Exit" is ^X, "Where Is" ^W, "Undo" M-U; older versions
name some otherwise, "Cur Pos" for "Location", "UnCut Text" for "Paste", with the same keys).
So on a row that is part of nano's main bar, the short word just before a label (within the key's
cells) is that label's key, whatever it was read as; where nothing was read there, the key is put
in the cells before the label; a key read glued to its label is cut from it; and where the key
was read right, another reading of its cells beside it goes. A label read in pieces ("He" "lp",
"Locat" "i" "on") is said as its words. "Go To Line" keeps its key as read: nano 5 draws it "^_",
nano 6 and later "^/". Where the cells before a label hold a longer word, or a word of another
label, nothing is changed.

A row is part of the main bar where it, with the row just above or below, holds three of the
labels or more, one of them a label of the main bar alone ("Write Out", "Read File", ...): the
search prompt's bar also says "Help" and "Replace", with "Replace" on another key ("^R"), and
prose says "Help" and "Exit" too.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.ocr.boxes import OcrLine, OcrWord, word_rows

# Each label of nano's main bar (pico's, older nano's) and its key. "Go To Line" is a label with no
# key here (its key changed between versions): it is counted as a label, and its key left as read.
KEYS: dict[str, str | None] = {
    "Help": "^G",
    "Get Help": "^G",
    "Write Out": "^O",
    "WriteOut": "^O",
    "Where Is": "^W",
    "Cut": "^K",
    "Cut Text": "^K",
    "Execute": "^T",
    "To Spell": "^T",
    "Location": "^C",
    "Cur Pos": "^C",
    "Exit": "^X",
    "Read File": "^R",
    "Replace": "^\\",
    "Paste": "^U",
    "Paste Text": "^U",
    "UnCut Text": "^U",
    "Justify": "^J",
    "Go To Line": None,
    "Undo": "M-U",
    "Redo": "M-E",
    "Set Mark": "M-A",
    "Copy": "M-6",
    "Where Was": "^Q",
    "Prev Page": "^Y",
    "Next Page": "^V",
    "Prev Pg": "^Y",
    "Next Pg": "^V",
}
# Labels only the main bar shows (one of them makes rows of labels nano's main bar).
MAIN_ONLY = frozenset({"Write Out", "WriteOut", "Read File", "Where Is", "Execute", "To Spell", "Cur Pos"})
_KEY_NAMES = frozenset(key for key in KEYS.values() if key is not None) | {"^_", "^/"}
_MAIN_WORDS = frozenset(name.split()[0] for name in MAIN_ONLY)  # (a quick look: none, no bar)


@dataclass(frozen=True)
class ShortcutConfig:
    least: int = 3  # labels on a row and the row beside it that make a bar (one of them main-only)
    # The key's cells before its label, in the label's character widths: "^X" and a space. A word
    # ending nearer the label than ``gap`` and starting no farther than ``reach`` is its key.
    gap: float = 2.5
    reach: float = 4.5
    longest: int = 3  # characters a word read for a key may have ("*0", "“R", "M-U")


@dataclass(frozen=True)
class _Label:
    first: int  # index in the row of the label's first word, and one past its last
    end: int
    name: str
    key: str = ""  # the characters before the label in its first word, where read glued to it


# Each label by its letters alone, in any case: "Help" read "He" "lp", "Location" read "Locat" "i"
# "on", "Write Out" read "Write out".
_SPELT: dict[str, list[str]] = {}
for _name in KEYS:
    _SPELT.setdefault(_name.replace(" ", "").lower(), []).append(_name)
_MOST_PIECES = max(len(name.split()) for name in KEYS) + 1  # a label read in one piece more


def _labels(words: list[OcrWord], key_chars: int) -> list[_Label]:
    """The labels among a row's words, left to right: each as the words it was read as (with or
    without its spaces, "Write Out" or "He" "lp"), or read glued to a key of up to ``key_chars``
    characters before it ("^JJustify")."""
    out = []
    i = 0
    while i < len(words):
        for n in range(min(_MOST_PIECES, len(words) - i), 0, -1):
            names = _SPELT.get("".join(w.text for w in words[i : i + n]).lower(), [])
            if names:  # ("Write Out" and "WriteOut" are both labels: the one read so)
                most = max(names, key=lambda m: len(m.split()))
                name = next((m for m in names if len(m.split()) == n), most)
                out.append(_Label(i, i + n, name))
                i += n
                break
        else:
            text = words[i].text
            glued = next((k for k in range(1, key_chars + 1) if text[k:] in KEYS and text[k].isupper()), None)
            if glued is not None:
                out.append(_Label(i, i + 1, text[glued:], text[:glued]))
            i += 1
    return out


def _spelt(words: list[OcrWord], label: _Label) -> list[OcrWord]:
    """The words ``label`` stands in: as read (in its own case), or where it was read in more
    pieces than it has words ("He" "lp"), its own words boxed by their share of its letters."""
    read = words[label.first : label.end]
    parts = label.name.split()
    if len(read) == len(parts) and not label.key:  # (in nano's case: "Write out" is "Write Out")
        return [
            w if w.text == part else OcrWord(part, w.box, w.confidence)
            for w, part in zip(read, parts, strict=True)
        ]
    x0, y0, y1 = read[0].box[0], read[0].box[1], read[0].box[3]
    x1 = read[-1].box[2]
    if label.key:  # "^JJustify": the label starts after the key's characters
        x0 = round(x0 + (x1 - x0) * len(label.key) / len(read[0].text))
    pitch = (x1 - x0) / len(label.name)
    out, at = [], 0
    for part in parts:
        box = (round(x0 + at * pitch), y0, round(x0 + (at + len(part)) * pitch), y1)
        out.append(OcrWord(part, box, min(w.confidence for w in read)))
        at += len(part) + 1
    return out


def _mended(
    words: list[OcrWord], label: _Label, taken: set[int], cfg: ShortcutConfig
) -> dict[int, list[OcrWord]]:
    """``label`` on its row of ``words`` with its key put right: the words that stand for the
    row's words at some indices (the key for a word read wrongly for it; the key before the
    label where none was read; the label's own words where it was read in pieces). Nothing where
    all is read right, where the label has no key, or where the cells before it hold something
    other than a key: a long word, or a word of a label (``taken``: the indices of those)."""
    key = KEYS[label.name]
    read = words[label.first : label.end]
    spelt = _spelt(words, label)
    first = read[0]
    out: dict[int, list[OcrWord]] = {}
    if spelt != read:  # its own words in the first's place
        out = {label.first: spelt} | {i: [] for i in range(label.first + 1, label.end)}
    if key is None:
        return out
    x0, y0, y1 = spelt[0].box[0], first.box[1], first.box[3]
    end = words[label.end - 1].box[2]
    pitch = (end - x0) / len(label.name)
    if any(w.text == key and w.box[2] > x0 - cfg.reach * pitch and w.box[0] < end for w in words):
        # Read right already, beside it or inside a looser reading's box: another reading of its
        # cells ("“AT" beside "^T") is the same key read wrongly, and goes (no key of the bar does).
        cells = (x0 - cfg.reach * pitch, x0)
        return out | {
            i: []
            for i, w in enumerate(words)
            if i not in taken
            and w.text not in _KEY_NAMES
            and len(w.text) <= cfg.longest
            and cells[0] <= (w.box[0] + w.box[2]) / 2 < cells[1]
        }
    before = words[label.first - 1] if label.first > 0 else None
    if label.key:  # read glued to the label: cut from it
        out[label.first] = [OcrWord(key, (first.box[0], y0, x0, y1), first.confidence), *spelt]
        if (  # a piece of the key read just before it goes too: "\" "FReplace" is "^\" "Replace"
            before is not None
            and before.box[2] >= first.box[0] - pitch / 2
            and before.box[0] >= x0 - cfg.reach * pitch
            and len(before.text) + len(label.key) <= cfg.longest
            and label.first - 1 not in taken
        ):
            out[label.first - 1] = []
        return out
    if before is not None and before.box[2] > x0 - cfg.gap * pitch:  # a word in the key's cells
        if label.first - 1 in taken:  # a label's word boxed loosely over the next key's cells
            return {}
        if before.box[0] < x0 - cfg.reach * pitch or len(before.text) > cfg.longest:
            return {}
        return out | {label.first - 1: [OcrWord(key, before.box, min(before.confidence, first.confidence))]}
    if before is not None and before.box[2] > x0 - cfg.reach * pitch:
        return {}  # something stands where the key's cells begin: left as read
    if x0 - 3 * pitch < -pitch / 2:
        return out  # the key's cells lie beyond the picture's edge
    box = (max(0, round(x0 - 3 * pitch)), y0, round(x0 - pitch), y1)
    return out | {label.first: [OcrWord(key, box, first.confidence), *out.get(label.first, [first])]}


def _tightest(words: list[OcrWord], labels: list[_Label]) -> list[_Label]:
    """``labels`` less those read twice: of two readings of one label whose boxes overlap (a gap's
    loose "Execute" over its key's cells and the tight one), the narrower. Each reading on its
    own would name the key, once in each place."""

    def span(label: _Label) -> tuple[int, int]:
        return words[label.first].box[0], words[label.end - 1].box[2]

    def looser(label: _Label, than: _Label) -> bool:
        (a0, a1), (b0, b1) = span(label), span(than)
        return a0 < b1 and b0 < a1 and (a1 - a0, label.first) > (b1 - b0, than.first)

    return [label for label in labels if not any(o.name == label.name and looser(label, o) for o in labels)]


def shortcut_bars(lines: list[OcrLine], cfg: ShortcutConfig | None = None) -> list[OcrLine]:
    """``lines`` with the keys of nano's main bar named by their labels (see the module docstring):
    each key mended in its line, each key read nowhere put in its label's line before it; lines
    on no such bar are kept as they are."""
    cfg = cfg or ShortcutConfig()
    if not any(w.text in _MAIN_WORDS for line in lines for w in line.words):
        return lines
    rows = word_rows(lines)
    words = [[lines[j].words[i] for j, i in row] for row in rows]
    labels = [_labels(row, cfg.longest) for row in words]
    tops = [min(w.box[1] for w in row) for row in words]
    heights = [max(w.box[3] - w.box[1] for w in row) for row in words]
    bar = set()
    for r in range(len(rows)):
        for s in range(len(rows)):  # this row with one just below it, or alone
            if s != r and not 0 < tops[s] - tops[r] <= 2 * max(heights[r], heights[s]):
                continue
            names = {label.name for label in labels[r] + (labels[s] if s != r else [])}
            if len(names) >= cfg.least and names & MAIN_ONLY:
                bar.update({r, s})
    edits: dict[tuple[int, int], list[OcrWord]] = {}
    for r in bar:
        taken = {i for label in labels[r] for i in range(label.first, label.end)}  # the labels' words
        for label in _tightest(words[r], labels[r]):
            edits.update({rows[r][i]: new for i, new in _mended(words[r], label, taken, cfg).items()})
    if not edits:
        return lines
    out = []
    for j, line in enumerate(lines):
        new = [part for i, word in enumerate(line.words) for part in edits.get((j, i), [word])]
        if new:  # (a line that held only a piece of a label read in pieces across lines is gone)
            out.append(line if new == line.words else OcrLine.of(new, line.confidence))
    return out
