"""A description as parts a listener can step through: next, previous, repeat, continue (issue #15).

A live *describe screen* can be 26 s of speech with one run of URLs lasting 18 s. Screen readers
solve this with a review cursor: NVDA's and Orca's review commands move line by line (and by
paragraph or heading) through text that was read, say the current line again, and "say all" reads
on from the cursor; while "say all" runs the cursor follows the speech, so after the user stops it
the next command starts where the voice was. This module does the same for a description:

- :func:`chunk_text` cuts the spoken text into parts a person can follow: each window's block
  starts a new part at its name ("Mail window. ..."), a table's heading ("Table, 7 rows. Columns:
  ...") and each of its rows are parts of their own, short sentences ("Book. Cancel.") are kept
  together, and a long run (a list of URLs, a terminal line run on) is cut at clause breaks, else
  between words, at about :attr:`ChunkConfig.max_units` (about 8 s at 175 words a
  minute). Sizes are estimated speaking time (:func:`spoken_length`), not words: a URL is one word
  but several seconds of speech, and a six-digit size is six words aloud.
- :class:`ChunkCursor` keeps the position and gives next / previous / repeat / rest ("continue"),
  and next / previous block (a window, like a screen reader's next / previous heading).
  While the whole description is read it is told when reading began (:meth:`ChunkCursor.read_all`)
  and works out from the speaking rate which part the voice has reached, so "next" goes past the
  part being heard, not back to the start; "stop" freezes it there (:meth:`ChunkCursor.pause`).
- Text the verbosity left out ("More text follows.") is kept as further parts after what was said
  (:meth:`ChunkCursor.of` ``more``): never read out on its own, reached by *continue* once the
  voice has said the rest, or by *next*, so a listener can read a long screen to its end.

It works on the text alone (what was spoken, what the history keeps), so it needs no backend and
no Qt. The estimate from the rate is the same for every speech route; routes that cannot say when
speech ends (screen-reader announcements) leave no better clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.speech.text import split_sentences

#: How long text takes to say, in "letter units": a letter is 1, a digit 5 ("117304" is six words
#: aloud), a symbol inside a word 5.5 ("/" is "slash"). Fitted by least squares on espeak-ng at 175
#: words a minute over the parts of six live *describe screen* outputs (half A) and a list of URLs:
#: 0.0775 s a letter, 0.377 s a digit, 0.436 s an inner symbol; mean error 0.6 s a part against 2.1 s
#: for a plain character count, which also put a 19 s URL pair inside the length limit.
DIGIT_UNITS = 5.0
SYMBOL_UNITS = 5.5
#: Letter units said per second at one word a minute (0.0775 s a unit at 175 words a minute).
UNITS_PER_WORD = 60.0 / (0.0775 * 175.0)
_INNER_SYMBOL = re.compile(r"[^\w\s](?=\w)")

#: The pause between two parts said one after the other (a sentence end), in seconds.
PAUSE_S = 0.2

_WINDOW = re.compile(r"^.{1,120}\swindow\.$")  # "Mail window." as assistant.understand.windows says it
_OTHERS = re.compile(r"^(?:\w+|\d+) other windows?\b")  # "Three other windows: ..."
_TABLE = re.compile(r"^Table, (\d+) rows\b")  # assistant.understand.reading.grid_pieces
_CLAUSE = re.compile(r"(?<=[,;:])\s+")


@dataclass(frozen=True)
class ChunkConfig:
    # A part is cut below this many letter units (:func:`spoken_length`) where it can be: ~8 s at
    # 175 words a minute, a couple of lines of prose, one or two terminal lines.
    max_units: float = 100.0
    # Sentences shorter than this are joined with the next ones (buttons, headings: "Book. Cancel."):
    # ~2.5 s at 175 words a minute.
    min_units: float = 32.0


@dataclass(frozen=True)
class Chunk:
    """One part: its text, the block (window) it belongs to, and what it is."""

    text: str
    block: int  # 0: the opening and the first window; each further window's name starts the next
    kind: str  # "window" (starts a window's block), "table" (a table's heading), "row", "text"


def spoken_length(text: str) -> float:
    """How long ``text`` takes to say, in letter units (see :data:`DIGIT_UNITS`); a space is free."""
    letters = sum(c.isalpha() for c in text)
    digits = sum(c.isdigit() for c in text)
    return letters + DIGIT_UNITS * digits + SYMBOL_UNITS * len(_INNER_SYMBOL.findall(text))


def seconds_to_say(text: str, rate: float) -> float:
    """Estimated seconds to say ``text`` at ``rate`` words a minute."""
    return spoken_length(text) / (max(rate, 1.0) / 60.0 * UNITS_PER_WORD)


def _cut(sentence: str, max_units: float) -> list[str]:
    """A sentence longer than ``max_units`` in pieces: at clause breaks first, else between words.
    A single word longer than the limit (a long URL) stays whole: cut inside, it would not be said."""
    if spoken_length(sentence) <= max_units:
        return [sentence]
    pieces: list[str] = []
    current = ""
    for clause in _CLAUSE.split(sentence):
        for word in clause.split():
            if current and spoken_length(current) + spoken_length(word) > max_units:
                pieces.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        if spoken_length(current) >= max_units / 2:  # end a piece at a clause break once it is long enough
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _label(sentence: str, rows_left: int) -> tuple[str, int]:
    """What a sentence is, and how many table rows follow it still."""
    if _WINDOW.match(sentence) and not _OTHERS.match(sentence):
        return "window", 0
    table = _TABLE.match(sentence)
    if table:
        return "table", int(table.group(1))
    return ("row", rows_left - 1) if rows_left > 0 else ("text", 0)


def _sentences(text: str | Sequence[str]) -> list[str]:
    pieces = [text] if isinstance(text, str) else list(text)
    return [s for piece in pieces for s in split_sentences(piece, max_words=10_000, first_max_words=10_000)]


def chunk_text(text: str | Sequence[str], config: ChunkConfig | None = None) -> list[Chunk]:
    """``text`` (a description as spoken) as parts; joined with spaces they give back its words in order.

    ``text`` may also be the pieces it was spoken in (what the describer streamed): no sentence then
    runs across two pieces, even where one ends without a full stop ("Connect the charger soon,"
    before "Book a Table window.", on a real screen)."""
    cfg = config or ChunkConfig()
    chunks: list[Chunk] = []
    block, rows_left = 0, 0
    joinable = False  # the last part may take the next sentence (short text, same block)
    for sentence in _sentences(text):
        kind, rows_left = _label(sentence, rows_left)
        if kind == "window":
            block += 1 if chunks else 0
            chunks.append(Chunk(sentence, block, kind))
            joinable = True  # the window's name goes with its first words
            continue
        if kind == "row" and chunks and chunks[-1].kind == "table" and sentence.startswith("Columns: "):
            last = chunks[-1]  # the header row, named once, belongs to the table's heading
            chunks[-1] = Chunk(f"{last.text} {sentence}", last.block, last.kind)
            rows_left += 1
            continue
        if kind in ("table", "row"):
            chunks.extend(Chunk(p, block, kind) for p in _cut(sentence, cfg.max_units))
            joinable = False
            continue
        for piece in _cut(sentence, cfg.max_units):
            prev = chunks[-1] if chunks else None
            if (
                prev is not None
                and joinable
                and spoken_length(prev.text) < cfg.min_units
                and spoken_length(prev.text) + spoken_length(piece) <= cfg.max_units
            ):
                chunks[-1] = Chunk(f"{prev.text} {piece}", prev.block, prev.kind)
            else:
                chunks.append(Chunk(piece, block, "text"))
            joinable = True
    return chunks


@dataclass
class ChunkCursor:
    """The position in a description's parts, like a screen reader's review cursor.

    ``index`` is the current part (the one last said, or being said). While the whole description
    is read (``reading_since`` set) the current part is worked out from the time and ``rate``
    (words a minute), so a command given mid-speech starts from what the listener heard last.
    """

    chunks: list[Chunk]
    rate: float = 175.0
    index: int = 0
    reading_since: float | None = None  # time.perf_counter() when a read-through began at ``index``
    said: int | None = None  # parts read out on their own (None: all); the rest waits for *continue*
    _read_from: int = field(default=0, repr=False)
    _read_to: int | None = field(default=None, repr=False)

    @classmethod
    def of(
        cls,
        text: str | Sequence[str],
        rate: float = 175.0,
        config: ChunkConfig | None = None,
        more: Sequence[str] = (),
    ) -> ChunkCursor:
        """The parts of ``text`` (what is said), then of ``more`` (what the verbosity left out: reached
        by *continue* and *next*, never read out on its own)."""
        chunks = chunk_text(text, config)
        rest = chunk_text(list(more), config) if more else []
        if not rest:
            return cls(chunks, rate)
        base = chunks[-1].block if chunks else 0
        shift = base + (1 if chunks and rest[0].kind == "window" else 0)  # a window opens a new block
        rest = [Chunk(c.text, c.block + shift, c.kind) for c in rest]
        return cls(chunks + rest, rate, said=len(chunks))

    def __len__(self) -> int:
        return len(self.chunks)

    def read_all(self, since: float, start: int | None = None, stop: int | None = None) -> list[Chunk]:
        """The parts from ``start`` (default: the current one) up to ``stop`` (default: the end), to be
        read through now; the cursor follows the voice from ``since`` on."""
        self.index = self._clamp(self.index if start is None else start)
        self._read_from, self.reading_since = self.index, since
        self._read_to = max(self.index + 1, min(stop, len(self.chunks))) if stop is not None else None
        return self.chunks[self.index : self._read_to]

    def read_out(self, since: float) -> list[Chunk]:
        """A new description's first read-through: the parts said on their own (:attr:`said`)."""
        return self.read_all(since, 0, self.said)

    def resume_at(self, now: float) -> int:
        """Where *continue* starts: the current part, or the first part not yet said when the voice
        has finished what it was reading (so "More text follows." leads on, not back)."""
        reading_to = self._read_to if self.reading_since is not None else None
        self.follow(now)
        if reading_to is not None and reading_to < len(self.chunks) and self.finished(now, reading_to):
            return reading_to
        return self.index

    def finished(self, now: float, stop: int) -> bool:
        """Whether the voice, reading through since :attr:`reading_since`, said every part before ``stop``."""
        if self.reading_since is None:
            return False
        took = sum(seconds_to_say(c.text, self.rate) + PAUSE_S for c in self.chunks[self._read_from : stop])
        return now - self.reading_since >= took

    def follow(self, now: float) -> int:
        """Move the cursor to the part the voice has reached at ``now`` (when reading through)."""
        if self.reading_since is None or not self.chunks:
            return self.index
        elapsed = max(0.0, now - self.reading_since)
        index = self._read_from
        last = (self._read_to if self._read_to is not None else len(self.chunks)) - 1
        while index < last:
            took = seconds_to_say(self.chunks[index].text, self.rate) + PAUSE_S
            if elapsed < took:
                break
            elapsed -= took
            index += 1
        self.index = index
        return index

    def pause(self, now: float) -> None:
        """The voice stopped (*stop speaking*): keep the part it was in as the current one."""
        self.follow(now)
        self.reading_since = None

    def _step(self, now: float, delta: int) -> Chunk | None:
        self.pause(now)
        target = self.index + delta
        if not 0 <= target < len(self.chunks):
            return None
        self.index = target
        return self.chunks[target]

    def next(self, now: float) -> Chunk | None:
        """The part after the current one (None at the end; the cursor stays on the last)."""
        return self._step(now, 1)

    def previous(self, now: float) -> Chunk | None:
        """The part before the current one (None at the start)."""
        return self._step(now, -1)

    def current(self, now: float) -> Chunk | None:
        """The current part, to say again."""
        return self._step(now, 0)

    def next_block(self, now: float) -> Chunk | None:
        """The first part of the next window's block (None when this is the last block)."""
        self.pause(now)
        block = self.chunks[self.index].block if self.chunks else 0
        later = [i for i, c in enumerate(self.chunks) if i > self.index and c.block != block]
        return self._jump(later[0]) if later else None

    def previous_block(self, now: float) -> Chunk | None:
        """The start of this block, or of the one before when already there (as a screen reader's
        "previous heading" goes to the heading of the section it is in first)."""
        self.pause(now)
        starts = [i for i, c in enumerate(self.chunks) if i == 0 or c.block != self.chunks[i - 1].block]
        earlier = [i for i in starts if i < self.index]
        return self._jump(earlier[-1]) if earlier else None

    def _jump(self, index: int) -> Chunk:
        self.index = index
        return self.chunks[index]

    def _clamp(self, index: int) -> int:
        return max(0, min(index, len(self.chunks) - 1))
