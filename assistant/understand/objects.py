"""ImageNet labels as words a listener understands: "a cat", "an espresso", "a goldfinch, a bird".

Why a table: ImageNet's names are WordNet's (``tabby``, ``tusker``, ``ashcan``, ``Madagascar cat``,
``water ouzel``), some name another sense than the everyday one (``mouse`` is the computer's,
``plane`` the carpenter's, ``crane`` the machine), and about a hundred and twenty are dog breeds that
are often confused with one another. The table gives each label its spoken noun, the everyday kind
it belongs to ("bird", "dog", "snake") and whether it may be spoken at all: labels that name a kind
of picture rather than a thing in it (``web site``, ``comic book``, ``book jacket``, ``jigsaw puzzle``,
``menu``, ``crossword puzzle``, ``envelope``) are what the classifier says about charts, paintings and
icons, and are never spoken as objects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# ImageNet index ranges whose labels are species or breeds of one everyday kind.
_KIND_RANGES: tuple[tuple[int, int, str], ...] = (
    (0, 1, "fish"), (2, 4, "shark"), (5, 6, "ray"), (7, 24, "bird"), (25, 29, "salamander"),
    (30, 32, "frog"), (33, 37, "turtle"), (38, 48, "lizard"), (49, 50, "crocodile"), (52, 68, "snake"),
    (72, 77, "spider"), (80, 100, "bird"),
    (118, 121, "crab"), (122, 124, "lobster"), (125, 125, "crab"), (127, 146, "bird"), (147, 148, "whale"),
    (151, 268, "dog"), (269, 271, "wolf"), (277, 280, "fox"), (281, 285, "cat"), (286, 293, "big cat"),
    (294, 297, "bear"), (300, 307, "beetle"), (308, 320, "insect"), (321, 326, "butterfly"),
    (341, 343, "pig"), (365, 368, "ape"), (369, 382, "monkey"), (385, 386, "elephant"), (389, 397, "fish"),
    (936, 946, "vegetable"), (948, 957, "fruit"), (984, 986, "flower"), (991, 997, "mushroom"),
)  # fmt: skip

# Everyday kinds whose ImageNet labels are scattered: a sports car's probability spreads over "racer",
# "sports car" and "convertible" (a cut-out sports car: 0.25, 0.13, 0.11), while "a car" is sure.
_KIND_SETS: dict[str, frozenset[int]] = {
    "car": frozenset({436, 468, 511, 609, 627, 656, 661, 717, 751, 817}),
    "truck": frozenset({555, 569, 675, 734, 864, 867}),
    "bus": frozenset({654, 779, 874}),
    "guitar": frozenset({402, 546}),
    "bridge": frozenset({821, 839, 888}),  # steel arch bridge, suspension bridge, viaduct (WordNet: bridges)
    # (and "building" and "tool", from the broad kinds below: see there)
}  # fmt: skip
# The kind word said after a member that is no building: "a triumphal arch, a monument".
_KIND_WORD = {"triumphal arch": "monument", "obelisk": "monument", "megalith": "monument"}
# Members said as their kind alone, whatever their share: "a tool", not "a can opener" for pliers.
_SAID_AS_KIND = frozenset({"can opener", "letter opener", "corkscrew"})

# Labels spoken as the kind alone: breeds are easily confused, "a dog" is what matters.
_KIND_ONLY = frozenset({"dog", "cat"})
# Kinds that add up their members' probability but are not said after a member that stands out ("an
# orange", not "an orange, a fruit"); said alone when none does (a cut-out kiwi: lemon 0.16, orange
# 0.11, fig ...: "Probably a fruit.").
_KIND_SILENT = frozenset({"fruit", "vegetable"})
_SILENT_MEMBER = 0.25  # ... and a member is said only when this probable on its own: a kiwi is no lemon

# Label -> what to say instead (everyday word, or the sense ImageNet means).
_RENAME: dict[str, str] = {
    "cock": "rooster", "water ouzel": "dipper", "kite": "kite bird", "drake": "duck",
    "tusker": "elephant", "Indian elephant": "elephant", "African elephant": "elephant",
    "Madagascar cat": "ring-tailed lemur", "indri": "lemur", "hog": "pig", "sorrel": "horse",
    "ox": "cow", "ram": "sheep", "bighorn": "bighorn sheep", "Arabian camel": "camel",
    "wood rabbit": "rabbit", "Angora": "rabbit", "fox squirrel": "squirrel", "ice bear": "polar bear",
    "lesser panda": "red panda", "tabby": "cat", "tiger cat": "cat", "Egyptian cat": "cat",
    "ashcan": "rubbish bin", "jean": "jeans", "sunglass": "sunglasses", "mouse": "computer mouse",
    "plane": "woodworking plane", "crane": "crane (the machine)", "crane bird": "crane",
    "file": "filing cabinet", "rule": "ruler", "hip": "rose hip", "ear": "ear of corn",
    "iron": "clothes iron", "beach wagon": "estate car", "cab": "taxi", "pickup": "pickup truck",
    "trailer truck": "lorry", "moving van": "van", "police van": "police van", "racer": "racing car",
    "tank": "tank (the vehicle)", "upright": "upright piano", "grand piano": "grand piano",
    "teddy": "teddy bear", "Granny Smith": "green apple", "head cabbage": "cabbage",
    "coho": "salmon", "barracouta": "fish", "tench": "fish", "rock beauty": "fish",
    "agaric": "mushroom", "bolete": "mushroom", "hen-of-the-woods": "mushroom",
    "ballpoint": "ballpoint pen", "Loafer": "loafer shoe", "maillot": "swimsuit",
    "maillot tank suit": "swimsuit", "pop bottle": "bottle", "beer bottle": "bottle",
    "wine bottle": "bottle", "water bottle": "bottle", "coffee mug": "mug", "cup": "cup",
    "espresso": "cup of espresso", "consomme": "bowl of soup", "hot pot": "pot of food",
    "dough": "dough", "seashore": "seashore", "lakeside": "lake shore", "alp": "mountain",
    "valley": "valley", "promontory": "headland", "sandbar": "sandbar", "bubble": "bubble",
    "African grey": "grey parrot", "sulphur-crested cockatoo": "cockatoo", "lorikeet": "parrot",
    "Model T": "vintage car", "amphibian": "amphibious vehicle",
    "airliner": "airliner", "warplane": "military plane", "wing": "aeroplane wing",
    "Band Aid": "sticking plaster", "bannister": "banister", "CD player": "CD player",
    "iPod": "music player", "cellular telephone": "mobile phone", "dial telephone": "telephone",
    "pay-phone": "payphone", "Polaroid camera": "camera", "reflex camera": "camera",
    "desktop computer": "computer", "hand-held computer": "handheld computer",
    "cash machine": "cash machine", "sax": "saxophone", "cornet": "cornet", "brass": "brass plaque",
    "chiffonier": "chest of drawers", "triceratops": "triceratops (a dinosaur model)",
    # ImageNet's pedestal photos show what stands on one: its top label for the Statue of Liberty.
    "pedestal": "statue on a pedestal",
    # WordNet's everyday synonym for what its first name hides: "beacon, lighthouse, beacon light".
    "beacon": "lighthouse", "bell cote": "bell tower", "pot": "flowerpot", "slot": "slot machine",
    "puck": "hockey puck",
}  # fmt: skip

# Labels that name a kind of picture or a flat printed thing: what the classifier says about charts,
# icons, paintings and screenshots. Never spoken as an object.
UNSPEAKABLE = frozenset({
    "web site", "comic book", "book jacket", "jigsaw puzzle", "crossword puzzle", "menu", "envelope",
    "packet", "binder", "notebook", "screen", "monitor", "television", "oscilloscope", "scoreboard",
    "street sign", "slide rule", "rule", "maze", "digital clock", "digital watch", "odometer",
    "window shade", "shoji", "theater curtain", "velvet", "wool", "quilt", "prayer rug", "doormat",
    "handkerchief", "dishrag", "paper towel", "toilet tissue", "mosquito net", "window screen",
    "chainlink fence", "honeycomb", "spider web", "nematode", "flatworm", "chain mail", "sarong",
    "stole", "bib", "apron", "tray", "plate", "rubber eraser", "space bar", "switch", "hook",
    "nipple", "groom", "ballplayer", "scuba diver", "pirate", "vestment", "bow",
    # What ImageNet calls a small colourful cut-out it cannot name: on Debian's Tux Paint and GComPris
    # photos (653, none in the wild set) "hair slide" topped 34 (flowers, grapes, a key, fish, a hat)
    # and "pick" (the plectrum) 10 (a button, a jacket, Easter eggs, a pizza), never rightly.
    "hair slide", "pick",
})  # fmt: skip


# Nouns said without an article: "A photo of binoculars.", not "of a binoculars".
_PLURAL_NOUNS = frozenset({"binoculars", "sunglasses", "jeans", "swimming trunks", "parallel bars"})

_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "on", "and", "machine", "vehicle", "big"})


# Labels ImageNet gives pictures of pictures: paintings, prints, cartoons, covers, posters. Their summed
# probability says "this is artwork, not a scene" (Flickr8k val photos: 99 % below 0.1).
ARTWORK_LABELS = frozenset({
    "comic book", "book jacket", "jigsaw puzzle", "web site", "envelope", "fire screen", "prayer rug",
    "quilt", "theater curtain", "altar", "tray", "doormat",
})  # fmt: skip


def artwork_probability(probabilities: Sequence[float] | np.ndarray, labels: Sequence[str]) -> float:
    """The ImageNet probability summed over :data:`ARTWORK_LABELS`."""
    p = np.asarray(probabilities, dtype=np.float64)
    return float(sum(p[i] for i, name in enumerate(labels) if name in ARTWORK_LABELS))


@dataclass(frozen=True)
class ObjectWords:
    label: str  # ImageNet's own name
    noun: str  # what is spoken, without article: "cat", "goldfinch"
    kind: str | None  # the everyday kind it belongs to: "bird", "dog"; None when the noun says it
    speakable: bool

    def phrase(self) -> str:
        """ "a cat", "an espresso", "a goldfinch, a bird": the label as a noun phrase."""
        first = self.noun if self.noun in _PLURAL_NOUNS else f"{article(self.noun)} {self.noun}"
        if self.kind and self.kind not in self.noun.split():
            return f"{first}, {article(self.kind)} {self.kind}"
        return first

    def words(self) -> set[str]:
        """Lower-case words of the noun and its kind, for agreement with a caption's words."""
        return set(re.findall(r"[a-z]+", f"{self.noun} {self.kind or ''}".lower())) - _FUNCTION_WORDS


