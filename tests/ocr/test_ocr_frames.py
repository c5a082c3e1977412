"""Windows found in a picture file by their title bars and frames, on real screenshots (datasets/screens:
Xvfb with openbox drawing the title bars), checked against the window stack the desktop reported."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageOps

from assistant.ocr.boxes import OcrLine, OcrWord
from assistant.ocr.frames import find_frames
from assistant.ocr.layout import _names_window, layout_blocks
from assistant.ocr.panels import find_panels, panel_of
from tests.support.screens import SCREEN_PNG, SCREEN_TRUTH


def _screen(name: str) -> tuple[Image.Image, list[dict]]:
    truth = json.loads((SCREEN_TRUTH / f"{name}.json").read_text())
    windows = sorted(truth["windows"], key=lambda w: -w["stacking"])  # top first
    return Image.open(SCREEN_PNG / f"{name}.png").convert("RGB"), windows


def _box(window: dict) -> tuple[int, int, int, int]:
    x, y, w, h = window["frame"]
    return (x, y, x + w, y + h)


@pytest.mark.parametrize(
    "name",
    [
        "multi-four-windows",
        "multi-terminal-save",
        "dark-qt-export",
        "calc-xcalc-color",
        "multi-tk-form-qtbox",
        "table-qt-striped-loans",
        "multi-less-tk-zenity-dark",
        "dlg-qt-question-tall-title",
        "table-chromium-band-pair",
        "table-zenity-dark-kennel",
        "dlg-qt-question-cabin-daloa",
    ],
)
def test_frames_match_the_window_stack(name: str) -> None:
    """Every window, its outline within 2 px, in stacking order (top first), the active one marked;
    gradients and flat bars, light and dark themes (Clearlooks, Onyx, Natura). In
    multi-tk-form-qtbox a button cut by a window over it, taller than the bars, is no window. The
    foot of table-qt-striped-loans lies under openbox's handle, whose lines meet the sides; in
    multi-less-tk-zenity-dark a dialog lies over the left end of a bar and its own bar ends 3 px
    beside a terminal's side; dlg-qt-question-tall-title's bar is 43 px high; table-chromium-band-
    pair's dark bar hardly differs from the desktop above it (and the table's cells are no windows);
    icewm Infadel2's bar (table-zenity-dark-kennel) is shaded in many steps, its title in a box that
    breaks every edge inside the bar, so the window's outline above it gives its width; xfwm4
    Daloa's short bar (dlg-qt-question-cabin-daloa) has its foot broken for 3 px by the title's
    descender."""
    image, windows = _screen(name)
    frames = find_frames(image)
    assert len(frames) == len(windows)
    for frame, window in zip(frames, windows, strict=True):
        assert max(abs(a - b) for a, b in zip(frame.box, _box(window), strict=True)) <= 2
    assert frames[0].active and windows[0]["active"]
    assert not any(f.active for f in frames[1:])


def test_a_line_beyond_every_found_windows_frame_is_none_of_theirs() -> None:
    """A line on the desktop just under a found dialog's foot (a window not found, a desktop icon's
    name) is not the dialog's: a window found by its bar ends at its frame."""
    image, _ = _screen("multi-cascade-tk-qt-xmessage")
    line = OcrLine("OK UseTray 1", (590, 506, 760, 522), 0.9)
    assert panel_of(line, find_panels(image)) is None


def test_a_bevelled_bar_is_found_by_its_outer_edges() -> None:
    """Most openbox themes draw a bar with a bevel a pixel inside its border: the bar is the
    border's, and its window's text lies under it as drawn. Found as the bevel's inside, a pixel in
    on each side, it moved the pane a pixel and changed how the page was read ("hiah" if
    "heiaht"; review 18, finding A); the sides a pixel further out are only for bars with none
    just beyond their ends."""
    image, windows = _screen("page-chromium-code-listing")
    (frame,) = find_frames(image)
    assert max(abs(a - b) for a, b in zip(frame.box, _box(windows[0]), strict=True)) <= 1
    assert (frame.bar[0], frame.bar[2]) == (frame.box[0], frame.box[2])
    assert frame.inner is None


def test_a_bar_whose_foot_does_not_show_is_found_by_a_bar_drawn_alike() -> None:
    """openbox's Breeze-ob paints an inactive bar in the very grey of a Qt dialog's body, so the
    bar of "Paper Tray" has no foot; another inactive bar of its height and shading stands in for
    it. That dialog's bar lies over the Tk dialog's border of that grey too: the window on top is
    the one whose outline cuts what lies under it, not the one whose frame colour shows there."""
    image, windows = _screen("multi-cascade-tk-qt-xmessage")
    frames = find_frames(image)
    assert len(frames) == len(windows)
    for frame, window in zip(frames, windows, strict=True):
        assert max(abs(a - b) for a, b in zip(frame.box, _box(window), strict=True)) <= 2
    assert frames[0].active and not any(f.active for f in frames[1:])


