"""A window's accessibility tree as spoken text (assistant.understand.accessible), the window reader
preferring it to OCR (assistant.understand.windows with a FakeAccessibleText), and how a desktop
window is paired with its application's frame (assistant.capture.accessibility.match_frame).
The trees are built by hand here; tests/understand/test_accessible_x11.py reads real ones."""

from __future__ import annotations

from PIL import Image

from assistant.capture.accessibility import (
    AccessibleFrame,
    AccessibleNode,
    FakeAccessibleText,
    match_frame,
)
from assistant.capture.models import CapturedImage
from assistant.capture.window_stack import DesktopWindow, WindowStack
from assistant.ocr.base import OcrEngine, OcrResult
from assistant.ocr.boxes import OcrLine
from assistant.understand.accessible import read_tree, worth_reading
from assistant.understand.windows import ScreenWindows, WindowOcr, grabbed_window

SHOWN = frozenset({"showing", "visible"})


def node(role: str, name: str = "", rect: tuple[int, int, int, int] | None = None, *children: AccessibleNode,
         text: str | None = None, states: frozenset[str] = SHOWN) -> AccessibleNode:  # fmt: skip
    return AccessibleNode(role, name, text, rect, states, tuple(children))


def dialog(buttons_first: bool = False) -> AccessibleNode:
    """zenity --question as GTK builds it (the places are a real run's)."""
    message = node("filler", "", (468, 374, 345, 48), node("icon", "Question", (468, 374, 48, 48)),
                   node("label", "Save changes?", (528, 374, 285, 48), text="Save changes?"))  # fmt: skip
    buttons = node("filler", "", (463, 441, 355, 34), node("push button", "Cancel", (644, 441, 85, 34)),
                   node("push button", "Save", (733, 441, 85, 34)))  # fmt: skip
    parts = (buttons, message) if buttons_first else (message, buttons)
    return node(
        "dialog", "Save Changes", (455, 340, 371, 143), node("filler", "", (463, 369, 355, 106), *parts)
    )


def texts(root: AccessibleNode) -> list[str]:
    return [s.text for s in read_tree(root)]


def test_a_dialog_is_its_message_then_its_buttons_in_one_piece() -> None:
    assert texts(dialog()) == ["Save changes?", "Buttons: Cancel, Save"]
    # Read by place, not by the toolkit's order: the buttons below come after the message.
    assert texts(dialog(buttons_first=True)) == ["Save changes?", "Buttons: Cancel, Save"]


def test_a_small_frame_with_a_message_and_buttons_reads_as_a_dialog() -> None:
    frame = node("frame", "Archive", (0, 0, 300, 120),
                 node("push button", "OK", (10, 10, 60, 30)),  # a button above the message
                 node("label", "", (10, 60, 280, 20), text="Done: 12 files archived."))  # fmt: skip
    assert texts(frame) == ["Done: 12 files archived.", "Button: OK"]


def test_controls_are_said_with_their_state_and_a_label_is_not_said_twice() -> None:
    form = node("frame", "Sign in", (0, 0, 400, 300),
                node("label", "Name:", (10, 10, 60, 20), text="Name:"),
                node("text", "Name", (80, 10, 200, 20), text="Ada Lovelace", states=SHOWN | {"editable"}),
                node("password text", "Password", (80, 40, 200, 20), text="secret", states=SHOWN),
                node("check box", "Remember me", (10, 70, 150, 20), states=SHOWN | {"checked"}),
                node("radio button", "Work", (10, 100, 80, 20)),
                node("combo box", "", (10, 130, 150, 20), node("menu", "", None, node("menu item", "Blue")),
                     text=None),
                node("push button", "Sign in", (10, 200, 80, 30)),
                node("scroll bar", "", (390, 0, 10, 300)))  # fmt: skip
    said = texts(form)
    assert said[0] == "Name, edit field: Ada Lovelace"  # the "Name:" label before it folded in
    assert "Password: password field" in said and not any("secret" in s for s in said)
    assert "Remember me: check box, checked" in said
    assert "Work: radio button, not selected" in said
    assert said[-1] == "Button: Sign in"
    unnamed = node("frame", "Sign up", (0, 0, 400, 100),
                   node("label", "", (10, 10, 60, 20), text="Email"),
                   node("text", "", (80, 10, 200, 20), text="ada@example.org", states=SHOWN | {"editable"}),
                   node("label", "", (10, 40, 300, 20), text="Name of the new folder:"),
                   node("text", "", (10, 60, 300, 20), text="Holiday", states=SHOWN | {"editable"}),
                   )  # fmt: skip
    assert texts(unnamed) == [
        "Email, edit field: ada@example.org",
        "Name of the new folder, edit field: Holiday",
    ]


