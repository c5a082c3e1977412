from assistant.speech.text import split_sentences


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