def test_a_taskbars_buttons_naming_the_windows_are_not_read_again() -> None:
    """jwm's tray under three windows found by their bars: its buttons name the windows again (one
    cut short, one spaced differently, one read into one line with the start button), which are said
    once, each where its text begins; what else lies on no window (the start button, a clock) is
    still read, after the windows."""
    image, _ = _screen("multi-jwm-page-xterm-zenity")
    lines = [
        OcrLine("Bench Safety", (1334, 649, 1431, 668), 0.9),
        OcrLine("Unplug the kettle before opening its base.", (1430, 686, 1701, 700), 0.9),
        OcrLine("bert@cafe: ~", (897, 311, 973, 326), 0.9),
        OcrLine("Repair cafe, 2nd Saturday", (867, 334, 1097, 350), 0.9),
        OcrLine("Repair Cafe News", (76, 51, 202, 66), 0.9),
        OcrLine("Repair cafe in November", (68, 99, 358, 124), 0.9),
        OcrLine("Repai r Cafe Ne", (77, 1059, 180, 1076), 0.9),
        OcrLine.of(
            [
                OcrWord("IceWM", (200, 1059, 260, 1075), 0.9),
                OcrWord("bert@cafe:~", (297, 1059, 385, 1075), 0.9),
            ]
        ),
        OcrLine("Bench Safety", (518, 1054, 603, 1077), 0.9),
        OcrLine("14:05", (1850, 1059, 1900, 1075), 0.9),
    ]
    said = [b.text for b in layout_blocks(lines, find_panels(image))]
    assert said.count("Bench Safety window") == 1 and "Bench Safety" not in said, said
    assert "Repai r Cafe Ne" not in said and "bert@cafe" not in " ".join(said[6:]), said
    assert said[-2:] == ["IceWM", "14:05"], said


def test_a_taskbar_reading_of_a_title_is_dropped_only_where_it_adds_nothing() -> None:
    """A taskbar button's reading that is the bar's title less some letters (an icon over its first),
    or the title with an icon read as a letter before it, names the window again and is dropped;
    one whose letters differ from the bar's ("jo@office" against the bar's misread "io@office")
    may be the right reading of the two and is kept, said after the windows."""
    assert _names_window("alculator", "Calculator")
    assert _names_window("XRebook Crossing", "Rebook Crossing")
    assert _names_window("Repai r Cafe Ne", "Repair Cafe News")
    assert not _names_window("jo@office: ~/quotes", "io@office: ~/auotes")
    assert not _names_window("IceWM bert@cafe:~", "bert@cafe: ~")


def test_a_heading_cell_coloured_like_no_bar_is_no_window() -> None:
    """table-tk-hours-under-dialog: the table's blue "Volunteer" heading cell is as high as the
    bars, with sides running down: no window, its colour being neither the inactive bar's nor the
    active one's. The active dialog's title sits in a box of its own (Artwiz-boxed): still a bar."""
    image, windows = _screen("table-tk-hours-under-dialog")
    frames = find_frames(image)
    assert [f.box for f in frames] == [pytest.approx(_box(w), abs=2) for w in windows]


def test_a_table_header_inside_a_window_is_no_window() -> None:
    """A list's header row has a band and sides like a title bar, but not the window's bar height."""
    image, windows = _screen("dark-zenity-list")
    frames = find_frames(image)
    assert [f.box for f in frames] == [pytest.approx(_box(windows[0]), abs=2)]


def test_a_highlighted_row_reaching_the_windows_side_ends_no_frame() -> None:
    """dlg-zenity-file-chooser: the file list's selected row (white on blue, a date at its right end,
    the places pane's rule under its left end, the window's side under its right) looks like an
    active window's bar, 23 pixels high against the window's 19. It had cut the window's frame short
    where it began, and so was no band inside it: two windows were found, one of them a false one."""
    image, windows = _screen("dlg-zenity-file-chooser")
    frames = find_frames(image)
    assert [f.box for f in frames] == [pytest.approx(_box(windows[0]), abs=2)]


