"""Reading order, windows and tables on real screenshots of half A (datasets/screens) and rendered
tables, with real OCR (and boxes as engines returned them there): what
an engine's loose boxes do to the order, and what a window's corner holds."""

from __future__ import annotations

import pytest
from PIL import Image

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.layout import group_blocks, layout_blocks, order_blocks
from assistant.ocr.tesseract import TesseractEngine, tesseract_available
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="tesseract-ocr is not installed")


def _line(text: str, box: tuple[int, int, int, int]) -> OcrLine:
    return OcrLine(text, box, 0.9, [OcrWord(text, box, 0.9)])


@pytest.mark.timeout(60)
def test_a_dialogs_ok_in_its_frames_corner_is_read() -> None:
    """zenity's list dialog: "OK" sits in the frame's bottom right corner, 19 pixels above its
    foot; the handle's grips ("iN", "v") lie on the foot itself. "OK" was dropped as a grip."""
    from assistant.understand.compose import understand

    image = Image.open(SCREEN_PNG / "dark-zenity-list.png").convert("RGB")
    said = understand(image, captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert said.endswith("Buttons: Cancel, OK.")


@pytest.mark.timeout(60)
def test_a_second_readings_loose_boxes_stay_in_their_rows() -> None:
    """xmessage's "Battery" window read with the second look: "left." is read again with a box
    taller than its row, and must join its row; a word boxed over both rows of the message (as the
    second look boxed "Connect" on the whole screen) goes to the row with room for it; "OK",
    under the message and ending where it starts, comes after it."""
    from assistant.ocr import create_ocr_engine

    image = Image.open(SCREEN_PNG / "multi-four-windows.png").convert("RGB").crop((700, 660, 1050, 820))
    lines = create_ocr_engine("auto").recognize(image).lines
    text = " ".join(b.text for b in layout_blocks(lines)).replace("\n", " ")
    assert text.index("Battery low") < text.index("eft") < text.index("Connect the charger")
    # The whole screen's reading, boxes as the engine gave them (crop coordinates).
    loose = [
        _line("Battery low: 9 percent left.", (83, 71, 277, 82)),
        _line("the charger soon.", (139, 85, 256, 96)),
        _line("Connect", (78, 66, 135, 100)),  # over both rows, 34 pixels tall
        _line("OK", (72, 107, 82, 122)),
    ]
    said = [b.text.replace("\n", " / ") for b in layout_blocks(loose)]
    assert said == ["Battery low: 9 percent left. / Connect the charger soon. / OK"]


def test_a_title_boxed_a_little_taller_than_its_bar_is_read() -> None:
    """The second reading of the "Battery" title (multi-four-windows, whole screen) came back 28
    pixels tall on a 21-pixel bar and was left out: 'Screen, 3 windows.' for four."""
    from assistant.ocr.layout import title_block

    bar = (760, 700, 990, 721)
    title = title_block([_line("Battery", (851, 697, 906, 725))], bar, named=True)
    assert title is not None and title.text == "Battery window"
    # A neighbour's word boxed from beside the bar to far under it is still no title.
    assert title_block([_line("9120", (770, 690, 800, 740))], bar, named=True) is None


def test_a_title_word_boxed_down_past_its_bar_is_read() -> None:
    """xterm's "aiko@office: ~/plants" (term-vim-hsplit-liberation, whole screen): the engine boxed
    "aiko@" from the bar's top down to the window's first row, 34 pixels on a 21-pixel bar, and the
    title was said "office: ~/plants"; icewm's "Island" of "Island Ferries" went so too. A word
    that begins at the bar's top is its title's, however far its box runs down."""
    from assistant.ocr.layout import title_block

    bar = (360, 90, 1356, 111)
    words = [_line("aiko@", (383, 88, 426, 122)), _line("office: ~/plants", (428, 89, 533, 112))]
    title = title_block(words, bar, named=False)
    assert title is not None and title.text == "aiko@ office: ~/plants"


def test_the_bars_buttons_read_as_a_word_are_no_part_of_the_title() -> None:
    """An xterm's bar on a 1920x1080 screen (multi-terminals-overlap, whole screen): its three
    buttons came back as "BEIEs" after the title "ps aux", which was read as 'ps aux BEIEs window'.
    A title alone near the buttons (a narrow window's) stays."""
    from assistant.ocr.layout import title_block

    bar = (640, 302, 1476, 320)
    words = [_line("ps aux", (1037, 308, 1081, 318)), _line("BEIEs", (1428, 306, 1472, 318))]
    title = title_block(words, bar, named=True)
    assert title is not None and title.text == "ps aux window"
    alone = title_block([_line("Clock", (1420, 306, 1460, 318))], bar, named=False)
    assert alone is not None and alone.text == "Clock"


def test_a_title_justified_to_the_right_keeps_its_words_beside_the_buttons() -> None:
    """A title drawn against the buttons (Window Maker's right-justified titles, on the bar of
    multi-terminals-overlap's xterm): its last word begins where the buttons would be, a word's
    space after the one before it, and was dropped as the buttons read ("logs: tail" for "logs:
    tail syslog"); the buttons read as a word after a title clear of them still are."""
    from assistant.ocr.layout import title_block

    bar = (640, 302, 1476, 320)
    words = [
        _line("logs:", (1358, 307, 1390, 318)),
        _line("tail", (1395, 307, 1417, 318)),
        _line("syslog", (1422, 307, 1464, 318)),
    ]
    title = title_block(words, bar, named=False)
    assert title is not None and title.text == "logs: tail syslog"
    buttons = title_block([*words[:2], _line("BEIEs", (1428, 306, 1472, 318))], bar, named=False)
    assert buttons is not None and buttons.text == "logs: tail"


def test_a_header_row_boxed_loosely_stays_the_tables_first_row() -> None:
    """The Tk treeview's header as the second look boxed it (table-tk-archive, whole screen): "Name"
    tight, "Size", "Type" and "Modified" read again with boxes twice as tall. The row stays one
    row of the table (it was split: "7 items in /home/lee/archive Size. Name. Type. Modified.")."""
    lines = [
        _line("7 items in", (237, 193, 310, 205)),
        _line("/home/lee/archive", (315, 190, 452, 209)),
        _line("Name", (241, 229, 289, 241)),
        _line("Size", (411, 222, 452, 248)),
        _line("Type", (498, 222, 545, 248)),
        _line("Modified", (640, 219, 717, 251)),
    ]
    rows = [
        ("contracts-2022.zip", "14.2 MB", "ZIP archive", "Jan 9, 2023"),
        ("site-backup.tar.gz", "1.1 GB", "Tar archive", "Mar 30, 2024"),
        ("logos", "", "Folder", "Feb 2, 2024"),
    ]
    for r, row in enumerate(rows):
        y = 256 + 25 * r
        for x, text in zip((240, 418, 504, 640), row, strict=True):
            if text:
                lines.append(_line(text, (x, y, x + 9 * len(text), y + 12)))
    (table,) = [b for b in layout_blocks(lines) if b.grid is not None]
    said = [ln.text for ln in table.lines]
    assert "Name, Size, Type, Modified" in said
    assert (
        said.index("Name, Size, Type, Modified")
        == said.index("contracts-2022.zip, 14.2 MB, ZIP archive, Jan 9, 2023") - 1
    )


@pytest.mark.timeout(60)
def test_a_tables_columns_are_found_at_its_gutters() -> None:
    """A rendered parts table under a toolbar, figures right-aligned as toolkits draw them: the
    toolbar is no row of the table, and a right-aligned figure stays in its own column ("A4
    1,050" was one cell: its left edge lined up with no other)."""
    from PIL import ImageDraw, ImageFont

    rows = [["Part", "Shelf", "Qty", "Price"], ["Hex bolt M6", "A3", "420", "0.12"]]
    rows += [["Washer 8mm", "A4", "1,050", "0.03"], ["Hinge steel", "B1", "36", "2.40"]]
    image = Image.new("RGB", (620, 220), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15)
    for i, tool in enumerate(["New", "Open", "Print"]):
        draw.text((20 + 70 * i, 12), tool, font=font, fill="black")
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            left = [20, 220, 330, 430][c] + (60 - draw.textlength(text, font=font) if c >= 2 else 0)
            draw.text((left, 50 + 30 * r), text, font=font, fill="black")
    (table,) = [b for b in layout_blocks(TesseractEngine().recognize(image).lines) if b.grid is not None]
    said = [ln.text for ln in table.lines]
    assert said[0] == "Part, Shelf, Qty, Price"
    assert "Washer 8mm, A4, 1,050, 0.03" in said


def test_a_line_read_twice_is_said_once() -> None:
    """An engine's overlapping passes over a 9x15 bitmap-font terminal (a jobs listing of ours)
    gave "17 anna", then "17" and "anna" again inside it, and "render" twice: "17 17 anna ...
    render render"."""
    from assistant.ocr.loose import deduplicated

    lines = [
        _line("17 anna", (85, 123, 173, 139)),
        _line("17", (84, 126, 100, 136)),
        _line("render", (363, 126, 416, 136)),
        _line("render", (363, 126, 415, 136)),
        _line("anna", (138, 129, 172, 136)),
        _line("run", (201, 129, 226, 136)),
    ]
    assert [ln.text for ln in deduplicated(lines)] == ["17 anna", "render", "run"]


def test_pieces_of_a_line_read_again_are_said_once() -> None:
    """table-chromium-two-side, file path: a second reading gave pieces of a note again over its
    words, less surely ("ednesday se!", "2nt out at:", "ninf"); they were said after it, or made a
    row of the table above with it. A figure read apart inside a line, or a word in a gap between
    its words, is no such piece and stays."""
    from assistant.ocr.loose import deduplicated

    text = "Wednesday selected: 5 orders went out late (van in for repair)."
    xs = [(642, 708), (712, 761), (767, 773), (777, 812), (816, 844), (849, 867), (872, 891)]
    xs += [(895, 918), (923, 931), (936, 952), (956, 993)]
    words = [OcrWord(t, (a, 503, b, 515), 0.96) for t, (a, b) in zip(text.split(), xs, strict=True)]
    note = OcrLine(text, (642, 503, 993, 515), 0.96, words)
    pieces = [("ednesday se!", (654, 503, 729, 515), 0.72), ("2nt out at:", (828, 503, 886, 513), 0.78)]
    pieces += [("ninf", (912, 503, 939, 513), 0.92)]
    again = [OcrLine(t, box, c, [OcrWord(t, box, c)]) for t, box, c in pieces]
    assert deduplicated([note, *again]) == [note]
    gapped = OcrLine("Wednesday orders", (642, 503, 812, 515), 0.96, [words[0], words[3]])
    lost = OcrLine(
        "selected: 5", (712, 503, 773, 515), 0.7, [OcrWord("selected: 5", (712, 503, 773, 515), 0.7)]
    )
    assert deduplicated([gapped, lost]) == [gapped, lost]
    figure = OcrLine("4", (770, 503, 776, 515), 0.5, [OcrWord("4", (770, 503, 776, 515), 0.5)])
    assert deduplicated([note, figure]) == [note, figure]


def test_a_word_read_apart_from_between_a_lines_words_is_put_back() -> None:
    """A Qt toolbar of ours read with the second look: "New Print" as one line, "Open" (between
    them) apart and a little higher, was said first ("Open. New Print.")."""
    line = OcrLine(
        "New Print",
        (427, 247, 578, 259),
        0.64,
        [OcrWord("New", (427, 247, 460, 259), 0.6), OcrWord("Print", (540, 247, 578, 259), 0.7)],
    )
    said = [b.text for b in layout_blocks([line, _line("Open", (478, 244, 518, 266))])]
    assert said == ["New Open Print"]


def test_a_word_read_again_at_its_place_is_said_once() -> None:
    """multi-terminal-save, live: the dialog's "Save" read again over its button row, boxed a
    little apart ("Buttons: Discard, Cancel, Save, Save")."""
    from assistant.ocr.loose import deduplicated

    words = [
        ("Discard", (514, 263, 580, 285)),
        ("Cancel", (600, 263, 660, 285)),
        ("Save", (690, 263, 726, 285)),
    ]
    row = OcrLine("Discard Cancel Save", (514, 263, 726, 285), 0.97, [OcrWord(t, b, 0.97) for t, b in words])
    again = _line("Save", (690, 258, 738, 276))
    assert deduplicated([again, row]) == [row]
    assert deduplicated([_line("Save", (300, 258, 348, 276)), row])[0].text == "Save"  # elsewhere: two


@pytest.mark.timeout(60)
def test_a_space_at_one_place_in_every_row_is_no_gutter() -> None:
    """Sizes written "14.2 MB", "96.5 MB": the space between number and unit falls at one place in
    every row, but is a word space, not a column's edge ("14.2, MB" was said)."""
    from PIL import ImageDraw, ImageFont

    rows = [
        ["File", "Size", "Kind"],
        ["contracts.zip", "14.2 MB", "Archive"],
        ["interview.flac", "96.5 MB", "Audio"],
    ]
    rows += [["old-laptop.img", "58.0 GB", "Disk image"], ["readme.txt", "11.3 KB", "Text"]]
    image = Image.new("RGB", (620, 200), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            draw.text(([20, 220, 360][c], 20 + 30 * r), text, font=font, fill="black")
    (table,) = [b for b in layout_blocks(TesseractEngine().recognize(image).lines) if b.grid is not None]
    said = [ln.text for ln in table.lines]
    assert "contracts.zip, 14.2 MB, Archive" in said and "readme.txt, 11.3 KB, Text" in said


def test_a_letter_cut_by_a_window_over_it_is_not_read() -> None:
    """An xterm's listing under a dialog (multi-terminal-save, whole screen): the letter left of
    each cut date ("4096 D", "66098 J") is no word; a figure read with it ("77520") stays."""
    from assistant.ocr.frames import Frame
    from assistant.ocr.panels import PanelConfig, _frame_panels

    dialog = Frame((330, 186, 756, 310), (330, 186, 756, 208), (120, 150, 200), active=True)
    xterm = Frame((40, 40, 838, 526), (40, 40, 838, 62), (220, 220, 220))
    panels = _frame_panels([dialog, xterm], (1280, 800), PanelConfig())
    rows = [
        _line("4096 D", (278, 257, 330, 269)),
        _line("77520", (280, 292, 332, 312)),
        _line("drwxr-x---", (45, 257, 138, 269)),
    ]
    rows[0].words[:] = [OcrWord("4096", (278, 257, 312, 269), 0.9), OcrWord("D", (323, 257, 330, 269), 0.9)]
    said = [b.text for b in layout_blocks(rows, panels)]
    assert "D" not in " ".join(said).split() and any("77520" in t for t in said), said


@pytest.mark.timeout(90)
def test_the_assistants_own_window_in_a_screenshot_is_not_read_back() -> None:
    """A screenshot file (half A) that shows the assistant's own window over a library page and a
    dialog: its previous description ("Last description ... Quarterly Sales") must not be read
    back, or descriptions nest inside each other; the other windows are read with their titles."""
    from assistant.understand.compose import understand

    image = Image.open(SCREEN_PNG / "assistant-over-page.png").convert("RGB")
    said = understand(image, captioner=None, ocr=TesseractEngine(), verbosity="full").text
    assert "Riverside Library" in said and "Renew Loan" in said
    assert "Last description" not in said and "Quarterly" not in said


@pytest.mark.timeout(60)
def test_a_terminals_row_is_read_left_to_right_whatever_its_words_boxes() -> None:
    """multi-four-windows' man page (read as the live path reads it: the windows' visible client
    areas), its header "LS(1)  User Commands  LS(1)": a word read again by the second look is boxed
    a little loosely, so the right "LS(1)" started higher than "User Commands" on the same row.
    The man page is a terminal, read row by row; sorted by the blocks' tops, its header was read
    "LS(1) LS(1) User Commands"."""
    import json
    import sys

    from assistant.understand.windows import ScreenWindows

    repo = SCREEN_PNG.parents[2]
    truth = json.loads((SCREEN_TRUTH / "multi-four-windows.json").read_text(encoding="utf-8"))
    assert truth["split"] == "A"
    sys.path.insert(0, str(repo / "benchmarks"))
    from screen_reading import window_stack

    image = Image.open(SCREEN_PNG / truth["image"].split("/")[-1]).convert("RGB")
    windows = ScreenWindows(window_stack(truth), (0, 0), image.size)
    view, (dx, dy) = windows.ocr_view(image)
    man = next(i for i, w in enumerate(windows.read) if w.title == "man ls")

    def moved(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)

    read = [
        OcrLine(
            ln.text,
            moved(ln.box),
            ln.confidence,
            [OcrWord(w.text, moved(w.box), w.confidence) for w in ln.words],
        )
        for ln in TesseractEngine().recognize(view).lines
    ]
    lines = [ln for ln in read if windows.owner(ln.box) == man]
    _, right = sorted((ln for ln in lines if ln.text.upper() == "LS(1)"), key=lambda ln: ln.box[0])
    # the right one as the second look boxed it on the whole screen: 3 pixels looser above and
    # below than tesseract's box (53-72 for 56-69)
    box = (right.box[0], right.box[1] - 3, right.box[2], right.box[3] + 3)
    lines = [ln for ln in lines if ln is not right] + [_line(right.text, box)]
    texts = [b.text.upper() for b in layout_blocks(lines)]
    assert texts[:3] == ["LS(1)", "USER COMMANDS", "LS(1)"], texts


@pytest.mark.timeout(60)
def test_a_windows_first_row_boxed_high_is_not_read_into_its_title() -> None:
    """multi-terminal-save as a file: the terminal's prompt, read again by the second look, came
    back boxed 55-64, from the foot of the title bar (40-62) down over the first row; its middle
    lay in the bar, and it was read as part of the title ("sam@desk:~/reports$ reports xterm
    window"). A title is centred in its bar: the prompt is the window's first row."""
    from assistant.ocr.panels import find_panels

    image = Image.open(SCREEN_PNG / "multi-terminal-save.png").convert("RGB")
    read = TesseractEngine().recognize(image).lines
    # the first row's prompt as the second look read it again (its words out of tesseract's line)
    first = [[w for w in ln.words if not ("sam@desk" in w.text and w.box[1] < 90)] for ln in read]
    lines = [OcrLine.of(ws) for ws in first if ws] + [_line("sam@desk:~/reports$", (41, 55, 218, 64))]
    texts = [b.text for b in layout_blocks(lines, find_panels(image))]
    title = next(t for t in texts if t.endswith("xterm window"))
    assert "sam@desk" not in title, texts
    assert texts[texts.index(title) + 1].startswith("sam@desk:~/reports$"), texts


def test_a_heading_over_two_columns_is_no_paragraph_with_one_of_them() -> None:
    """table-chromium-plans-merged, the file path's lines: a header of two rows, "Pay monthly" over
    "Price" and "Per user", "Pay yearly" over three more, beside "Plan", "Storage", "Users" that span
    both rows. "Price", boxed loosely (20 pixels tall), was read as a paragraph's second line under
    "Pay monthly", and the group headings were read among the second row."""
    rows = [
        [("Pay", (476, 210, 503, 223)), ("monthly", (509, 209, 573, 223))],
        [("Pay", (663, 210, 690, 223)), ("yearly", (695, 209, 744, 223))],
        [("Plan", (193, 227, 225, 238))],
        [("Storage", (278, 227, 339, 241))],
        [("Users", (373, 227, 416, 238))],
        [("Price", (455, 243, 493, 263))],
        [("Price", (641, 245, 679, 257))],
        [("Saving", (723, 245, 774, 260))],
        [("Per", (533, 247, 558, 257)), ("user", (564, 249, 598, 257))],
    ]
    lines = [OcrLine.of([OcrWord(text, box, 0.96) for text, box in words]) for words in rows]
    texts = [b.text for b in order_blocks(group_blocks(lines))]
    assert "Pay monthly" in texts and "Pay yearly" in texts
    assert texts.index("Pay yearly") < texts.index("Plan") < texts.index("Saving")


def test_a_title_read_again_and_a_mark_on_the_frame_are_not_read() -> None:
    """dlg-zenity-text-info-terms as a file, the lines the engines returned round its title bar: a
    second reading boxed "greement" from the bar's "Agreement" down into the window, and "r-" was
    read from the frame's top left corner under the bar; both were read before the agreement's
    text ("Garden Plot Agreement. r- Shared Garden Plot Agreement. greement. 1. Each plot")."""
    from assistant.ocr.panels import find_panels

    image = Image.open(SCREEN_PNG / "dlg-zenity-text-info-terms.png").convert("RGB")
    rows = [
        [("greement", (654, 92, 727, 118))],
        [("Garden", (559, 93, 608, 103))],
        [("Plot", (614, 93, 641, 103))],
        [("Agreement", (645, 94, 722, 106))],
        [("r-", (280, 107, 300, 119))],
        [("Shared", (297, 125, 340, 136)), ("Garden", (345, 125, 391, 136)), ("Plot", (397, 125, 421, 136))],
        [("1.", (297, 169, 307, 178)), ("Each", (313, 167, 342, 178)), ("plot", (348, 167, 372, 181))],
        [("2.", (297, 190, 307, 199)), ("Please", (313, 188, 355, 199)), ("keep", (360, 188, 390, 202))],
    ]
    lines = [OcrLine.of([OcrWord(text, box, 0.96) for text, box in words]) for words in rows]
    texts = [b.text for b in layout_blocks(lines, find_panels(image), picture=image)]
    assert texts[0] == "Garden Plot Agreement", texts
    assert not any("greement" in t.replace("Agreement", "") or "r-" in t for t in texts), texts


def test_a_caption_under_two_columns_is_no_paragraph_with_one_of_them() -> None:
    """chart-tk-canvas-rainfall, the live path's lines: the x axis's title "Month of the year" lies
    under "Jun" and "Jul", 9 pixels below them; it was read as a paragraph's second line under
    "Jun", and that block was read after "Wettest month" further down."""
    boxes = [
        ("Jan", (267, 526, 289, 542)),
        ("Feb", (329, 527, 350, 537)),
        ("Mar", (389, 524, 412, 543)),
        ("Apr", (451, 528, 473, 540)),
        ("May", (511, 528, 536, 540)),
        ("Jun", (573, 528, 593, 540)),
        ("Jul", (637, 527, 652, 540)),
        ("Aug", (695, 528, 719, 540)),
        ("Month of the year", (538, 549, 650, 562)),
        ("Wettest month: November with 121 mm", (186, 578, 440, 588)),
    ]
    texts = [b.text for b in order_blocks(group_blocks([_line(text, box) for text, box in boxes]))]
    assert (
        texts.index("Jun")
        < texts.index("Month of the year")
        < texts.index("Wettest month: November with 121 mm")
    )


def test_a_paragraphs_last_line_with_a_date_on_its_row_stays_in_the_paragraph() -> None:
    """A news item's paragraph whose short last line has its date at the row's far end: the date
    stands under the paragraph's lines, so the last line was taken for one of two columns under a
    heading and read apart ("...closed by the. closure."). A line that starts where the prose line
    over it starts and goes on with the sentence it breaks off is the paragraph's next line; a
    heading over columns ends its sentence or is set off from their edges (the two tests above)."""
    boxes = [
        ("The council says the Mill Road bridge will stay shut until the end of", (20, 100, 540, 114)),
        ("June while its deck is repaired and the river path is closed by the", (20, 117, 535, 131)),
        ("closure.", (20, 134, 80, 145)),
        ("2 hours ago", (440, 134, 520, 146)),
    ]
    texts = [b.text for b in order_blocks(group_blocks([_line(text, box) for text, box in boxes]))]
    assert texts[0].endswith("closed by the\nclosure."), texts
    assert texts[1:] == ["2 hours ago"], texts
