"""``python -m assistant.speech.pyttsx3_save OUT.wav``: pyttsx3 writes stdin's text into a WAV.

Run as a child process by the WAV backend where espeak-ng is missing: pyttsx3's drivers keep global
state (espeak's callback, SAPI's COM apartment) that a second in-process engine trips over, and a
process can be killed when the utterance is interrupted. Kept out of the package's imports so
``-m`` runs it cleanly.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    from pyttsx3.engine import Engine

    parser = argparse.ArgumentParser(description="Write text from stdin into a WAV with pyttsx3.")
    parser.add_argument("--save", required=True)
    parser.add_argument("--rate", type=int, default=175)
    parser.add_argument("--volume", type=float, default=1.0)
    parser.add_argument("--voice", default=None)
    args = parser.parse_args(argv)
    text = sys.stdin.read()
    engine = Engine()
    engine.setProperty("rate", args.rate)
    engine.setProperty("volume", args.volume)
    if args.voice:
        for voice in engine.getProperty("voices") or []:
            if args.voice.lower() in f"{voice.id} {voice.name}".lower():
                engine.setProperty("voice", voice.id)
                break
    engine.save_to_file(text, args.save)
    engine.runAndWait()
    # pyttsx3 2.99's espeak driver returns from runAndWait() while espeak still synthesises on its
    # own thread and writes the file at the end; wait for it (SAPI5/NSSS are done already).
    deadline = time.monotonic() + 60
    while not os.path.exists(args.save) and time.monotonic() < deadline:
        time.sleep(0.02)
    size = -1
    while os.path.exists(args.save) and os.path.getsize(args.save) != size and time.monotonic() < deadline:
        size = os.path.getsize(args.save)  # written in one go; a stable size means complete
        time.sleep(0.05)
    return 0 if os.path.exists(args.save) else 1


if __name__ == "__main__":
    raise SystemExit(main())
