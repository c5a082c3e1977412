"""Pieces of a description end as sentences, so joined pieces never run into each other."""

from __future__ import annotations

from assistant.understand.wording import sentence


def test_a_piece_ending_in_a_comma_is_closed_so_the_next_window_does_not_run_into_it() -> None:
    pieces = ["Departures, Platform 4,", "Book a Table window.", "Name:"]
    joined = " ".join(sentence(piece) for piece in pieces)
    assert joined == "Departures, Platform 4. Book a Table window. Name."


def test_sentence_keeps_its_own_ending_and_folds_white_space() -> None:
    assert sentence("  Save   changes? ") == "Save changes?"
    assert sentence("Total 42") == "Total 42."
    assert sentence("") == ""