def test_an_editor_reads_its_toolbar_then_its_document_by_paragraph_and_is_no_dialog() -> None:
    """A Qt editor as Qt's bridge shows it: a "filler" window, a toolbar, a multi-line text field."""
    buttons = [
        node("push button", t, (77 + 60 * i, 88, 55, 25)) for i, t in enumerate(["New", "Open", "Save"])
    ]
    hidden = node("push button", "", None, states=frozenset())
    tools = node("tool bar", "", (73, 84, 648, 33), hidden, *buttons)
    letter = node("text", "", (73, 125, 648, 268), text="Dear neighbours,\n\nThe party is on Saturday.\nRuth",
                  states=SHOWN | {"editable", "multi-line"})  # fmt: skip
    writer = node("filler", "letter.txt - Writer", (61, 72, 672, 333), letter, tools)
    assert texts(writer) == [
        "Buttons: New, Open, Save",
        "Dear neighbours,",
        "The party is on Saturday.",
        "Ruth",
    ]


def test_hidden_objects_and_what_is_scrolled_out_of_view_are_not_read() -> None:
    view = node("scroll pane", "", (0, 0, 200, 100),
                node("label", "", (0, 10, 200, 20), text="in view"),
                node("label", "", (0, 300, 200, 20), text="scrolled away"),
                node("label", "", (0, 40, 200, 20), text="hidden", states=frozenset()))  # fmt: skip
    assert texts(node("frame", "W", (0, 0, 200, 100), view)) == ["in view"]


def test_a_table_is_read_row_by_row_with_its_header_named_once() -> None:
    def cell(text: str, x: int, y: int, role: str = "table cell") -> AccessibleNode:
        return node(role, text, (x, y, 90, 20))

    # The toolkit lists the cells column by column: the reading must still go row by row.
    cells = [cell("Name", 0, 0, "table column header"), cell("Size", 100, 0, "table column header")]
    cells += [cell(t, 0, 20 * (i + 1)) for i, t in enumerate(["notes.txt", "photo.png"])]
    cells += [cell(t, 100, 20 * (i + 1)) for i, t in enumerate(["4 KB", "2 MB"])]
    table = node("frame", "Files", (0, 0, 200, 100), node("table", "", (0, 0, 200, 100), *cells))
    assert texts(table) == ["Table, 2 rows. Columns: Name, Size", "notes.txt, 4 KB", "photo.png, 2 MB"]


def test_web_text_keeps_its_links_inline_and_its_paragraphs_apart() -> None:
    link = node("link", "the guide", (60, 10, 60, 20), text="the guide")
    para = node("paragraph", "", (0, 10, 300, 20), link, text="Read \ufffc first.")
    second = node("paragraph", "", (0, 40, 300, 20), text="Then begin.")
    page = node("document web", "", (0, 0, 300, 100), para, second, text="\ufffc\ufffc")
    assert texts(node("frame", "Docs", (0, 0, 300, 100), page)) == ["Read the guide first.", "Then begin."]
    # Chromium also lists its plain-text runs as children ("static"), unmarked in the text.
    runs = (node("static", "Read ", (0, 10, 40, 20)), link, node("static", " first.", (120, 10, 40, 20)))
    chromium = node("paragraph", "", (0, 10, 300, 20), *runs, text="Read \ufffc first.")
    assert texts(node("frame", "Docs", (0, 0, 300, 100), chromium)) == ["Read the guide first."]


