"""Zeros drawn with a dot or a slash inside, read as "@".

Programmers' terminal fonts (mononoki, Agave, Hermit, and many more) draw the zero with a dot or a
slash so that it is not taken for an "O"; both engines read such a zero as "@": "353.@ MiB",
"@8:12", "dbe@@d5". An "@" is made a zero only where the word then is a number or a hash: a real
"@" also stands after a figure ("user1@host:~$", "alice42@example.com", "1920x1080@60Hz"), and
those words are neither.
"""

from __future__ import annotations

import re

from assistant.ocr.boxes import OcrLine, OcrWord

# A run of "@" (or of a slashed zero's other readings, "€" and "¢") in a word.
_RUN = re.compile(r"[@€¢]+")
# What a word with its zeros back must be: figures (a size's unit, a share, a date, a time, a
# time zone's "+0000"), or a hash.
_NUMBER = re.compile(r"[-+]?\d[\d.,:/-]*(?:[KMGTPE]i?B?|%)?|[0-9a-f]{7,}")
# Between figures, or after a sign or a separator that follows one.
_JOINS = ".:,-/"


def _is_zero(text: str, start: int, end: int) -> bool:
    """Whether the run of "@" at ``text[start:end]`` is zeros: a figure before it (or a figure's
    point or colon: "353.@", "07:@5"), or a figure after it with no letter before it ("@8:12",
    a name's "@" stands after a letter), or two or more of them inside a word ("dbe@@d5")."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    two_back = text[start - 2] if start > 1 else ""
    if "@" not in text[start:end]:
        # A slashed zero read "€" or "¢" only inside figures ("2024-€2-22", "+€222"), and straight
        # after a figure only in a date, a time or a time zone: a price's "€20" or "20€" keeps its
        # sign, and "2€50" alone is a price (two euros fifty), said as written.
        dated = text[:1] == "+" or any(c in ":/-" for c in text)
        inside = (
            (before.isdigit() and dated)
            or (before in _JOINS and two_back.isdigit())
            or (before == "+" and start == 1)
        )
        return inside and after.isdigit()
    if before.isdigit() or (before and before in _JOINS and two_back.isdigit()):
        return True
    if after.isdigit() and not before.isalpha():
        return True
    return end - start >= 2 and (before.isalnum() or after.isalnum())


def zeros(text: str) -> str:
    """``text`` (one word) with its runs of "@" that stand for zeros made "0"."""
    if not _RUN.search(text):
        return text
    fixed = _RUN.sub(
        lambda m: "0" * len(m.group()) if _is_zero(text, m.start(), m.end()) else m.group(), text
    )
    return fixed if _NUMBER.fullmatch(fixed) else text


def zeros_read(lines: list[OcrLine], exact: frozenset[OcrWord] = frozenset()) -> list[OcrLine]:
    """``lines`` with their words' dotted zeros read as zeros (words read exactly left as they are)."""
    out = []
    for line in lines:
        words = [
            w if w in exact or (fixed := zeros(w.text)) == w.text else OcrWord(fixed, w.box, w.confidence)
            for w in line.words
        ]
        changed = any(a is not b for a, b in zip(words, line.words, strict=True))
        out.append(OcrLine.of(words) if changed else line)
    return out
