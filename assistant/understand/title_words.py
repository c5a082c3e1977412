"""A window's exact title as a word list for OCR's reading of the same window (issue #15).

On a live screen the desktop gives each window's title exactly, and a window often shows its
title's text again: a terminal's prompt is its title without the space ("root@nas: /srv" over
"root@nas:/srv#", bash's default title), an editor's file name is in its text. Those are the words
an engine misreads most (punctuation between letters: "root@nast/srv#", "root@nas /srv#",
'root@router:"#' for "root@router:~#"), and a misread prompt costs a listener the place the
listing was made. So a word (or two words read apart) that is one letter away from a long word
of the title (or the whole title without its spaces), the prompt's last mark aside, is read as
the title writes it. Short words are never touched: one letter makes another word of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.ocr.boxes import OcrLine, OcrWord, union_box

PROMPT_ENDS = "$#%>"  # what ends a shell's prompt
PLACE_MARKS = "@:/~"  # a title with one of these names a place: user@host: directory


@dataclass(frozen=True)
class TitleWordsConfig:
    shortest: int = 8  # characters: a title word shorter than this is not used
    edits: int = 1  # letters added, dropped or changed at most


def title_words(title: str, cfg: TitleWordsConfig | None = None) -> tuple[set[str], str | None]:
    """The words of ``title`` to correct others with: long ones with a mark or digit among their
    letters (a name: "letter.txt"; a plain word one letter from another is that other word,
    "Document" and "Documents"); or, where the title names a place ("root@nas: /srv"), none but
    the title without its spaces, as a prompt shows it (its parts alone are other words: "ssh
    root@nas" is no misread "root@nas:")."""
    cfg = cfg or TitleWordsConfig()

    def marked(word: str) -> bool:
        return len(word) >= cfg.shortest and not word.isalpha()

    joined = "".join(title.split())
    if any(ch in PLACE_MARKS for ch in title):  # its words are the place's parts ("root@nas:")
        return set(), joined if marked(joined) else None
    return {w.rstrip(",;:") for w in title.split() if marked(w.rstrip(",;:"))}, None


def _distance(a: str, b: str, most: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``most + 1`` once it is sure to be larger."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > most:
            return most + 1
    return row[-1]


def _match(text: str, words: set[str], place: str | None, cfg: TitleWordsConfig) -> str | None:
    """The title's spelling of ``text`` (its prompt mark kept), or None when none is that close. A
    prompt is matched with the whole place only ("root@router:#" is "root@router:~#", not the
    title's first word and a mark)."""
    end = text[-1] if text and text[-1] in PROMPT_ENDS else ""
    body = text[: len(text) - len(end)]
    pool = ({place} if place else set()) if end else words | ({place} if place else set())
    if body in pool:
        return None  # spelt as the title spells it already
    for word in sorted(pool, key=lambda w: (-len(w), w)):  # the longest first, always alike
        if _distance(body, word, cfg.edits) <= cfg.edits:
            return word + end
    return None


def _corrected_line(line: OcrLine, words: set[str], place: str | None, cfg: TitleWordsConfig) -> OcrLine:
    out: list[OcrWord] = []
    i, changed = 0, False
    while i < len(line.words):
        here = line.words[i]
        pair = line.words[i : i + 2]
        if len(pair) == 2 and (fixed := _match(pair[0].text + pair[1].text, words, place, cfg)):
            box = union_box([w.box for w in pair])
            out.append(OcrWord(fixed, box, min(w.confidence for w in pair)))
            i, changed = i + 2, True
        elif (fixed := _match(here.text, words, place, cfg)) is not None:
            out.append(OcrWord(fixed, here.box, here.confidence))
            i, changed = i + 1, True
        else:
            out.append(here)
            i += 1
    return OcrLine.of(out, line.confidence) if changed else line


def corrected(lines: list[OcrLine], title: str, cfg: TitleWordsConfig | None = None) -> list[OcrLine]:
    """``lines`` (one window's) with the words that misread a long word of its ``title`` spelt as
    the title spells them (lines without words, and everything else, as they were)."""
    cfg = cfg or TitleWordsConfig()
    words, place = title_words(title, cfg)
    if not words and place is None:
        return lines
    return [_corrected_line(ln, words, place, cfg) if ln.words else ln for ln in lines]
