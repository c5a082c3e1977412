"""Session 9's calculator scenes (issue #15, helper "keypads"), all half A.

Imported by ``scenes.py`` (its ``SCENES``). Every word is written here or is what a program prints
about files made here; the truth comes from the programs, as for every other scene (``capture.py``).

Calculators were still the kind read worst on the reporting half, and half A had no monochrome
xcalc in TI mode at its default font, no Qt scientific keypad in the Fusion style and no colour
xcalc in RPN mode: these screens are of those looks, with key sets, sizes, fonts, themes and places
of our own.
"""

from __future__ import annotations

from typing import Any

from programs import SpecWindow, xcalc
from scenes import HD, WX, Scene

# Scientific key sets of our own (the labels a scientific calculator commonly shows).
_SCI_MEMORY = [
    ["MC", "MR", "M+", "M−", "C"],
    ["sin", "cos", "tan", "n!", "mod"],
    ["x²", "√", "1/x", "(", ")"],
    ["7", "8", "9", "÷", "π"],
    ["4", "5", "6", "×", "e"],
    ["1", "2", "3", "−", "Exp"],
    ["±", "0", ".", "+", "="],
]
_SCI_WIDE = [
    ["Rad", "Deg", "x!", "(", ")", "%"],
    ["asin", "sin", "ln", "7", "8", "9"],
    ["acos", "cos", "log", "4", "5", "6"],
    ["atan", "tan", "√", "1", "2", "3"],
    ["Inv", "π", "e", "0", ".", "="],
]
_SCI_SMALL = [
    ["sinh", "cosh", "tanh", "x^y", "10^x"],
    ["ln", "log", "x³", "∛", "|x|"],
    ["Ans", "7", "8", "9", "÷"],
    ["Rnd", "4", "5", "6", "×"],
    ["nPr", "1", "2", "3", "−"],
    ["nCr", "0", "±", "+", "="],
]
_TK_KEYS = [
    ["CE", "C", "%", "/"],
    ["7", "8", "9", "*"],
    ["4", "5", "6", "-"],
    ["1", "2", "3", "+"],
    ["+/-", "0", ".", "="],
]


def _qt_keypad(
    title: str,
    pos: tuple[int, int],
    font: list[Any],
    display: str,
    rows: list[list[str]],
    key: tuple[int, int],
    gap: int,
) -> SpecWindow:
    """A Qt window in Qt's default Fusion style: a sunken display over a grid of push buttons."""
    return SpecWindow(
        title,
        pos,
        toolkit="qt",
        spec={
            "font": font,
            "body": [
                {"type": "display", "text": display, "font": ["DejaVu Sans Mono", 18]},
                {"type": "grid", "rows": rows, "key_w": key[0], "key_h": key[1], "gap": gap},
            ],
        },
    )


def keypads_scenes() -> list[Scene]:
    return [
        Scene(
            "calc-xcalc-ti-mono-hd",
            "calculator",
            HD,
            "xcalc (TI-30 mode, monochrome) at its default font and size, right of the middle",
            [xcalc((1150, 420))],
            half="A",
        ),
        Scene(
            "calc-xcalc-ti-mono-natura",
            "calculator",
            WX,
            "xcalc (TI-30 mode, monochrome) at its default font, near the top left, Natura openbox theme",
            [xcalc((90, 60))],
            theme="Natura",
            background="#56705a",
            half="A",
        ),
        Scene(
            "calc-xcalc-ti-mono-large",
            "calculator",
            WX,
            "xcalc (TI-30 mode, monochrome) stretched to 330x470, default font, Onyx openbox theme",
            [xcalc((640, 150), size=(330, 470))],
            theme="Onyx",
            background="#303030",
            half="A",
        ),
        Scene(
            "calc-xcalc-rpn-steel",
            "calculator",
            WX,
            "xcalc -rpn with the colour customisation and steel-blue keys of ours, Natura openbox theme",
            [
                xcalc(
                    (300, 200),
                    color=True,
                    rpn=True,
                    size=(440, 230),
                    xrm=["XCalc*hp.Command.background: #3d6b8c", "XCalc*hp.background: #dde4ea"],
                )
            ],
            theme="Natura",
            background="#44505c",
            half="A",
        ),
        Scene(
            "calc-xcalc-rpn-color-wide",
            "calculator",
            HD,
            "xcalc -rpn with the colour customisation, widened to 560x260, Clearlooks",
            [xcalc((260, 520), color=True, rpn=True, size=(560, 260))],
            half="A",
        ),
        Scene(
            "calc-qt-fusion-memory",
            "calculator",
            HD,
            "a Qt (Fusion) scientific calculator of ours: display and a 7x5 keypad with memory keys",
            [
                _qt_keypad(
                    "Scientific Calculator",
                    (700, 240),
                    ["DejaVu Sans", 11],
                    "2.718281828",
                    _SCI_MEMORY,
                    (60, 36),
                    4,
                )
            ],
            half="A",
        ),
        Scene(
            "calc-qt-fusion-wide",
            "calculator",
            WX,
            "a Qt (Fusion) scientific keypad of ours: 5x6 keys, Noto Sans 10, a wide window",
            [_qt_keypad("Calc", (380, 150), ["Noto Sans", 10], "0.5", _SCI_WIDE, (70, 32), 3)],
            theme="Bear2",
            background="#4a5d73",
            half="A",
        ),
        Scene(
            "calc-qt-fusion-small",
            "calculator",
            HD,
            "a Qt (Fusion) scientific keypad of ours: 6x5 small keys, Liberation Sans 9",
            [_qt_keypad("Sci", (1300, 600), ["Liberation Sans", 9], "-17.25", _SCI_SMALL, (48, 28), 2)],
            half="A",
        ),
        Scene(
            "calc-tk-default",
            "calculator",
            WX,
            "a Tk calculator of ours in Tk's default look (raised keys, default font)",
            [
                SpecWindow(
                    "Tk Calculator",
                    (700, 300),
                    spec={"body": [{"type": "display", "text": "84"}, {"type": "grid", "rows": _TK_KEYS}]},
                )
            ],
            half="A",
        ),
    ]
