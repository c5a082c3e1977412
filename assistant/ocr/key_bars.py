"""A terminal program's function-key bar put right by its numbering.

htop, mc and many other full-screen programs end the screen with a bar of keys numbered one after
another: "F1Help F2Setup F3Search F4Filter ... F10Quit", "1Help 2Menu 3View ... 10Quit". The key
names are short and drawn on another ground than their labels, and in some fonts the engines read
them as something else: Terminus's "F4" and "F5" came back "Fd" and "Fo", glued to their labels
("SearchFdFilterFoTree"), its "F10" as "Fl@". A listener hears "search f d filter" and never hears
which key quits. The numbering says what they are: between "F3" and "F6" read right stand two
keys, "F4" and "F5", whatever they were read as.

So a row whose words name two function keys or more ("F1" to "F12"), or three numbered keys or
more at the start of words ("1Help"), in rising order, is a key bar. There, a name read wrongly
("F" and one or two characters, or a figure's look-alike, before a label's capital) is given the
number the bar says it has: between two keys read right, only where as many names lie between
them as their numbers leave room for; after the last or before the first, only where what was
read looks like that number ("Fl@" after "F9" is "F10"; "Bpelete" after "5Copy" is no "6").
Each key's name is cut from the label it was read glued to ("F6SortBy": "F6" "SortBy"), each part
boxed by its share of the word's characters (a fixed-width font's cells). Nothing else is changed:
a word that only looks like a key ("Fox", "3D") on a row that is no key bar stays as read.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from assistant.ocr.boxes import OcrLine, OcrWord, word_rows

MOST = {"F": 12, "": 10}  # the highest key number of each kind of bar (F12; mc's 10Quit)
LEAST_READ = {"F": 2, "": 3}  # keys read right, in rising order, that make a row a key bar

# What a figure of a key's number is read as in the fonts of terminals (the bar's numbering is
# checked against these where no key read right stands on the other side).
LOOK_ALIKES = {
    "0": "0oOD@Q",
    "1": "1ilI|!",
    "2": "2zZ",
    "3": "3",
    "4": "4A",
    "5": "5sS",
    "6": "6bG",
    "7": "7T?",
    "8": "8B",
    "9": "9gq",
}
# What may stand for a figure in a key's name at all: the look-alikes, and "d" (Terminus's "4" as
# tesseract reads it), which is taken only between two keys read right, as any misreading is.
_FIGURE_LIKE = "".join(sorted({ch for chars in LOOK_ALIKES.values() for ch in chars} | set("d")))

# A function key's name inside a word: "F", one or two characters, then a label's capital, a mark
# or the word's end; at the word's start or after a small letter or a mark ("SearchF4Filter",
# "Nice -F8Nice").
_F_KEY = re.compile(rf"(?:^|(?<=[a-z\-+]))F([{re.escape(_FIGURE_LIKE)}]{{1,2}})(?=[A-Z\-+]|$)")
# A numbered key (mc's): one or two figures (or look-alikes) at a word's start, then a capital.
_N_KEY = re.compile(rf"^([{re.escape(_FIGURE_LIKE)}]{{1,2}})(?=[A-Z])")


@dataclass(frozen=True)
class _Key:
    line: int  # index of the line, and of the word in it, the key's name lies in
    word: int
    start: int  # the name's characters in the word's text
    end: int
    kind: str  # "F" or "" (a numbered key)
    read: str  # the number's characters as read ("4", "d", "l@")
    number: int | None  # the number, where read right


def _number(read: str, kind: str) -> int | None:
    if not read.isdigit() or read.startswith("0"):
        return None
    n = int(read)
    return n if 1 <= n <= MOST[kind] else None


def _keys(lines: list[OcrLine], at: list[tuple[int, int]]) -> list[_Key]:
    """The words at ``at`` (line, word) scanned for key names, left to right."""
    out = []
    for j, i in at:
        text = lines[j].words[i].text
        for m in _F_KEY.finditer(text):
            out.append(_Key(j, i, m.start(), m.end(), "F", m.group(1), _number(m.group(1), "F")))
        if n := _N_KEY.match(text):
            out.append(_Key(j, i, 0, n.end(), "", n.group(1), _number(n.group(1), "")))
        elif text.isdigit() and (k := i + 1) < len(lines[j].words) and lines[j].words[k].text[:1].isupper():
            out.append(_Key(j, i, 0, len(text), "", text, _number(text, "")))  # ("3" "View")
    return out


def _looks_like(read: str, number: int) -> bool:
    figures = str(number)
    if len(read) != len(figures):
        return False
    return all(ch in LOOK_ALIKES[f] for ch, f in zip(read, figures, strict=True))


def _numbered(keys: list[_Key], kind: str) -> dict[_Key, int]:
    """The keys of one kind on a row given their numbers, where the row is a key bar of that kind."""
    row = [k for k in keys if k.kind == kind]
    read = {n: k.number for n, k in enumerate(row) if k.number is not None}
    sure = sorted(read)
    if len(sure) < LEAST_READ[kind] or any(read[b] <= read[a] for a, b in itertools.pairwise(sure)):
        return {}
    out = {row[n]: read[n] for n in sure}
    for a, b in itertools.pairwise(sure):  # between two read right: where the numbers leave just room
        if read[b] - read[a] == b - a:
            out.update({row[n]: read[a] + n - a for n in range(a + 1, b)})
    for step, ends in ((1, range(sure[-1] + 1, len(row))), (-1, range(sure[0] - 1, -1, -1))):
        previous = out[row[sure[-1] if step == 1 else sure[0]]]
        for n in ends:  # after the last, before the first: only where it looks like its number
            number = previous + step
            if not 1 <= number <= MOST[kind] or not _looks_like(row[n].read, number):
                break
            out[row[n]] = previous = number
    return out


def cut_names(word: OcrWord, names: list[tuple[int, int, str]]) -> list[OcrWord]:
    """``word`` cut round its key names ((start, end, name) in its text), each part boxed by its
    share of the word's characters."""
    text = word.text
    x0, y0, x1, y1 = word.box
    pitch = (x1 - x0) / max(1, len(text))
    bounds: list[tuple[int, int, str]] = []
    at = 0
    for start, end, name in sorted(names):
        if start > at:
            bounds.append((at, start, text[at:start]))
        bounds.append((start, end, name))
        at = end
    if at < len(text):
        bounds.append((at, len(text), text[at:]))
    return [
        OcrWord(part, (round(x0 + a * pitch), y0, round(x0 + b * pitch), y1), word.confidence)
        for a, b, part in bounds
        if part.strip()
    ]


