"""Cutting text into short spoken chunks, and saying keys the way a listener needs them.

A speaker that synthesises a whole 300-word description before it makes a sound keeps the user
waiting; one that speaks sentence by sentence starts after the first few words and can be cut
between (and inside) sentences. The first chunk is kept deliberately short so the first sound
comes fast whatever the length of the text.

A control key written in caret notation ("^G Help ^X Exit", nano's bar and a terminal's) is said
as "Control G": synthesisers drop the caret (espeak-ng and speech-dispatcher at their usual
punctuation level say "G Help") or name it ("circumflex G"), and a listener hears no key at all.
Only the spoken words change; the text (history, explore mode, braille) keeps "^G".
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? or … followed by space, unless the dot belongs to a common abbreviation
# or a number such as 3.5 (the regex needs whitespace after the punctuation, so 3.5 never splits).
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "fig",
        "no",
        "inc",
        "ltd",
        "jr",
        "sr",
        "approx",
        "dept",
    ]
)
_CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")
# A caret and one capital, a word of its own ("^G", "(^X)"; not "x^2", "[^]" or "^Gold").
_CARET_KEY = re.compile(r"(?<![^\s(\[])\^([A-Z])(?=[\s.,;:)\]]|$)")

MAX_WORDS = 30
FIRST_MAX_WORDS = 12


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip().split()
    if not words:
        return False
    last = words[-1].rstrip(".").lower()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if parts and _ends_with_abbreviation(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _cut_long(sentence: str, max_words: int) -> list[str]:
    """Cut a run-on sentence at clause breaks, then at word counts, into chunks of <= max_words."""
    if len(sentence.split()) <= max_words:
        return [sentence]
    chunks: list[str] = []
    current: list[str] = []
    for clause in _CLAUSE_BREAK.split(sentence):
        words = clause.split()
        if current and len(current) + len(words) > max_words:
            chunks.append(" ".join(current))
            current = []
        current.extend(words)
        while len(current) > max_words:
            chunks.append(" ".join(current[:max_words]))
            current = current[max_words:]
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_sentences(
    text: str, max_words: int = MAX_WORDS, first_max_words: int = FIRST_MAX_WORDS
) -> list[str]:
    """Split ``text`` into speakable chunks: sentences, long ones cut at clauses; a short first chunk.

    Whitespace is normalised; nothing but whitespace is dropped, so joining the chunks with spaces
    gives back the words of ``text`` in order.
    """
    text = " ".join(text.split())
    if not text:
        return []
    chunks: list[str] = []
    for sentence in _sentences(text):
        chunks.extend(_cut_long(sentence, max_words))
    if chunks and len(chunks[0].split()) > first_max_words:
        head = _cut_long(chunks[0], first_max_words)
        chunks[0:1] = [head[0], " ".join(head[1:])] if len(head) > 1 else head
    return chunks


def spoken_keys(text: str) -> str:
    """``text`` with each control key in caret notation said as its name ("^G" -> "Control G")."""
    return _CARET_KEY.sub(lambda m: f"Control {m.group(1)}", text)
