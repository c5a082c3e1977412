"""Who or what a caption says is in the picture, and the caption without it (issue #16).

The captioner was trained on Flickr8k, where nearly every photo shows people or a dog; shown the
Colosseum it says "A man is standing in front of a building", shown a cow "A dog is running through
the grass". The trust gate (:mod:`assistant.understand.trust`) asks the subject probes and ImageNet
whether the person or dog is really there; when not, this module gives what is left of the caption
once the invented subject is taken out ("A building."), or None when what is left would not be a
sentence, so that the gate says something else (the ImageNet label, or that it cannot tell).

Captions from this captioner follow a few patterns ("<subject> [in a red shirt] is <verb>ing <prep>
<place>", "<subject> in <place>"), so a small word-list parser is enough; it is deliberately
conservative: anything it does not recognise yields None.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from assistant.vision.inference.person_probe import PERSON_WORDS

DOG_WORDS = frozenset({
    "dog", "dogs", "puppy", "puppies", "pup", "pups",
})  # fmt: skip

# What a person wears: "A man in a red shirt is ..." -- the shirt goes with the invented man.
_ATTIRE = frozenset({
    "shirt", "shirts", "jacket", "jackets", "coat", "coats", "hat", "hats", "helmet", "helmets",
    "dress", "dresses", "uniform", "uniforms", "outfit", "outfits", "costume", "costumes", "shorts",
    "pants", "trousers", "jeans", "top", "tops", "sweater", "sweaters", "hoodie", "sweatshirt", "suit",
    "suits", "swimsuit", "cap", "caps", "glasses", "sunglasses", "gear", "scarf", "skirt", "vest",
    "wetsuit", "boots", "shoes", "clothes", "clothing", "bikini", "tank", "tshirt", "t",
})  # fmt: skip
_SUBJECT_MODIFIERS = frozenset({"in", "with", "wearing", "and"})
_PREPOSITIONS = frozenset({
    "on", "in", "at", "through", "into", "onto", "over", "across", "along", "by", "near", "under",
    "around", "past", "toward", "towards", "beside", "behind", "down", "up", "off", "out", "from",
    "with", "inside", "outside", "between",
})  # fmt: skip
_DETERMINERS = frozenset({"a", "an", "the", "two", "three", "some", "many", "several"})
# A remainder that ends on one of these was cut short by the decoder ("sitting on a wooden.").
_DANGLING = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "with", "for", "large", "small", "big",
    "little", "red", "blue", "green", "yellow", "white", "black", "brown", "orange", "pink", "purple",
    "grey", "gray", "wooden", "tall", "high",
})  # fmt: skip
_FRONT = ("in front of", "on top of", "next to", "in the middle of")
# Stuff, not things: the decoder's "standing on a grass" is said "The grass.", not "A grass.".
_MASS = frozenset({"grass", "water", "snow", "sand", "mud", "dirt", "ice", "hay", "gravel", "dust"})


def words(text: str) -> list[str]:
    """Lower-case words: "A man, jumping." -> ["a", "man", "jumping"]."""
    return re.findall(r"[a-z]+", text.lower())


def mentions(text: str, vocabulary: frozenset[str]) -> bool:
    """Does the caption name one of ``vocabulary`` anywhere ("a man and his dog" names both)?"""
    return bool(vocabulary & set(words(text)))


def _subject_end(tokens: list[str], vocabulary: frozenset[str], reach: int) -> int | None:
    """Index just past the subject noun phrase (its head within the first ``reach`` words), or None."""
    heads = [i for i, token in enumerate(tokens[:reach]) if token in vocabulary]
    if not heads:
        return None
    end = heads[0] + 1
    # "A man and a woman are ..." / "A man and a dog": the conjoined phrase is part of the subject.
    while end < len(tokens) and tokens[end] == "and":
        nxt = [i for i, token in enumerate(tokens[end : end + 6], start=end) if token in vocabulary]
        if not nxt:
            break
        end = nxt[0] + 1
    return end


def _skip_attire(tokens: list[str], at: int) -> int:
    """Past "in a red shirt and blue jeans" / "wearing a hat" (what the subject wears)."""
    while at < len(tokens) and tokens[at] in _SUBJECT_MODIFIERS:
        stop = next((i for i in range(at + 1, min(len(tokens), at + 8)) if tokens[i] in _ATTIRE), None)
        if stop is None or any(t in ("is", "are") for t in tokens[at:stop]):
            break
        at = stop + 1
        while at < len(tokens) and tokens[at] in _ATTIRE:
            at += 1
    return at


def without_subject(text: str, vocabulary: frozenset[str] = PERSON_WORDS | DOG_WORDS) -> str | None:
    """The caption with its invented subject taken out, as a sentence; None when nothing sensible is left.

    "A man is standing in front of a building." -> "A building."
    "A man is riding a boat on the water." -> "A boat on the water."
    "A dog is running through the grass." -> "The grass."
    "A man in a red shirt." -> None (only the subject and its clothes).
    """
    tokens = words(text)
    end = _subject_end(tokens, vocabulary, reach=6)
    if end is None:
        return None
    at = _skip_attire(tokens, end)
    if at < len(tokens) and tokens[at] in ("is", "are"):
        at += 1
        if at < len(tokens) and tokens[at].endswith("ing"):
            at += 1
    rest = " ".join(tokens[at:])
    for phrase in _FRONT:
        if rest.startswith(phrase + " "):
            rest = rest[len(phrase) + 1 :]
            break
    else:
        if at < len(tokens) and tokens[at] in _PREPOSITIONS:
            rest = " ".join(tokens[at + 1 :])
    left = rest.split()
    if len(left) < 2 or left[0] not in _DETERMINERS or left[-1] in _DANGLING:
        return None
    head_end = next((i for i, t in enumerate(left) if i and t in _PREPOSITIONS), len(left))
    if left[head_end - 1] in _DANGLING:
        return None  # "a high in the air": the phrase before the next preposition has no noun
    if vocabulary & set(left) or (PERSON_WORDS | DOG_WORDS) & set(left):
        return None  # another person or dog further on: not a clean cut
    if head_end < len(left) and _singular(left[head_end - 1]) in {_singular(t) for t in left[head_end:]}:
        left = left[:head_end]  # "a mountain in the mountains": the place says it once
    if left[0] in ("a", "an") and left[1] in _MASS:
        left[0] = "the"
    return left[0].capitalize() + " " + " ".join(left[1:]) + "."


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def person_fit(matcher: Any, pooled: np.ndarray, text: str) -> float | None:
    """How much better the image-text model (``ContrastiveMatcher``) fits the caption than the caption
    without its person: near or below 0, the person adds nothing the picture shows (~1 ms)."""
    if matcher is None or not mentions(text, PERSON_WORDS):
        return None
    rest = without_subject(text)
    if rest is None:
        return None
    cosines = matcher.similarity(np.asarray(pooled, dtype=np.float32)[None], [text, rest])[0]  # (2,)
    return float(cosines[0] - cosines[1])