def test_a_dialog_inside_a_window_is_its_own_pane_and_read_first() -> None:
    """The dialog lies inside the terminal's outline: it is still a window of its own, on top; a
    terminal's letter peeking out beside the dialog stays with the terminal."""
    image, _ = _screen("multi-terminal-save")
    panels = find_panels(image)
    assert len(panels) == 2 and panels[0].bar is not None
    peeking = OcrLine("D", (323, 257, 330, 269), 0.9)  # 'Dec 19' cut by the dialog's left edge
    assert panel_of(peeking, panels) == 1

    def line(text: str, x: int, y: int) -> OcrLine:
        words = [
            OcrWord(w, (x + 60 * i, y, x + 60 * i + 50, y + 12), 0.95) for i, w in enumerate(text.split())
        ]
        return OcrLine(text, (x, y, x + 60 * len(words), y + 12), 0.95, words)

    lines = [
        line("reports xterm", 387, 46),  # the terminal's title bar
        line("x", 820, 44),  # its close button
        line("total 2748", 44, 86),
        line("Save Changes", 496, 190),  # the dialog's title bar
        line("Save changes to notes.txt before closing?", 347, 230),
        line("vendors.json", 440, 314),
        line("iN", 780, 512),  # the grip in the frame's bottom right corner
        # The terminal's '9120' beside the dialog, boxed by an engine from there to under the bar.
        OcrLine("9120", (273, 171, 494, 211), 0.9, [OcrWord("9120", (273, 171, 494, 211), 0.9)]),
    ]
    said = [b.text for b in layout_blocks(lines, panels)]
    assert said[0] == "Save Changes window" and said[1].startswith("Save changes to")
    assert said[2] == "reports xterm window" and "x" not in said[2:]
    assert said.index("total 2748") < said.index("vendors.json") and "iN" not in said


def test_widgets_that_look_like_title_bars_are_no_windows() -> None:
    """A program's own drawing without a window manager (a rendered Qt form and list): stacked
    text fields and a list's highlighted row have a band, edges and sides, but no buttons at their
    right end."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14)
    image = Image.new("RGB", (460, 520), "#efefef")
    draw = ImageDraw.Draw(image)
    for i, value in enumerate(["Jamie", "Rivers", "0161 555 0134", "Manchester"]):
        y = 20 + 32 * i
        draw.rectangle((95, y, 449, y + 25), fill="white", outline="#a0a0a0")
        draw.text((100, y + 4), value, font=font, fill="black")
    draw.rectangle((11, 200, 429, 480), fill="white", outline="#a0a0a0")
    draw.rectangle((12, 201, 428, 219), fill="#e5f3ff", outline="#99c9ef")
    for i, task in enumerate(["Pay the electricity bill", "Book a table", "Return the parcel"]):
        draw.text((16, 203 + 18 * i), task, font=font, fill="black")
    assert find_frames(image) == []


def test_a_ruled_tables_header_is_no_title_bar() -> None:
    """A table drawn with rules (a picture file of a timetable) has a header row with sides running
    on below it like a window's frame, but its column rules cross the row: no window."""
    from PIL import ImageDraw, ImageFont

    image = Image.new("RGB", (640, 440), "white")
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1, header = 14, 129, 627, 335, 34
    for x in (180, 330, 480):  # the columns' rules (lighter than the outline), through the header too
        draw.line((x, y0 + 1, x, y1 - 1), fill=(150, 150, 150))
    for y in range(y0 + header, y1, 26):  # the rows' rules, over the columns'
        draw.line((x0, y, x1, y), fill=(60, 60, 60))
    draw.rectangle((x0, y0, x1, y1), outline=(60, 60, 60))
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 16)
    for x, word in ((30, "Train"), (196, "To"), (346, "Departs"), (540, "Platform")):
        draw.text((x, y0 + 8), word, fill="black", font=font)  # the last one ends at the right side
    assert find_frames(image) == []


@pytest.mark.parametrize("name", ["multi-tree-term-question", "table-zenity-list-downloads"])
def test_bars_shaded_from_end_to_end_are_title_bars(name: str) -> None:
    """Themes whose bars are shaded from left to right as well as from top to bottom (their rows
    are no single colour): every window found, its outline within 2 px, the active one marked."""
    image, windows = _screen(name)
    frames = find_frames(image)
    want = sorted(_box(w) for w in windows)
    found = sorted(f.box for f in frames)
    assert len(found) == len(want)
    for frame, box in zip(found, want, strict=True):
        assert max(abs(a - b) for a, b in zip(frame, box, strict=True)) <= 2
    assert [f.active for f in frames].count(True) == 1
    assert next(f for f in frames if f.active).box == pytest.approx(_box(windows[0]), abs=2)