def test_a_tree_is_not_enough_when_a_canvas_covers_the_window_or_it_has_no_words() -> None:
    place = (0, 0, 400, 300)
    paint = node("frame", "Paint", place, node("label", "", (0, 0, 400, 20), text="Brush"),
                 node("drawing area", "", (0, 20, 400, 280)))  # fmt: skip
    assert not worth_reading(paint, read_tree(paint), place)
    empty = node("frame", "Browser", place, node("document web", "", (0, 0, 400, 300)))
    assert not worth_reading(empty, read_tree(empty), place)  # renderer accessibility off: OCR it
    small_icon = node("frame", "Note", place, node("label", "", (0, 0, 400, 20), text="Hello"),
                      node("image", "", (0, 30, 32, 32)))  # fmt: skip
    assert worth_reading(small_icon, read_tree(small_icon), place)


def test_a_window_is_paired_with_its_frame_by_title_and_place_and_never_guessed() -> None:
    win = DesktopWindow("Save Changes", (455, 318, 371, 165), client=(456, 340, 369, 143), pid=42)
    right = AccessibleFrame("dialog", "Save Changes", (455, 340, 371, 143), "a")
    other = AccessibleFrame("frame", "Main", (0, 0, 800, 600), "b")
    assert match_frame(win, [other, right]) is right
    assert match_frame(win, [other]) is None  # another window of the same program: not this one
    renamed = AccessibleFrame("frame", "untitled", (456, 340, 369, 143), "c")
    assert match_frame(win, [renamed, other]) is renamed  # the place says it
    twins = [AccessibleFrame("frame", "Save Changes", None, k) for k in "xy"]
    assert match_frame(win, twins) is None  # two frames fit equally: OCR rather than guess
    lone = AccessibleFrame("frame", "", None, "d")
    assert match_frame(win, [lone]) is lone  # the process's only shown frame


# ---- the window reader: the tree where it tells, OCR for the rest -------------------------------------
class SpyOcr(OcrEngine):
    """Reads a fixed line and records the size of every picture it is shown."""

    name = "spy"

    def __init__(self) -> None:
        self.seen: list[tuple[int, int]] = []

    def recognize(self, image: Image.Image) -> OcrResult:
        self.seen.append(image.size)
        return OcrResult([OcrLine("terminal text", (10, 10, 120, 30), 0.9)], self.name, 1.0, image.size)


SIZE = (800, 600)
DIALOG = DesktopWindow("Save Changes", (455, 318, 371, 165), active=True, client=(456, 340, 369, 143),
                       pid=42, handle=7)  # fmt: skip
TERM = DesktopWindow("notes - xterm", (0, 0, 300, 200), client=(0, 20, 300, 180), handle=8)


def test_a_told_window_is_never_shown_to_ocr_and_reads_title_message_buttons() -> None:
    fake = FakeAccessibleText({7: dialog()})
    sw = ScreenWindows(WindowStack((DIALOG, TERM)), (0, 0), SIZE, accessible=fake)
    spy = SpyOcr()
    result = WindowOcr(spy, sw).recognize(Image.new("RGB", SIZE, "white"))
    assert fake.asked == ["Save Changes", "notes - xterm"]
    assert spy.seen == [(300 + 8, 180 + 8 + 8)]  # only the terminal's client area (and its margin)
    blocks = [b.text for b in result.blocks()]
    assert blocks == ["Save changes?", "Buttons: Cancel, Save", "notes - xterm window", "terminal text"]