def article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" and not noun.lower().startswith(("uni", "eu")) else "a"


def kind_probability(probabilities: Sequence[float] | np.ndarray, kind: str) -> float:
    """ImageNet's probability summed over every label of one everyday ``kind`` ("dog": 118 breeds)."""
    p = np.asarray(probabilities, dtype=np.float64)
    ranged = sum(p[first : last + 1].sum() for first, last, k in _KIND_RANGES if k == kind)
    return float(ranged + sum(p[i] for i in _KIND_SETS.get(kind, ())))


ANIMALS_END = 398  # ImageNet's classes 0-397 are animals (fish to pufferfish)


def kind_of(index: int) -> str | None:
    for first, last, kind in _KIND_RANGES:
        if first <= index <= last:
            return kind
    return next((kind for kind, members in _KIND_SETS.items() if index in members), None)


def object_words(index: int, label: str) -> ObjectWords:
    """The spoken form of ImageNet class ``index`` named ``label``."""
    kind = kind_of(index)
    if kind in _KIND_ONLY or (kind and label in _SAID_AS_KIND):
        return ObjectWords(label, kind, None, label not in UNSPEAKABLE)
    noun = _RENAME.get(label, label)
    kind = _KIND_WORD.get(label, kind)
    if kind and (kind in noun.split() or noun == kind or kind in _KIND_SILENT):
        kind = None
    return ObjectWords(label, noun, kind, label not in UNSPEAKABLE)


