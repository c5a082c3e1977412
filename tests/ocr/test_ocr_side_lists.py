"""A settings page's side menu on a real half-A screenshot (page-chromium-settings-sidebar: Chromium,
a menu down the left beside the page's options): the lines and word boxes exactly as the file
path's engines returned them on the whole screen, laid out by the layout's rules."""

from __future__ import annotations

from assistant.ocr.boxes import Box, OcrLine, OcrWord
from assistant.ocr.layout import layout_blocks


def _lines(rows: list[list[tuple[str, Box]]]) -> list[OcrLine]:
    return [OcrLine.of([OcrWord(text, box, 0.95) for text, box in words]) for words in rows]


SETTINGS = _lines(
    [
        [("Settings", (903, 155, 960, 168))],
        [("Accessibility", (652, 199, 821, 223))],
        [("You", (407, 206, 432, 218)), ("and", (438, 206, 465, 218)), ("sync", (471, 209, 504, 221))],
        [("Privacy", (408, 245, 461, 260))],
        [
            ("Show", (672, 256, 711, 268)),
            ("a", (717, 259, 724, 268)),
            ("bigger", (731, 256, 779, 271)),
            ("cursor", (784, 259, 830, 268)),
        ],
        [("On", (1399, 265, 1421, 277))],
        [
            ("Makes", (672, 277, 711, 287)),
            ("the", (716, 277, 735, 287)),
            ("text", (741, 278, 765, 287)),
            ("cursor", (770, 280, 810, 287)),
            ("easier", (814, 277, 853, 287)),
            ("to", (857, 278, 869, 287)),
            ("find", (874, 277, 897, 287)),
        ],
        [("Appearance", (407, 284, 496, 299))],
        [
            ("Read", (672, 319, 708, 331)),
            ("page", (715, 322, 750, 334)),
            ("titles", (756, 319, 792, 331)),
            ("aloud", (798, 319, 838, 331)),
        ],
        [("Search", (408, 323, 457, 335)), ("engine", (464, 323, 514, 338))],
        [("Off", (1398, 328, 1422, 340))],
        [
            ("When", (671, 340, 707, 350)),
            ("a", (709, 337, 715, 356)),
            ("new", (725, 343, 749, 350)),
            ("tab", (754, 340, 774, 350)),
            ("opens", (780, 343, 817, 353)),
        ],
        [("Downloads", (408, 362, 489, 374))],
        [("Minimum", (672, 383, 739, 395)), ("font", (745, 383, 775, 395)), ("size", (781, 383, 808, 395))],
        [("16", (1377, 392, 1396, 404)), ("px", (1403, 395, 1421, 407))],
        [("Accessibility", (407, 401, 513, 416))],
        [
            ("Small", (672, 404, 705, 414)),
            ("text", (711, 405, 735, 414)),
            ("is", (741, 404, 749, 414)),
            ("enlarged", (755, 404, 809, 417)),
            ("to", (815, 405, 827, 414)),
            ("this", (832, 404, 854, 414)),
            ("size", (859, 404, 883, 414)),
        ],
        [("Languages", (408, 440, 488, 455))],
        [
            ("Highlight", (672, 447, 739, 462)),
            ("the", (744, 447, 768, 459)),
            ("focused", (773, 447, 831, 459)),
            ("item", (838, 447, 869, 459)),
        ],
        [("On", (1399, 456, 1421, 468))],
        [("for", (819, 466, 835, 480)), ("a", (840, 469, 845, 480))],
        [
            ("Draws", (672, 469, 710, 478)),
            ("a", (716, 471, 722, 478)),
            ("ring", (728, 468, 751, 481)),
            ("around", (757, 468, 800, 478)),
            ("it", (806, 468, 813, 478)),
            ("moment", (852, 469, 904, 478)),
        ],
        [("Captions", (672, 511, 736, 526)), ("for", (742, 511, 762, 523)), ("videos", (767, 511, 815, 523))],
        [("Off", (1398, 520, 1422, 532))],
        [
            ("Where", (671, 532, 712, 540)),
            ("the", (717, 532, 737, 540)),
            ("cite", (742, 532, 764, 540)),
            ("offers", (769, 532, 804, 540)),
            ("them", (809, 532, 841, 540)),
        ],
        [
            ("Changes", (653, 581, 717, 596)),
            ("are", (723, 584, 745, 593)),
            ("saved", (752, 581, 795, 593)),
            ("as", (801, 584, 817, 593)),
            ("you", (823, 584, 849, 596)),
            ("make", (856, 581, 895, 593)),
            ("them.", (901, 581, 943, 593)),
        ],
    ]
)

MENU = ["You and sync", "Privacy", "Appearance", "Search engine", "Downloads", "Accessibility", "Languages"]


def test_a_side_menu_is_read_before_the_page_beside_it() -> None:
    """The menu's entries, one a line at a pitch of their own, were read in turns with the options
    beside them ("Privacy. Show a bigger cursor. Appearance. Makes the text cursor easier to
    find."): the menu is a column, read whole, then the page, its heading first."""
    said = [b.text for b in layout_blocks(SETTINGS)]
    menu = [said.index(entry) for entry in MENU]
    assert menu == sorted(menu) and menu == list(range(menu[0], menu[0] + len(MENU)))
    assert said.index("Languages") < said.index("Show a bigger cursor")


# multi-tk-form-qtbox: a Tk form's labels and its fields' text (one line each), down two left edges.
FORM = _lines(
    [
        [("Full", (299, 187, 323, 199)), ("name", (331, 190, 374, 199))],
        [("Noor", (476, 187, 511, 199)), ("Haddad", (517, 187, 574, 199))],
        [("07700", (476, 228, 522, 240)), ("900123", (529, 228, 585, 240))],
        [("Phone", (299, 229, 346, 241))],
        [("Team", (297, 268, 338, 280))],
        [("Riverbank", (479, 268, 555, 280)), ("north", (561, 268, 599, 280))],
    ]
)


def test_a_forms_labels_and_fields_are_read_row_by_row() -> None:
    """The labels stand down one left edge as a menu's entries do, and the fields' text down
    another; but each shares its row with the other: the form is read label, field, label, field."""
    said = [b.text for b in layout_blocks(FORM)]
    assert said == ["Full name", "Noor Haddad", "Phone", "07700 900123", "Team", "Riverbank north"]
