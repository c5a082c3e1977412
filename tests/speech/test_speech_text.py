import shutil
import subprocess

import pytest

from assistant.speech.text import split_sentences, spoken_keys


def test_sentences_split_at_terminators_but_not_abbreviations_or_decimals() -> None:
    chunks = split_sentences("Dr. Smith paid 3.5 dollars. Was it enough?  Yes!")
    assert chunks == ["Dr. Smith paid 3.5 dollars.", "Was it enough?", "Yes!"]


def test_no_words_are_lost_or_reordered() -> None:
    text = "One, two, three; four five. " * 20 + "A final run-on sentence " * 10
    chunks = split_sentences(text)
    assert " ".join(chunks).split() == text.split()


def test_first_chunk_is_short_and_long_sentences_are_cut() -> None:
    text = " ".join(f"w{i}" for i in range(100)) + "."
    chunks = split_sentences(text, max_words=30, first_max_words=12)
    assert len(chunks[0].split()) <= 12
    assert all(len(chunk.split()) <= 30 for chunk in chunks)
    assert len(chunks) >= 4


def test_empty_text_gives_no_chunks() -> None:
    assert split_sentences("   \n ") == []


def test_control_keys_in_caret_notation_are_said_as_keys() -> None:
    said = spoken_keys("^G Help ^O Write Out ^X Exit.")
    assert said == "Control G Help Control O Write Out Control X Exit."
    assert spoken_keys("(^C) cancels") == "(Control C) cancels"
    for kept in ("x^2", "[^]", "^Gold", "M-U Undo", "^_ Go To Line", "a ^ b"):
        assert spoken_keys(kept) == kept


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
@pytest.mark.timeout(30)
def test_espeak_drops_the_caret_and_hears_the_key_named() -> None:
    """Why the spoken form exists, on the real synthesiser: its phonemes for "^G Help" are those of
    "G Help"; for what is spoken now, those of "Control G Help"."""

    def phonemes(text: str) -> str:
        run = subprocess.run(["espeak-ng", "-q", "-x", text], capture_output=True, text=True, timeout=20)
        return run.stdout.strip()

    assert phonemes("^G Help") == phonemes("G Help")
    assert phonemes(spoken_keys("^G Help")) == phonemes("Control G Help") != phonemes("G Help")


@pytest.mark.timeout(20)
def test_a_speaker_says_the_keys_and_keeps_the_text() -> None:
    from assistant.speech import SilentSpeaker

    with SilentSpeaker() as speaker:
        speaker.say("Nano. ^G Help ^X Exit.")
        assert speaker.wait(5)
    assert speaker.spoken == ["Nano.", "Control G Help Control X Exit."]
    assert speaker.utterances == ["Nano. ^G Help ^X Exit."]
