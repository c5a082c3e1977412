"""The second look's reading (assistant.ocr.look_read): what is taken from the recogniser, and where."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from assistant.ocr.boxes import Box, OcrLine
from assistant.ocr.line_reader import LineReader, line_reader_available
from assistant.ocr.look_read import _accepted, read_places
from assistant.ocr.second_look import SecondLookConfig
from tests.support.screens import SCREEN_PNG

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

needs_reader = pytest.mark.skipif(not line_reader_available(), reason="needs the PP-OCR models")


def _line(text: str, word: str, size: int = 13) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """``text`` in a terminal's font on white, and the box (6 px around) of ``word`` in it."""
    image = Image.new("RGB", (320, 40), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(MONO, size)
    draw.text((10, 12), text, font=font, fill="black")
    x0 = 10 + draw.textlength(text[: text.index(word)], font=font)
    x1 = x0 + draw.textlength(word, font=font)
    return image, (int(x0) - 6, 8, int(x1) + 6, 30)


@needs_reader
@pytest.mark.timeout(60)
def test_one_letter_among_marks_is_taken_where_a_word_was_read_or_as_an_option() -> None:
    """One letter with marks round it, read again on an unsure word's line (a man page's "-l:" that
    tesseract read "-1:" at 0.42), is taken at the usual score; the same ink found as a place of its
    own needs a lone letter's higher score (icons and corners read as "1" or "x"), unless it is
    shaped as a command's option ("-C,")."""
    cfg, reader = SecondLookConfig(), LineReader()
    image, box = _line("ok ~x no", "~x", 12)
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    again, _, _ = read_places(rgb, gray, [], reader, cfg, [box])
    assert [w.text.lower() for ln in again for w in ln.words] == ["~x"]
    assert min(w.confidence for ln in again for w in ln.words) < cfg.min_score_single  # so the rule matters
    alone, _, _ = read_places(rgb, gray, [box], reader, cfg, [])
    assert [w.text for ln in alone for w in ln.words] == []
    image, box = _line("with -C, show", "-C,", 12)
    option, _, _ = read_places(np.asarray(image), np.asarray(image.convert("L")), [box], reader, cfg, [])
    assert [w.text for ln in option for w in ln.words] == ["-C,"]
    assert min(w.confidence for ln in option for w in ln.words) < cfg.min_score_single


@needs_reader
@pytest.mark.timeout(60)
def test_a_reading_does_not_depend_on_what_was_read_before() -> None:
    """A line reads the same on a fresh reader and on one that read the same ink before among
    other words (a short picture is read by what shares its strip: a reading kept by its ink gave
    a screen the words of the screens read before it); the same picture read again costs no run
    of the model, and the budget as before."""
    cfg = SecondLookConfig()
    image, box = _line("with -C, show", "-C,", 12)
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    fresh, _, spent = read_places(rgb, gray, [], LineReader(), cfg, [box])
    reader = LineReader()
    many = np.full((160, 320, 3), 255, np.uint8)  # the same ink among other short words
    many[:40] = rgb
    boxes = [box]
    for k, text in enumerate(["-x, -v", "--all", "ls -C,"], start=1):
        other, place = _line(f"say {text}", text, 12)
        many[40 * k : 40 * k + 40] = np.asarray(other)
        boxes.append((place[0], place[1] + 40 * k, place[2], place[3] + 40 * k))
    read_places(many, np.asarray(Image.fromarray(many).convert("L")), [], reader, cfg, boxes)
    after, _, spent_after = read_places(rgb, gray, [], reader, cfg, [box])

    def words(lines: list[OcrLine]) -> list[tuple[str, Box, float]]:
        return [(w.text, w.box, w.confidence) for ln in lines for w in ln.words]

    assert words(after) == words(fresh) and spent_after == spent > 0
    assert reader.release()  # (the model held: it was run)
    again, _, spent_again = read_places(rgb, gray, [], reader, cfg, [box])
    assert words(again) == words(fresh) and spent_again == spent
    assert not reader.release()  # remembered: the model was not loaded again


@needs_reader
@pytest.mark.timeout(60)
def test_a_places_lines_are_read_only_as_wide_as_their_ink() -> None:
    """A place of three lines, the last one short: each line is cut to its own ink, not to the
    place's widest line (the recogniser's cost grows with the width it reads)."""
    image = Image.new("RGB", (420, 80), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(MONO, 12)
    for k, text in enumerate(["Restart the program when convenient.", "Release notes below.", "Done."]):
        draw.text((10, 8 + 22 * k), text, font=font, fill=(150, 150, 150))
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    cfg = SecondLookConfig()
    found, looked, _ = read_places(rgb, gray, [(4, 2, 300, 76)], LineReader(), cfg)
    widths = sorted(b[2] - b[0] for b in looked)
    done = draw.textlength("Done.", font=font)
    assert len(looked) == 3 and widths[0] <= done + 12 and widths[-1] < 300 - 8
    assert [ln.text for ln in found][-1] == "Done."


def test_spelt_puts_a_capital_read_as_its_digit_right() -> None:
    """The recogniser's "8ackup" (tesseract's unsure "Backup", half A multi-xmessage-over-notes)
    is said "Backup"; figures, versions and short words keep their digits."""
    from assistant.ocr.boxes import OcrLine, OcrWord
    from assistant.ocr.look_read import spelt

    def line(*texts: str) -> OcrLine:
        return OcrLine.of([OcrWord(t, (40 * i, 0, 40 * i + 30, 12), 0.9) for i, t in enumerate(texts)])

    assert spelt(line("8ackup", "of", "the", "0pen", "files")).text == "Backup of the Open files"
    kept = line("ext4", "8GB", "0.5", "2024", "1st", "sda1", "8am")
    assert spelt(kept) is kept


@needs_reader
@pytest.mark.timeout(60)
def test_strips_read_side_by_side_read_as_each_alone() -> None:
    """Several strips are run at once (a thread each): each is a run of its own, so every picture
    reads as it does alone on a reader of its own, to the last digit of its confidence."""
    from assistant.ocr.line_reader import StripLayout

    crops = [np.asarray(_line(f"say {t}", t, 12)[0]) for t in ["-x, -v", "--all", "ls -C,", "with -C, show"]]
    narrow = StripLayout(width=300)  # every picture on a strip of its own

    def said(lines: list) -> list:
        return [
            (ln.text, ln.confidence, [(w.text, w.start, w.end, w.confidence) for w in ln.words])
            for ln in lines
        ]

    # Nothing remembered: every strip run again; a thread a run, so that strips run side by side.
    reader = LineReader(layout=narrow, remember=0, threads=1)
    together = reader.read(crops)
    alone = [reader.read([crop])[0] for crop in crops]
    assert said(together) == said(alone)
    assert sum(bool(ln.text) for ln in together) >= 3


@needs_reader
@pytest.mark.timeout(60)
def test_a_window_s_buttons_read_as_marks_leave_their_strip_mates_whole_in_one_run() -> None:
    """Half A dlg-zenity-progress-photos: its title bar's buttons, cut out as a place, read as marks
    no screen's text is made of ("- □ ×") on the strip with the dialog's lines. They give nothing;
    the lines keep their words as words, read in that one run (they were read again without the
    buttons, a second run of the model for the same words)."""

    rgb = np.asarray(Image.open(SCREEN_PNG / "dlg-zenity-progress-photos.png").convert("RGB"))
    boxes = [(757, 418, 931, 445), (1197, 418, 1250, 445), (769, 453, 1107, 473), (1180, 520, 1209, 535)]
    reader = LineReader(remember=0)
    session, runs = reader._load(), []

    class Counted:
        def get_inputs(self) -> object:
            return session.get_inputs()

        def run(self, *args: object) -> object:
            runs.append(1)
            return session.run(*args)

    reader._session = Counted()
    lines = reader.read([np.ascontiguousarray(rgb[y0:y1, x0:x1]) for x0, y0, x1, y1 in boxes])
    assert len(runs) == 1  # one strip, read once
    assert lines[1].text == "" and lines[1].words == []  # the buttons
    assert [w.text.lower() for w in lines[0].words] == ["backing", "up", "photos"]
    assert lines[2].text == "Copying photos to the backup disk: 412 of 640 files"
    assert lines[3].text == "OK"


@needs_reader
@pytest.mark.timeout(60)
def test_a_strip_read_on_two_threads_reads_as_on_one() -> None:
    """A run split between two threads (a reader made with ``threads=2``; the project's default is
    RECOGNIZER_THREADS) must not change a reading. A real half-A
    dialog's lines and buttons (dlg-zenity-progress-photos) on one strip, read on one thread and
    on two: the same words, to the last digit of their confidence."""

    rgb = np.asarray(Image.open(SCREEN_PNG / "dlg-zenity-progress-photos.png").convert("RGB"))
    boxes = [(757, 418, 931, 445), (1197, 418, 1250, 445), (769, 453, 1107, 473), (1180, 520, 1209, 535)]
    crops = [np.ascontiguousarray(rgb[y0:y1, x0:x1]) for x0, y0, x1, y1 in boxes]

    def said(reader: LineReader) -> list:
        return [
            (ln.text, ln.confidence, [(w.text, w.start, w.end, w.confidence) for w in ln.words])
            for ln in reader.read(crops)
        ]

    one, two = LineReader(threads=1, remember=0), LineReader(threads=2, remember=0)
    assert one._load() is not two._load()  # two sessions: each run really on its own threads
    assert said(one) == said(two)
    assert said(two)[2][0] == "Copying photos to the backup disk: 412 of 640 files"


@needs_reader
@pytest.mark.timeout(60)
def test_a_control_key_in_reverse_video_is_taken_as_a_key_name() -> None:
    """nano's key bar (half A, term-nano-minutes-courier): "^K" over "^U", two cells of reverse
    video one on the other, found as one place the first engine left unread. Cut into its lines,
    each reads as its key below a lone letter's score, and is taken all the same: an icon is not
    read with a caret before a capital."""
    image = Image.open(SCREEN_PNG / "term-nano-minutes-courier.png").convert("RGB")
    rgb, gray = np.asarray(image), np.asarray(image.convert("L"))
    cfg = SecondLookConfig()
    words, _, _ = read_places(rgb, gray, [(624, 660, 660, 698)], LineReader(), cfg, [])
    taken = [w for ln in words for w in ln.words]
    assert [w.text for w in taken] == ["^K", "^U"]
    assert max(w.confidence for w in taken) < cfg.min_score_single  # so the rule matters
    assert taken[0].box[3] <= taken[1].box[1] + 8  # one under the other, each on its own row


def test_a_caret_before_a_capital_is_taken_at_a_words_score() -> None:
    """The rule alone: "^K" at 0.8 is taken, as "-c" is; a lone "K", a "^k" and a "^K" below a
    word's score are not."""
    cfg = SecondLookConfig()
    assert _accepted("^K", 0.8, cfg)
    assert _accepted("-c", 0.8, cfg)
    assert not _accepted("K", 0.8, cfg)
    assert not _accepted("^k", 0.8, cfg)
    assert not _accepted("^K", cfg.min_score - 0.05, cfg)