def test_when_every_window_is_told_ocr_is_not_run_at_all() -> None:
    sw = ScreenWindows(WindowStack((DIALOG,)), (0, 0), SIZE, accessible=FakeAccessibleText({7: dialog()}))
    spy = SpyOcr()
    result = WindowOcr(spy, sw).recognize(Image.new("RGB", SIZE, "white"))
    assert spy.seen == []
    assert [ln.text for ln in result.lines] == ["Save changes?", "Buttons: Cancel, Save"]
    assert result.lines[0].box == (528, 374, 813, 422)  # the label's place, in the grab's pixels
    # Each button keeps its own place (explore mode clicks it), as a word of the buttons' line.
    assert [(w.text, w.box) for w in result.lines[1].words] == [
        ("Cancel", (644, 441, 729, 475)),
        ("Save", (733, 441, 818, 475)),
    ]


def test_describe_window_uses_the_tree_when_it_tells_and_ocr_of_the_whole_grab_when_not() -> None:
    image = Image.new("RGB", (371, 165), "white")
    grab = CapturedImage(image, "window", DIALOG.rect, windows=WindowStack((DIALOG, TERM)))
    told = grabbed_window(grab, FakeAccessibleText({7: dialog()}))
    assert told is not None
    spy = SpyOcr()
    assert [b.text for b in WindowOcr(spy, told).recognize(image).blocks()] == [
        "Save changes?",
        "Buttons: Cancel, Save",
    ]
    assert spy.seen == []
    untold = grabbed_window(grab, FakeAccessibleText())
    assert untold is not None
    result = WindowOcr(spy, untold).recognize(image)
    assert spy.seen == [(371, 165)] and [ln.text for ln in result.lines] == ["terminal text"]  # as before
    assert grabbed_window(grab, None) is None
    assert (
        grabbed_window(
            CapturedImage(image, "screen", DIALOG.rect, windows=WindowStack((DIALOG,))), FakeAccessibleText()
        )
        is None
    )


def test_in_a_told_window_ocr_reads_only_its_image_and_its_words_come_in_the_images_place() -> None:
    # A page whose tree tells its text, with a picture of text (an opaque image) between two lines.
    page = node("frame", "Notice", (0, 0, 400, 300),
                node("label", "", (10, 10, 380, 20), text="Opening hours"),
                node("image", "", (10, 40, 200, 60)),
                node("label", "", (10, 120, 380, 20), text="Closed on Sundays"))  # fmt: skip
    win = DesktopWindow("Notice", (0, -20, 400, 320), active=True, client=(0, 0, 400, 300), handle=9)
    sw = ScreenWindows(WindowStack((win,)), (0, 0), SIZE, accessible=FakeAccessibleText({9: page}))

    class ImageOcr(SpyOcr):
        def recognize(self, image: Image.Image) -> OcrResult:
            self.seen.append(image.size)  # the line sits where the picture is, in the view's pixels
            return OcrResult([OcrLine("9 to 5", (10, 10, 120, 30), 0.9)], self.name, 1.0, image.size)

    spy = ImageOcr()
    result = WindowOcr(spy, sw).recognize(Image.new("RGB", SIZE, "white"))
    assert spy.seen == [(200 + 16, 60 + 16)]  # the picture (and its margin), nothing else
    assert [b.text for b in result.blocks()] == ["Opening hours", "9 to 5", "Closed on Sundays"]


def test_a_broken_reader_or_no_accessibility_bus_costs_the_tree_never_the_description() -> None:
    from assistant.capture.atspi import AtspiText

    class Broken(FakeAccessibleText):
        def window_tree(self, window: DesktopWindow) -> AccessibleNode | None:
            raise IndexError("a malformed reply")

    sw = ScreenWindows(WindowStack((DIALOG,)), (0, 0), SIZE, accessible=Broken())
    spy = SpyOcr()
    assert [ln.text for ln in WindowOcr(spy, sw).recognize(Image.new("RGB", SIZE)).lines] == ["terminal text"]
    nowhere = AtspiText(address="unix:path=/nonexistent/at-spi-bus")  # a real reader, no bus there
    assert nowhere.window_tree(DIALOG) is None and nowhere.window_tree(DIALOG) is None
    nowhere.close()
