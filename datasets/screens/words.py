"""How the screen set compares words: one definition for the capture's checks and the benchmark.

A token is a whitespace-separated piece of text, NFKC-normalised (so "x²" is "x2" and "ﬁ" is "fi"),
lower-cased, with every character that is not a letter or digit removed ("-rw-r--r--" is "rwrr",
"14:30" is "1430", "budget.ods" is "budgetods"). Pieces left empty (pure punctuation: "|", "-",
"+/-") are not words.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    out = []
    for piece in unicodedata.normalize("NFKC", text).lower().split():
        t = _NOT_ALNUM.sub("", piece)
        if t:
            out.append(t)
    return out
