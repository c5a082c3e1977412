"""A key's label as the recogniser read it, put right where the label leaves no doubt.

A calculator's keys are short labels in small bitmap fonts, where "1", "l", "i" and "I" (and
"0" and "O") differ by a pixel: xcalc's "ln" read "1n", "sin" "s1n", "ON" "0N", a Qt keypad's "ln"
"In". A key carries one label from a small, stable vocabulary (the functions and commands of
calculators and keypads), so a reading that is no such label but becomes exactly one by changing
look-alikes is taken for it. Used by :mod:`assistant.ocr.look_read` on what it reads on keys.
"""

from __future__ import annotations

import re
from itertools import product

# The labels of calculator and keypad keys (lower case), the vocabulary a misread key is put right
# to: functions, memory and stack keys, logic and base keys.
# fmt: off
KEY_WORDS = frozenset([
    "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
    "ln", "log", "lg", "exp", "mod", "inv", "int", "frac", "sqrt", "abs", "deg", "rad", "grad", "drg",
    "hyp", "ans", "rcl", "sto", "sum", "exc", "chs", "eex", "ee", "enter", "clr", "del", "ce", "ac",
    "on", "off", "and", "or", "xor", "not", "nor", "nand", "shl", "shr", "lsh", "rsh", "rol", "ror",
    "base", "hex", "dec", "oct", "bin", "mc", "mr", "ms", "mplus", "rnd", "ran", "fix", "sci", "eng",
    "nrm", "shift", "alpha", "mode", "menu", "back", "x!", "n!",
    "space", "tab", "esc", "caps", "ctrl", "alt", "home", "end", "ins", "123", "abc",
])
# fmt: on
# Keys' labels with marks: functions written with "^", "/", "!", ":" (a reading one mark away from
# exactly one of them is it: xcalc's "10^x" read "10^>", HP's "x:y" read "x+y").
# fmt: off
MARKED_KEYS = frozenset([
    "10^x", "e^x", "2^x", "y^x", "x^y", "x^2", "x^3", "1/x", "x!", "n!", "x:y", "x<>y", "+/-",
])
# fmt: on
# Look-alikes in small fonts: 1, l, i, I, | and ! (a factorial key's "x!" read "xl"); 0 and O; V and Y
# (10x20's "INV" read "INY").
_ALIKE = {ch: "li!" for ch in "1liI|!"} | {ch: "o" for ch in "0oO"} | {ch: "vy" for ch in "vVyY"}

_LOWER_AND_ONES = re.compile(r"(?=.*[a-z])[a-z1]{2,}")
_UPPER_AND_NOUGHTS = re.compile(r"(?=.*0)(?=(?:.*[A-Z]){2})[A-Z0]+")
_GREEK_LOOKALIKES = str.maketrans("νοικτΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", "voiktABEHIKMNOPTXYZ")


def _known(text: str) -> str | None:
    """``text`` as the one key word its look-alikes can make (capitals kept where the reading had
    only capitals), or None: none, or more than one ("1o" could be "lo" or "io": neither is)."""
    if len(text) < 2 or len(text) > 6 or not any(ch.isalpha() for ch in text):
        return None
    if text.lower() in KEY_WORDS:  # a key word already; in a case no label has ("coS"): small
        regular = text.islower() or text.isupper() or text.istitle()
        return None if regular else text.lower()
    options = [_ALIKE.get(ch, ch.lower()) for ch in text]
    found = {"".join(p) for p in product(*options)} & KEY_WORDS
    if len(found) != 1:
        return None
    word = found.pop()
    letters = [ch for ch in text if ch.isalpha() and ch not in "lIi"]  # (an "l" or "i" could be either)
    return word.upper() if letters and all(ch.isupper() for ch in letters) else word


def _one_mark_off(text: str) -> str | None:
    """The one label of :data:`MARKED_KEYS` that ``text`` becomes by changing one of its marks
    (not a letter or digit: "10^>" -> "10^x", "x+y" -> "x:y"), or None."""
    found = {
        k
        for k in MARKED_KEYS
        if len(k) == len(text)
        and sum(a != b for a, b in zip(k, text, strict=True)) == 1
        and all(a == b or not a.isalnum() for a, b in zip(text, k, strict=True))
    }
    return found.pop() if len(found) == 1 else None


def is_key_label(word: str) -> bool:
    """``word`` is one a keypad's keys carry: a key word ("sin", "MOD", "Shift", "123"), or a short
    function with a mark ("x^y", "1/x", "n!", "x²")."""
    return word.lower() in KEY_WORDS or (len(word) <= 5 and any(ch in "^/!²³√" for ch in word))


def key_text(text: str) -> str:
    """A key's label as read, with the small fonts' look-alikes put right where the label leaves
    no doubt: a reading that changes into exactly one key word ("s1n" -> "sin", "In" -> "ln",
    "0N" -> "ON", "INY" -> "INV", "xl" -> "x!", "coS" -> "cos"); else a "1" among small letters
    is an "l" (xcalc's "shl" read "sh1"), a "0" among capitals an "O" ("ST0"), a Greek letter
    among Latin ones its Latin twin (HP's "Rv" read "Rν"; a lone "π" stays); a function's label
    with a mark misread put right where one mark makes it one (:data:`MARKED_KEYS`: "10^>" ->
    "10^x"). A label with other digits or marks is left as read ("1/x", "1/y")."""
    if any("a" <= ch.lower() <= "z" for ch in text):  # Latin letters: a Greek look-alike among them is one
        text = text.translate(_GREEK_LOOKALIKES)
    if (word := _known(text)) is not None:
        return word
    if text not in MARKED_KEYS and (word := _one_mark_off(text)) is not None:
        return word
    if _LOWER_AND_ONES.fullmatch(text):
        return text.replace("1", "l")
    if _UPPER_AND_NOUGHTS.fullmatch(text):
        return text.replace("0", "O")
    return text