@dataclass(frozen=True)
class Named:
    """One thing the classifier may have seen: its words and the probability summed over its labels."""

    key: str  # what the labels were summed under: the kind ("dog", "bird") or the spoken noun
    words: ObjectWords
    probability: float
    index: int  # the most likely ImageNet class among those summed


def grouped(probabilities: Sequence[float] | np.ndarray, labels: Sequence[str], top: int = 3) -> list[Named]:
    """The ``top`` most likely things, each kind's probability summed over its species.

    Why: ImageNet splits a cat into five breeds, a dog into 118 and birds into 59; a photo of a bird
    spreads its probability over several, while "a bird" is what is sure. The species is named only
    when it holds at least half its kind's probability ("a goldfinch, a bird"); else the kind alone
    ("a bird"). Unspeakable labels are left out.
    """
    p = np.asarray(probabilities, dtype=np.float64)  # (1000,)
    totals: dict[str, float] = {}
    best: dict[str, int] = {}
    for index in np.argsort(-p)[:50]:  # the tail holds nothing that could win
        words = object_words(int(index), labels[int(index)])
        if not words.speakable:
            continue
        key = kind_of(int(index)) or words.noun
        totals[key] = totals.get(key, 0.0) + float(p[index])
        best.setdefault(key, int(index))
    out = []
    for key in sorted(totals, key=lambda k: -totals[k])[:top]:
        index = best[key]
        words = object_words(index, labels[index])
        faint = key in _KIND_SILENT and p[index] < _SILENT_MEMBER
        if p[index] < 0.5 * totals[key] or faint:  # no species stands out: the kind alone
            words = ObjectWords(words.label, key, None, True)
        out.append(Named(key, words, totals[key], index))
    return out


