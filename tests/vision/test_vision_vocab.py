from assistant.vision.model.vocab import SPECIALS, Vocabulary, detokenize, tokenize


def test_tokenize_lowercases_and_drops_punctuation_tokens():
    assert tokenize('A dog , running "fast" in a t-shirt .') == [
        "a",
        "dog",
        "running",
        "fast",
        "in",
        "a",
        "t-shirt",
    ]
    assert tokenize("The dog 's ball") == ["the", "dog", "'s", "ball"]
    assert tokenize(" . , ; ") == []


def test_detokenize_makes_a_sentence():
    assert detokenize(["a", "dog", "'s", "ball"]) == "A dog's ball."
    assert detokenize([]) == ""


def test_build_counts_and_orders_by_frequency():
    vocab = Vocabulary.build(["a dog runs", "a dog sits", "a cat"], min_count=2)
    assert vocab.itos[: len(SPECIALS)] == list(SPECIALS)
    assert vocab.itos[len(SPECIALS) :] == ["a", "dog"]  # 'a' x3 before 'dog' x2; singletons dropped


def test_encode_decode_round_trip_with_unknown_words(tmp_path):
    vocab = Vocabulary.build(["a dog runs on grass", "a dog"], min_count=1)
    ids = vocab.encode("A dog runs on the grass .", max_tokens=30)
    assert ids[0] == vocab.start_id and ids[-1] == vocab.end_id
    assert vocab.unk_id in ids  # 'the' is unknown
    assert vocab.decode(ids[1:]) == ["a", "dog", "runs", "on", "grass"]  # <unk> never spoken
    assert len(vocab.encode("a dog " * 40, max_tokens=5)) == 7
    vocab.save(tmp_path / "v.json")
    assert Vocabulary.load(tmp_path / "v.json").itos == vocab.itos