def test_a_dark_bar_over_a_dark_page_is_found() -> None:
    """Onyx's dark bar over a dark Chromium page on a dark desktop: the bar's foot is a step of 8
    grey levels and the frame's sides stand 18-22 (R+G+B) from the desktop and the page, too dim
    for a full edge; its top, against the desktop, is one."""
    image, windows = _screen("dark-chromium-article-box")
    frames = find_frames(image)
    assert len(frames) == 1
    assert max(abs(a - b) for a, b in zip(frames[0].box, _box(windows[0]), strict=True)) <= 2


def test_a_frame_reaches_its_side_under_a_window_over_its_corner() -> None:
    """A clock lies over the top right corner of "Shift Rota", its bar's end and buttons hidden:
    below the clock the window's right side shows again, and the frame reaches it; the clock, lying
    on it, comes first."""
    image, windows = _screen("multi-xclock-over-tk")
    frames = find_frames(image)
    assert len(frames) == len(windows)
    for frame, window in zip(frames, windows, strict=True):
        assert max(abs(a - b) for a, b in zip(frame.box, _box(window), strict=True)) <= 2


def test_an_inactive_bar_whose_title_hardly_shows_is_found() -> None:
    """Nightmare's inactive bar is near-black on a dark desktop, its title as dark as its ground:
    only the icon and the three small buttons show on 800 px, yet it is a window's bar (a half-A
    scene captured again under that theme, tests/ocr/data/nightmare-inactive-bar.json)."""
    data = Path(__file__).parent / "data"
    truth = json.loads((data / "nightmare-inactive-bar.json").read_text())
    frames = find_frames(Image.open(data / "nightmare-inactive-bar.png").convert("RGB"))
    assert [f.box for f in frames] == [pytest.approx(tuple(b), abs=2) for b in truth["frames"]]


@pytest.mark.parametrize(
    "name",
    [
        "table-chromium-trains",
        "page-chromium-settings-sidebar",
        "table-chromium-bordered-prices",
        "table-qt-orders",
        "term-w3m-tides-10x20",
    ],
)
def test_a_windows_content_alone_holds_no_window(name: str) -> None:
    """A window's client area grabbed alone (no frame, no desktop round it): its table's striped
    rows, its ruled cells and a settings list's rows have sides that run on from the row above,
    and a heading row heads a column of like rows: no window in it."""
    image, windows = _screen(name)
    x, y, w, h = windows[-1]["client"]  # the bottom window: the only one in these scenes
    assert find_frames(image.crop((x, y, x + w, y + h))) == []


def test_a_dialog_inside_its_parent_is_found_whatever_colour_another_bar_has() -> None:
    """An active dialog inside its parent's box is a window although another window's bar has a
    colour of its own (a program drawing its own title bar, a theme's colours per program): the
    terminal's grey bar of multi-page-dialog-qt painted light blue. A heading cell is told from a
    dialog by what its bar carries (no buttons at its right end), not by colour."""
    import numpy as np

    image, windows = _screen("multi-page-dialog-qt")
    px = np.asarray(image).copy()
    term = next(w for w in windows if w["title"].startswith("desk@"))
    x, y, w, _ = term["frame"]
    bar = px[y + 1 : term["client"][1], x + 1 : x + w - 1].astype(int)
    ground = np.median(bar.reshape(-1, 3), axis=0)
    bar[np.abs(bar - ground).sum(axis=2) <= 24] = ground + np.array([-40, 10, 35])
    px[y + 1 : term["client"][1], x + 1 : x + w - 1] = bar.clip(0, 255)
    frames = find_frames(Image.fromarray(px))
    assert sorted(f.box for f in frames) == [pytest.approx(_box(w), abs=2) for w in sorted(windows, key=_box)]
    dialog, parent = (
        next(f for f in frames if f.box[0] == pytest.approx(_box(w)[0], abs=2))
        for w in (windows[0], windows[-1])
    )
    assert frames.index(dialog) < frames.index(parent)


@pytest.mark.parametrize(
    "name", ["multi-three-emulators-hd", "calc-xcalc-ti-mono-large", "dark-chromium-signin"]
)
def test_a_frame_reaches_its_borders_outer_edge(name: str) -> None:
    """A window manager may draw a border of several lines round a window's side and foot (jwm's 4
    px and an outline, icewm's bevels): the frame found runs out to its outer edge, each window
    within 1 px of the window stack's frame (these were 1-3 px short of it)."""
    image, windows = _screen(name)
    found = sorted(f.box for f in find_frames(image))
    assert found == [pytest.approx(b, abs=1) for b in sorted(_box(w) for w in windows)]


