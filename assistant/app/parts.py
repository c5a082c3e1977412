"""The app's *next*, *previous*, *repeat this part* and *continue* commands (issue #15).

A description is still read whole as soon as it is ready, as today: that is what a screen reader
user expects from "describe the screen", like NVDA's or Orca's "say all", and the first words come
as fast as before. What is new is that it is no longer a dump: like a screen reader's review cursor
during "say all", a cursor (:class:`assistant.speech.chunks.ChunkCursor`) follows the voice through
the description's parts (each window's block, a table's rows, a few sentences, a long run of URLs
cut in pieces). *Next* or *previous* cuts the voice and says the part after or before the one being
heard, *repeat this part* says it again, and *continue* reads on from it ("say all" from the review
cursor); *next window* and *previous window* jump between windows' blocks, as a screen reader's next
and previous heading do; *stop speaking* keeps the place, so *continue* resumes there. At either end
it says "End." or "Start." as a screen reader says "bottom" or "top", and the cursor stays put.

Where the voice is, is estimated from the speaking rate (see :mod:`assistant.speech.chunks`): no
speech route says which word it reached, and some (screen-reader announcements) not even when it
ends. Sentences that were spoken while OCR still ran are accounted for, silence included.

No Qt: the controller hands in how to speak and the rate, and routes the commands here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from assistant.catalog import PART_COMMANDS
from assistant.speech.chunks import PAUSE_S, ChunkCursor, seconds_to_say

__all__ = ["PART_COMMANDS", "PartsReader"]


class PartsReader:
    """The last description's parts and the cursor in them; ``speak(text, interrupt)`` is the app's voice."""

    def __init__(
        self,
        speak: Callable[[str, bool], None],
        rate: Callable[[], float],
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self._speak = speak
        self._rate = rate
        self._clock = clock
        self.cursor: ChunkCursor | None = None
        self._voice_free_at = 0.0  # when the voice will have said all it was handed (estimated)
        self._pieces: list[str] = []  # what the description being streamed was said in, so far

    def heard(self, text: str, first: bool) -> None:
        """A sentence handed to speech while a description streams (``first``: it cut what was said)."""
        now = self._clock()
        self._pieces = [*([] if first else self._pieces), text]
        start = now if first else max(now, self._voice_free_at)
        self._voice_free_at = start + seconds_to_say(text, self._rate()) + PAUSE_S

    def described(self, text: str, streamed: bool, more: Sequence[str] = ()) -> None:
        """The whole text of a description that is being read out now: its parts, the cursor following
        the voice. ``streamed``: its sentences were handed over one by one (:meth:`heard`) rather than
        all at once now; reading is then placed so that it ends when those sentences end. ``more``:
        the text the verbosity left out ("More text follows."), parts that *continue* reads on into."""
        # The streamed pieces keep the describer's own boundaries, which the joined text can lose.
        pieces = self._pieces if streamed and " ".join(self._pieces).split() == text.split() else None
        cursor = ChunkCursor.of(pieces or text, rate=self._rate(), more=more)
        said = cursor.chunks[: cursor.said]
        total = sum(seconds_to_say(c.text, cursor.rate) + PAUSE_S for c in said)
        since = self._voice_free_at - total if streamed else self._clock()
        cursor.read_out(since)
        self.cursor = cursor

    def stopped(self) -> None:
        """The voice was silenced: the part it was in stays the current one."""
        if self.cursor is not None:
            self.cursor.pause(self._clock())

    def handler(self, name: str) -> Callable[[], tuple[bool, str]]:
        """The command ``name`` as the controller's table of handlers takes it."""
        return lambda: self.command(name)

    def command(self, name: str) -> tuple[bool, str]:
        """Run one of :data:`PART_COMMANDS`; (ok, a short message for ``assistant trigger``)."""
        cursor = self.cursor
        if cursor is None or not len(cursor):
            return False, "Nothing has been described yet."
        now = self._clock()
        if name == "continue":
            for i, part in enumerate(cursor.read_all(now, cursor.resume_at(now))):
                self._speak(part.text, i == 0)
            return True, f"Reading on from part {cursor.index + 1} of {len(cursor)}."
        moves = {
            "next": cursor.next,
            "previous": cursor.previous,
            "repeat-part": cursor.current,
            "next-window": cursor.next_block,
            "previous-window": cursor.previous_block,
        }
        chunk = moves[name](now)
        if chunk is None:
            self._speak("End." if name.startswith("next") else "Start.", True)
            return True, f"No {name} part: this is part {cursor.index + 1} of {len(cursor)}."
        self._speak(chunk.text, True)
        return True, f"Part {cursor.index + 1} of {len(cursor)}."