def key_bars(lines: list[OcrLine]) -> list[OcrLine]:
    """``lines`` with the key names of each key bar among them put right and cut from their labels
    (see the module docstring); lines on no key bar are kept as they are."""
    if not any("F" in w.text or w.text[:1].isdigit() for line in lines for w in line.words):
        return lines
    rows = word_rows(lines)
    names: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for row in rows:
        keys = _keys(lines, row)
        for kind in ("F", ""):
            for key, number in _numbered(keys, kind).items():
                names.setdefault((key.line, key.word), []).append((key.start, key.end, f"{kind}{number}"))
    if not names:
        return lines
    out = []
    for j, line in enumerate(lines):
        words = [part for i, w in enumerate(line.words) for part in _named(w, names.get((j, i), []))]
        same = [w.text for w in words] == [w.text for w in line.words]
        out.append(line if same else OcrLine.of(words, line.confidence))
    return out


def _named(word: OcrWord, names: list[tuple[int, int, str]]) -> list[OcrWord]:
    """``word`` with its key names (start, end, name) put right: a function key's cut from the
    label it was read glued to, as a ground's change cuts it (:func:`assistant.ocr.bands.split_words`);
    a numbered key's mended where it stands (mc draws "1Help" in cells side by side)."""
    if not names:
        return [word]
    if all(not name.startswith("F") for _, _, name in names):
        text = word.text
        for start, end, name in sorted(names, reverse=True):
            text = text[:start] + name + text[end:]
        return [OcrWord(text, word.box, word.confidence)]
    return cut_names(word, names)