# Broad kinds said when no one thing is probable: a cut-out seahorse (not an ImageNet class) spreads
# its probability over sea cucumber, conch, starfish ...; "a marine animal" is what is sure ("sea
# animal" says the same, but "sea" alone is a scene the Flickr8k captioner invents). Only kinds
# whose sum is never high on photos of something else: on Flickr8k val's 1,000 photos and wild half A,
# "marine animal" reached 0.28 on val (a swimming pool), 0.32-0.42 on wild A's seahorse, dolphin and
# narwhal; "fruit or vegetable" and "cup or bowl" stayed under 0.15 on val. Not "animal": people's
# photos spread 0.3-0.8 over animals (ImageNet has no person class); not "aircraft", "boat" or
# "building": 0.27 for a skater in a tunnel, 0.38 for a parasailer, 0.39 for a street.
_BROAD_KINDS: dict[str, frozenset[int]] = {
    "marine animal": frozenset(
        [*range(0, 7), 33, 34, *range(107, 110), 112, *range(115, 127), *range(147, 151), 327, 328, 329,
         *range(389, 398)]
    ),  # fish, sharks, rays, sea turtles, jellyfish, corals, conch, sea slugs, crabs, lobsters, whales,
    # dugong, sea lion, starfish, sea urchin, sea cucumber
    "fruit or vegetable": frozenset([*range(936, 958), 987, 988, 989]),
    # cup, coffee mug, espresso, measuring cup, mixing bowl, soup bowl, consomme, eggnog: wild A's
    # coloured cups spread 0.37 over them (cup 0.19, mixing bowl 0.15), val's photos under 0.15
    "cup or bowl": frozenset([968, 504, 967, 647, 659, 809, 925, 969]),
    # WordNet's hypernyms of ImageNet's classes, for things whose probability the classifier spreads over
    # look-alikes: a pair of pliers (no ImageNet class) is a letter opener 0.35, a can opener 0.10, a
    # corkscrew 0.07 -- "a tool" is what is sure. Hand tools: hammer, screwdriver, letter opener, can
    # opener, corkscrew, hatchet, cleaver, plane, chain saw, power drill, shovel, carpenter's kit,
    # nail, screw, plunger, file. Not ImageNet's "pick": the plectrum, no tool (it made "a tool" of a button).
    "tool": frozenset([587, 784, 623, 473, 512, 596, 499, 726, 491, 740, 792, 477, 677, 783, 731]),
    # musical instruments: accordion, guitars, banjo, bassoon, cello, chime, cornet, drum, flute, French
    # horn, gong, pianos, harmonica, harp, maraca, marimba, oboe, ocarina, organ, panpipe, sax, steel drum,
    # trombone, violin
    "musical instrument": frozenset([
        401, 402, 420, 432, 486, 494, 513, 541, 546, 558, 566, 577, 579, 593, 594, 641, 642, 683, 684,
        687, 699, 776, 822, 875, 881, 889,
    ]),
    # lamps and lights: spotlight, table lamp, lampshade, candle, torch
    "lamp": frozenset([818, 846, 619, 470, 862]),
    # aircraft: airliner, airship, warplane, space shuttle, wing
    "aircraft": frozenset([404, 405, 895, 812, 908]),
    # boats: aircraft carrier, canoe, catamaran, container ship, fireboat, gondola, lifeboat, liner,
    # paddlewheel, schooner, speedboat, submarine, trimaran, yawl
    "boat": frozenset([403, 472, 484, 510, 554, 576, 625, 628, 694, 780, 814, 833, 871, 914]),
    # buildings and monuments: barn, bell cote, boathouse, castle, church, cinema, cliff dwelling, dome,
    # greenhouse, library, megalith, monastery, mosque, obelisk, palace, pedestal, planetarium, prison,
    # stupa, triumphal arch, yurt
    "building": frozenset([
        425, 442, 449, 483, 497, 498, 500, 538, 580, 624, 649, 663, 668, 682, 698, 708, 727, 743, 832,
        873, 915,
    ]),
    # balls: baseball, basketball, croquet ball, golf ball, ping-pong ball, rugby ball, soccer ball,
    # tennis ball, volleyball
    "ball": frozenset([429, 430, 522, 574, 722, 768, 805, 852, 890]),
}  # fmt: skip
# Buildings and monuments, and hand tools, are everyday kinds too (:func:`kind_of`), from the broad
# kinds' members: less the pedestal (said as its statue), and less nails and screws. A building's
# probability spreads over look-alikes (Debian's GComPris monument photos, none in the wild set: a
# cathedral monastery 0.30 of buildings 0.65, the leaning tower bell cote 0.19 of 0.42), while "a
# building" is sure; a member that stands out is said with it ("a palace, a building"). On Debian's 45
# GComPris tool photos (none in the wild set) a tool is sure when no one label is, and ImageNet's
# look-alike sinks (can opener, letter opener, corkscrew) topped 15 pliers, scissors, wrenches and
# tweezers, never rightly.
_PEDESTAL, _NAIL, _SCREW = 708, 677, 783
_KIND_SETS["building"] = _BROAD_KINDS["building"] - {_PEDESTAL}
_KIND_SETS["tool"] = _BROAD_KINDS["tool"] - {_NAIL, _SCREW}
BROAD_PROBABLE = 0.3  # a broad kind is said ("Probably a marine animal.") from this summed probability
# ... and from this one, hedged once more ("Possibly an aircraft."), on a cut-out photo (trust.py): several
# look-alikes agreeing on a kind is surer than any one label at that probability (wild half A: a cut-out
# 747, airliner 0.11, space shuttle 0.06, warplane 0.04; a lionfish, sea urchin 0.09, lionfish 0.06 ...).
BROAD_POSSIBLE = 0.2


