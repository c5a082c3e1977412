"""Tokenisation and the word vocabulary of the captioner.

Flickr8k captions are already tokenised (``a dog runs .``); we lowercase them and drop tokens made
only of punctuation, so the model never spends capacity on full stops, and the metrics see the same
words as the references (as pycocoevalcap's PTB tokenizer would give them).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

PAD, START, END, UNK = "<pad>", "<start>", "<end>", "<unk>"
SPECIALS = (PAD, START, END, UNK)
_HAS_WORD = re.compile(r"[a-z0-9]")
_EDGE_PUNCT = re.compile(r"^[^a-z0-9']+|[^a-z0-9]+$")


def tokenize(caption: str) -> list[str]:
    """``'A dog , running .'`` -> ``['a', 'dog', 'running']``; keeps ``'s`` and ``t-shirt``."""
    tokens = []
    for raw in caption.lower().split():
        token = _EDGE_PUNCT.sub("", raw)
        if token and _HAS_WORD.search(token):
            tokens.append(token)
    return tokens


def detokenize(tokens: Sequence[str]) -> str:
    """Tokens -> a sentence to speak: ``['a', 'dog', "'s", 'ball']`` -> ``"A dog's ball."``."""
    text = " ".join(tokens).replace(" 's", "'s")
    if not text:
        return ""
    return text[0].upper() + text[1:] + "."


@dataclass
class Vocabulary:
    """Index <-> word, with the four special tokens first (``<pad>`` is 0)."""

    itos: list[str]

    def __post_init__(self) -> None:
        if tuple(self.itos[: len(SPECIALS)]) != SPECIALS:
            raise ValueError("a vocabulary must start with <pad>, <start>, <end>, <unk>")
        self.stoi = {word: index for index, word in enumerate(self.itos)}

    @classmethod
    def build(cls, captions: Iterable[str], min_count: int = 5) -> Vocabulary:
        counts = Counter(token for caption in captions for token in tokenize(caption))
        words = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
        return cls([*SPECIALS, *words])

    def __len__(self) -> int:
        return len(self.itos)

    @property
    def pad_id(self) -> int:
        return 0

    @property
    def start_id(self) -> int:
        return 1

    @property
    def end_id(self) -> int:
        return 2

    @property
    def unk_id(self) -> int:
        return 3

    def encode(self, caption: str, max_tokens: int) -> list[int]:
        """``<start> w1 .. wn <end>`` with at most ``max_tokens`` words."""
        ids = [self.stoi.get(token, self.unk_id) for token in tokenize(caption)[:max_tokens]]
        return [self.start_id, *ids, self.end_id]

    def decode(self, ids: Iterable[int]) -> list[str]:
        """Ids -> words, stopping at ``<end>`` and skipping the other special tokens."""
        words = []
        for index in ids:
            if index == self.end_id:
                break
            if index >= len(SPECIALS):
                words.append(self.itos[index])
        return words

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"itos": self.itos}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(list(data["itos"]))
