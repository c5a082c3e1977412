"""How long a listener waits before they can steer: a live *describe screen* in parts (issue #15).

    .venv/bin/python benchmarks/speech_parts.py --half B            # report (the sizes were tuned on A)
    .venv/bin/python benchmarks/speech_parts.py --half A --limit 6

Each screen of datasets/screens is read as a live *describe screen* hands it over (the benchmark's
``assistant-live`` reader: the window stack, own windows painted out, verbosity "detailed" so that
nothing is cut for length), then cut into parts by :func:`assistant.speech.chunks.chunk_text`.
Every sentence (what a listener had to sit through before) and every part is spoken by espeak-ng
at 175 words a minute into a WAV file and timed. Prints, per screen and pooled: the whole
description's length, the longest sentence, the number of parts, the longest and median part, and
how far :func:`~assistant.speech.chunks.seconds_to_say` is from the real voice; then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

RATE = 175


def spoken_seconds(text: str, folder: Path) -> float:
    """espeak-ng's real speaking time for ``text`` at :data:`RATE` words a minute."""
    wav = folder / "say.wav"
    subprocess.run(["espeak-ng", "-s", str(RATE), "-w", str(wav), "--", text], check=True, timeout=120)
    with wave.open(str(wav)) as w:
        return w.getnframes() / w.getframerate()


def main() -> None:
    from screen_reading import LiveAssistantReader, load_truth

    from assistant.speech.chunks import chunk_text, seconds_to_say
    from assistant.speech.text import split_sentences

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B"), default="B")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    reader = LiveAssistantReader()
    whole, longest_sentence, longest_part, parts_n, part_secs, errors = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'screen':28} {'whole s':>8} {'longest sentence s':>19} {'parts':>6} {'longest part s':>15}")
        for truth in load_truth(args.half, args.limit):
            png = REPO / "datasets" / "screens" / truth["image"]
            text = reader.read(png, truth).text
            sentences = split_sentences(text, max_words=10_000, first_max_words=10_000)
            chunks = chunk_text(text)
            secs = [spoken_seconds(c.text, folder) for c in chunks]
            errors += [
                abs(s - seconds_to_say(c.text, RATE)) / s for c, s in zip(chunks, secs, strict=True) if s
            ]
            whole.append(sum(secs))
            longest_sentence.append(max(spoken_seconds(s, folder) for s in sentences))
            longest_part.append(max(secs))
            parts_n.append(len(chunks))
            part_secs += secs
            row = f"{whole[-1]:8.1f} {longest_sentence[-1]:19.1f} {len(chunks):6d} {max(secs):15.1f}"
            print(f"{truth['id']:28} {row}")
    figures = {
        "half": args.half,
        "screens": len(whole),
        "rate_wpm": RATE,
        "whole_s_median": round(statistics.median(whole), 1),
        "longest_sentence_s_max": round(max(longest_sentence), 1),
        "longest_sentence_s_median": round(statistics.median(longest_sentence), 1),
        "parts_median": statistics.median(parts_n),
        "part_s_median": round(statistics.median(part_secs), 1),
        "part_s_p95": round(sorted(part_secs)[int(0.95 * (len(part_secs) - 1))], 1),
        "longest_part_s_max": round(max(longest_part), 1),
        "estimate_error_median": round(statistics.median(errors), 3),
    }
    f = figures
    print(
        f"\nhalf {args.half}, {len(whole)} screens at {RATE} wpm (espeak-ng): a description takes "
        f"{f['whole_s_median']} s (median); its longest sentence {f['longest_sentence_s_median']} s "
        f"(median), {f['longest_sentence_s_max']} s at most; parts: {f['parts_median']} a screen, "
        f"{f['part_s_median']} s median, {f['part_s_p95']} s 95th percentile, "
        f"{f['longest_part_s_max']} s at most; speaking-time estimate off by "
        f"{100 * float(f['estimate_error_median']):.0f} % (median)"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