def _drawn_window(rounded: int, boxed: bool) -> Image.Image:
    """A window drawn as fluxbox and icewm themes draw one: a 22-px bar (top corners rounded by
    ``rounded`` px; the title in a box of its own when ``boxed``), three buttons at its right end, a
    1-px frame round a white body, on a dark desktop."""
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 12)
    image = Image.new("RGB", (1000, 400), (46, 52, 64))
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1, bar = 100, 60, 900, 340, 22
    draw.rectangle((x0, y0 + rounded, x1, y1), fill=(60, 90, 150))  # the frame's colour
    draw.rounded_rectangle((x0, y0, x1, y0 + bar), radius=rounded, fill=(60, 90, 150))
    draw.rectangle((x0 + 1, y0 + bar, x1 - 1, y1 - 1), fill="white")
    if boxed:
        draw.rectangle((446, y0 + 1, 504, y0 + bar - 1), fill=(200, 200, 210), outline=(20, 20, 30))
    draw.text((452, y0 + 4), "Ferries", font=font, fill=(20, 20, 30) if boxed else "white")
    for i in range(3):
        draw.rectangle((x1 - 20 - 18 * i, y0 + 6, x1 - 10 - 18 * i, y0 + 16), outline="white")
    for i, row in enumerate(["Puffin 09:30 Pier A", "Gull 10:45 Pier B", "Tern 12:20 Pier A"]):
        draw.text((x0 + 12, y0 + bar + 12 + 20 * i), row, font=font, fill="black")
    return image


def test_a_bar_with_rounded_corners_is_a_title_bar() -> None:
    """A bar whose top corners are rounded (fluxbox's bora and zimek styles) has a top edge shorter
    than its foot at both ends: the foot gives its width, and the window is found."""
    frames = find_frames(_drawn_window(6, False))
    assert [f.box for f in frames] == [pytest.approx((100, 60, 901, 341), abs=2)]


@pytest.mark.parametrize("name", ["stacked-windows-fluxbox", "striped-list-window"])
def test_a_window_whose_sides_run_on_up_or_whose_list_is_striped_is_found(name: str) -> None:
    """Real captures (tests/ocr/data/<name>.json says how): two windows of one width tiled one over
    the other, the lower bar's sides running on up as the upper window's (not a table's row), and a
    window whose striped list starts right under its title bar (not a table's heading): each found."""
    data = Path(__file__).parent / "data"
    truth = json.loads((data / f"{name}.json").read_text())
    frames = find_frames(Image.open(data / f"{name}.png").convert("RGB"))
    boxes = sorted(f.box for f in frames)
    assert boxes == [pytest.approx(tuple(b), abs=2) for b in sorted(truth["frames"])]


@pytest.mark.parametrize("name", ["multi-urxvt-xterm-side", "multi-jwm-page-xterm-zenity"])
def test_the_active_window_is_told_by_its_brighter_title_where_the_bars_colours_are_alike(name: str) -> None:
    """Openbox's Mikachu and jwm's sand paint the active and an inactive bar in near colours, but
    an inactive title greyed: the window whose title stands out is the active one, read first
    (two terminals side by side; a dialog apart from a page and a terminal over it)."""
    image, windows = _screen(name)
    active = next(w for w in windows if w["active"])
    frames = find_frames(image)
    assert len(frames) == len(windows)
    assert frames[0].active and max(abs(a - b) for a, b in zip(frames[0].box, _box(active), strict=True)) <= 3
    assert not any(f.active for f in frames[1:])


def test_bars_drawn_as_bevelled_boxes_are_title_bars() -> None:
    """icewm's motif theme draws a bar as boxes side by side (icon, title, buttons), each bevelled:
    their edges break where two boxes meet, and a title's descenders break the title box's foot.
    A dialog over a page and a terminal beside it are windows, topmost first, each a bar's top
    within 2 px of the window manager's frame."""
    image, windows = _screen("multi-icewm-page-urxvt-qt")
    frames = find_frames(image)
    assert len(frames) == len(windows)
    for frame, window in zip(frames, windows, strict=True):
        assert max(abs(a - b) for a, b in zip(frame.bar[:2], _box(window)[:2], strict=True)) <= 2
    assert frames[0].active and windows[0]["active"]


def test_a_bar_inside_a_border_round_it_and_the_window_is_found() -> None:
    """icewm's dark theme draws a border round the bar and the window alike: the bar's top is the
    border's outer edge, its foot the window's inside, in from the top's ends by the border's width
    at both ends (a black bar, its title in blue, on a dark green desktop)."""
    image, windows = _screen("page-icewm-top-two-columns")
    (frame,) = find_frames(image)
    x0, y0, x1, _ = _box(windows[0])
    assert x0 <= frame.box[0] <= x0 + 12 and x1 - 12 <= frame.box[2] <= x1 and abs(frame.bar[1] - y0) <= 3