def broad_kind(
    probabilities: Sequence[float] | np.ndarray, threshold: float = BROAD_PROBABLE
) -> Named | None:
    """The broad kind (:data:`_BROAD_KINDS`) whose summed probability is at least ``threshold``, or None."""
    p = np.asarray(probabilities, dtype=np.float64)  # (1000,)
    sums = {kind: float(p[sorted(members)].sum()) for kind, members in _BROAD_KINDS.items()}
    kind = max(sums, key=lambda k: sums[k])
    if sums[kind] < threshold:
        return None
    index = max(_BROAD_KINDS[kind], key=lambda i: p[i])
    return Named(kind, ObjectWords(kind, kind, None, True), sums[kind], index)


# ImageNet labels that show dogs without being a breed: a dog sled is pulled by them (a Flickr8k val
# photo of a man on a dog sled lost its "dogs running in the snow" to "A photo of a dogsled.").
DOG_SCENES = ("dogsled",)


def dog_probability(probabilities: np.ndarray, labels: Sequence[str]) -> float:
    """ImageNet's probability that a dog is in the picture: its breeds and :data:`DOG_SCENES`."""
    scenes = sum(float(probabilities[labels.index(name)]) for name in DOG_SCENES if name in labels)
    return kind_probability(probabilities, "dog") + scenes