@pytest.mark.parametrize(
    "name", ["icewm-win95-small-windows", "icewm-helix-small-windows", "icewm-icedesert-small-windows"]
)
def test_small_windows_whose_icon_and_buttons_fill_the_bar_are_found(name: str) -> None:
    """Real captures (tests/ocr/data/<name>.json says how): on a small window's bar the icon and
    the buttons, as high as the bar, leave few rows all ground beside the title; measured between
    them, the bar's rows above and below the title are clear. Every window found, the active one
    marked (icedesert's beige bar stands 31 (R+G+B) from the grey ones, which agree exactly)."""
    data = Path(__file__).parent / "data"
    truth = json.loads((data / f"{name}.json").read_text())
    frames = find_frames(Image.open(data / f"{name}.png").convert("RGB"))
    assert sorted(f.box for f in frames) == [pytest.approx(tuple(b), abs=2) for b in sorted(truth["frames"])]
    assert [f.box for f in frames if f.active] == [pytest.approx(tuple(truth["frames"][0]), abs=2)]


def test_a_window_whose_bar_shows_only_its_end_is_found_whole_and_votes_for_no_active_bar() -> None:
    """icewm's CrystalBlue cascade (tests/ocr/data/icewm-crystalblue-cascade.json): the active
    window lies over all but the right end of the next one's bar, which begins inside its bevelled
    border; that window is found from its own left side, which shows again below the active one, and
    the colour of its bar's end (its buttons and border) does not make it the active one."""
    data = Path(__file__).parent / "data"
    truth = json.loads((data / "icewm-crystalblue-cascade.json").read_text())
    frames = find_frames(Image.open(data / "icewm-crystalblue-cascade.png").convert("RGB"))
    assert len(frames) == 3
    for frame, box in zip(frames, truth["frames"], strict=True):  # topmost first
        assert max(abs(a - b) for a, b in zip(frame.box, box, strict=True)) <= 4
    assert frames[0].active and not any(f.active for f in frames[1:])


def test_a_window_under_anothers_edge_ends_at_its_own_foot() -> None:
    """A page lies over a terminal's right edge (Syscrash, their tops level): the page's left side
    stands where the terminal's right side was and runs on to the page's foot, 76 px below the
    terminal's; the terminal ends where its own left side ends, and the level tops of the two are
    no one outline (the terminal is not widened across the page)."""
    image, windows = _screen("multi-nano-page-side-classic")
    terminal = next(_box(w) for w in windows if w["title"].startswith("tom@"))
    frames = find_frames(image)
    assert len(frames) == 2
    box = next(f.box for f in frames if abs(f.box[0] - terminal[0]) <= 2)
    assert abs(box[3] - terminal[3]) <= 2 and box[2] <= 602, box


def _capture(name: str) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    """A real capture in tests/ocr/data (its .json says how): the frames found, and the window
    manager's (topmost first)."""
    data = Path(__file__).parent / "data"
    truth = json.loads((data / f"{name}.json").read_text())
    frames = find_frames(Image.open(data / f"{name}.png").convert("RGB"))
    return [f.box for f in frames], [tuple(b) for b in truth["frames"]]


def test_windows_tiled_flush_with_a_dark_bar_are_each_found() -> None:
    """Onyx, two windows tiled flush at the screen's left edge and a third under the first: the
    active bar's edges stop two pixels short of its frame's sides (a bevel inside a border of the
    terminal's own black), so its sides are found a pixel or two further out, where they start at
    the bar's top; every window found, within 3 px (the active one had been missed)."""
    found, frames = _capture("onyx-tiled-flush")
    assert len(found) == len(frames)
    for box in frames:
        assert any(max(abs(a - b) for a, b in zip(f, box, strict=True)) <= 3 for f in found)


@pytest.mark.parametrize("name", ["clearlooks-off-right-edge", "jwm-thin-off-right-edge"])
def test_a_window_running_off_the_pictures_edge_is_found(name: str) -> None:
    """A window running past the screen's right edge (Clearlooks; jwm's flat white 14-px bars):
    its buttons are out of view, but its bar, with a side running down from its left end, is a
    window's, found out to the picture's edge. Under jwm its tray along the screen's foot (task
    buttons on a band reaching the picture's edge, nothing under it) is no window."""
    found, frames = _capture(name)
    assert len(found) == len(frames)
    (x0, y0, _, y1), *others = frames
    assert any(max(abs(a - b) for a, b in zip(f, (x0, y0, 1280, y1), strict=True)) <= 3 for f in found)
    for box in others:
        assert any(max(abs(a - b) for a, b in zip(f, box, strict=True)) <= 3 for f in found)


def test_a_bars_top_broken_by_a_side_of_its_own_colour_under_it_still_runs_on() -> None:
    """fvwm's flat 'slate' bars: man's bar crosses the side of the page window under it, a border
    as grey as the bar itself, so the bar's top edge breaks there for 5 px. The row under the edge
    runs on in the bar's colour: one edge, and the bar is found whole (it was taken for the man
    page's white top rows under it, and the stack came out wrong: the active dialog read last)."""
    image, windows = _screen("multi-fvwm-page-man-zenity")
    frames = find_frames(image)
    assert len(frames) == len(windows) == 3
    for frame, window in zip(frames[:2], windows[:2], strict=True):  # (the page's right side is hidden)
        assert max(abs(a - b) for a, b in zip(frame.box, _box(window), strict=True)) <= 2
    assert frames[0].active and windows[0]["active"] and not any(f.active for f in frames[1:])


def _matches(frames: list, windows: list[dict], slack: int = 3) -> None:
    """Every window found, its outline within ``slack`` px, and of two that overlap the upper one
    first (``windows``: top first)."""
    assert len(frames) == len(windows)
    at = []
    for window in windows:
        near = [
            i
            for i, f in enumerate(frames)
            if max(abs(a - b) for a, b in zip(f.box, _box(window), strict=True)) <= slack
        ]
        assert near, window["title"]
        at.append(near[0])
    for i, a in enumerate(windows):
        for j in range(i + 1, len(windows)):
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = _box(a), _box(windows[j])
            if min(ax1, bx1) > max(ax0, bx0) and min(ay1, by1) > max(ay0, by0):
                assert at[i] < at[j]


@pytest.mark.parametrize(
    "name",
    [
        "table-term-zebra-hosts",  # icewm: a black line of the border across the sides under the bar
        "term-metacity-vim-notomono-dark",  # metacity mcblue: the title in a pill as high as the bar
        "multi-metacity-terms-overlap",  # metacity Watercolor: the back window's buttons drawn faint
        "multi-icewm-page-urxvt-qt",  # icewm: a resize handle's groove across a dialog's sides
        "multi-metacity-three-cascade",  # metacity Redmond: the bar from its border's top line
        "multi-xfwm-default-four",  # xfwm4: a strip between windows is no window; a side beside one
        "term-mc-monoid-modarin",  # icewm: a frame's foot a line above the taskbar
        "multi-fvwm-page-man-zenity",  # fvwm: the page's right side hidden below its bar
        "page-icewm-top-two-columns",  # icewm: a border 11 px wide, shaded, round a black bar
    ],
)
def test_window_manager_styles_met_on_unseen_screens_are_found(name: str) -> None:
    """Title bars and borders of styles the rules were not first written for: a bar whose sides
    are crossed by a border line under it, a title boxed as high as its bar, an inactive bar with
    faint buttons, a groove across a side, a bevel a pixel wider than the bar's top, and borders
    told on a side where nothing lies beyond them from the other sides' outermost line."""
    image, windows = _screen(name)
    _matches(find_frames(image), windows)


def test_a_window_whose_foot_another_hides_lies_under_it() -> None:
    """fvwm: a terminal as wide as "Routes" lies over its lower half; Routes' sides run on into the
    terminal's border. Routes ends at the terminal's top and is read after it (its real foot is
    hidden: only its top, its sides and its place in the stack are checked)."""
    image, windows = _screen("multi-fvwm-four-parchment")
    frames = find_frames(image)
    titles = [w["title"] for w in windows]
    routes, term = titles.index("Routes"), titles.index("root@nas: /srv")
    boxes = [f.box for f in frames]
    found = [
        next(i for i, b in enumerate(boxes) if abs(b[0] - _box(w)[0]) <= 3 and abs(b[1] - _box(w)[1]) <= 3)
        for w in windows
    ]
    assert found[term] < found[routes]
    assert boxes[found[routes]][3] == boxes[found[term]][1]


def test_a_dark_bar_apart_from_the_desktop_in_colour_only_is_found() -> None:
    """A dark grey bar on a dark desktop of another hue: with the picture's red and blue swapped
    (a theme and desktop of other colours, drawn alike), the bar's top is a step of 6 grey levels
    but of 35 in colour (sum over R, G, B); every window is found as in the picture itself."""
    image, windows = _screen("multi-three-small-apart")
    swapped = Image.fromarray(np.ascontiguousarray(np.asarray(image)[..., ::-1]))
    _matches(find_frames(swapped), windows)


def test_square_buttons_fenced_off_the_title_leave_the_bar_whole() -> None:
    """Window Maker fences its miniaturise and close buttons off the title with a line each, a
    bar's height in from its ends: lines crossing the bar from edge to edge there are a square
    button's sides, not a table's column rules. Both bars of multi-terminals-overlap with such
    lines drawn in are found as in the picture itself (they were taken for a ruled header)."""
    image, _ = _screen("multi-terminals-overlap")
    frames = find_frames(image)
    fenced = image.copy()
    pen = ImageDraw.Draw(fenced)
    for f in frames:
        x0, y0, x1, y1 = f.bar
        for x in (x0 + (y1 - y0), x1 - 1 - (y1 - y0)):
            pen.line([(x, y0 + 1), (x, y1 - 2)], fill=(0, 0, 0))
    assert [f.bar for f in find_frames(fenced)] == [f.bar for f in frames]


def test_a_window_with_its_buttons_at_the_left_end_is_found() -> None:
    """A window manager may put every button at the bar's left end (marco's and metacity's button
    layouts), nothing at its right end: the picture mirrored (metacity's dark bar over a dark page,
    its buttons now at the left) holds its window as the picture itself does."""
    image, windows = _screen("form-metacity-chromium-dark-inter")
    frames = find_frames(ImageOps.mirror(image))
    assert len(frames) == len(windows) == 1
    x0, y0, x1, y1 = _box(windows[0])
    mirrored = (image.width - x1, y0, image.width - x0, y1)
    assert max(abs(a - b) for a, b in zip(frames[0].box, mirrored, strict=True)) <= 2


def test_a_line_of_text_between_two_blocks_is_no_bar_with_buttons_at_its_left() -> None:
    """Review 22, item 1: where no bar has buttons at its right end (any picture without a window's
    bar: a window's content grabbed alone, a page), the left-buttons rule took a docs page's one line
    "Then print a test label:" between two grey code blocks for a bar, and the page's second half
    was read first. A bar's buttons have a title after them; that line has nothing after its words."""
    image, _ = _screen("multi-docs-page-terminal")
    assert find_frames(image.crop((64, 83, 1118, 983))) == []


@pytest.mark.parametrize("name", ["multi-xfwm-side-dark-vim-man", "multi-xfwm-daloa-less-nano"])
def test_the_one_coloured_bar_is_the_active_one_even_where_it_is_the_paler(name: str) -> None:
    """A window manager may paint the active bar in its accent colour and pale (Window Maker's Fire:
    red to yellow to white), or only a tab behind its title (sawfish's Crux and microGUI: a blue tab
    on a grey bar), beside a darker grey inactive bar: the bars' ground colours alone then name the
    inactive one, or none. Here xfwm4's coloured active bar is washed halfway to white and the grey
    inactive bar darkened: the bar that holds colour is still the active one, read first."""
    image, windows = _screen(name)
    px = np.asarray(image).copy()
    for w in windows:
        x, y, width, _ = w["frame"]
        rows, cols = slice(y, w["client"][1]), slice(x, x + width)
        bar = px[rows, cols].astype(np.float32)
        px[rows, cols] = (0.5 * bar + 127 if w["active"] else 0.4 * bar).astype(np.uint8)
    frames = find_frames(Image.fromarray(px))
    active = next(w for w in windows if w["active"])
    assert len(frames) == len(windows)
    assert frames[0].active and abs(frames[0].bar[1] - active["frame"][1]) <= 2
    assert not any(f.active for f in frames[1:])


def test_a_footless_bar_drawn_unlike_every_other_is_found_by_their_height() -> None:
    """openbox's Breeze-ob paints the inactive "Battery" bar in the grey of its Qt body, so its foot
    does not show. On the whole screen another inactive bar drawn alike stands in for the foot; in
    this part of the screen (the third window left out) only the active bar is in view, and it is
    blue. One window manager draws every bar of one height: a band that high under a top edge, with
    its frame running down from both ends and its buttons at one end, is a bar too."""
    image, windows = _screen("multi-three-small-apart")
    left, top = 400, 300
    frames = find_frames(image.crop((left, top, image.width, image.height)))
    shown = [w for w in windows if w["frame"][0] >= left and w["frame"][1] >= top]
    assert len(frames) == len(shown) == 2
    for frame, window in zip(frames, shown, strict=True):
        x0, y0, x1, y1 = _box(window)
        assert (
            max(
                abs(a - b) for a, b in zip(frame.box, (x0 - left, y0 - top, x1 - left, y1 - top), strict=True)
            )
            <= 2
        )
    assert frames[0].active and not frames[1].active
