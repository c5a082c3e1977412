"""Speech latency, measured on real audio: first sound after ``say()``, silence after ``stop()``.

There is no sound card here, so the script starts a private PulseAudio with a null sink (which
consumes audio at the real playback rate) and records that sink's monitor in 10 ms blocks: the
first loud block after ``say()`` is the first-audio latency, the last loud block after ``stop()``
is when speech really fell silent. Backends: espeak-ng (with and without sentence splitting) and
speech-dispatcher (playing into the same sink). Prints a table and one JSON line.

    .venv/bin/python benchmarks/speech_latency.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.speech import Speaker, SpeechOptions
from assistant.speech.espeak import EspeakSpeaker
from assistant.speech.speechd import SpeechdSpeaker
from tests.support.sandbox import NullPulseServer, PrivateSpeechDispatcher, SinkMonitor

TEN_WORDS = "A short sentence of exactly ten words is right here."
SENTENCE = "The window shows a toolbar with six buttons, a text area and a status bar."  # 15 words
THREE_HUNDRED_WORDS = " ".join([SENTENCE] * 20)


def _ms(seconds: float) -> float:
    return round(1000 * seconds, 1)


def first_audio(speaker: Speaker, monitor: SinkMonitor, text: str) -> float:
    t0 = time.monotonic()
    speaker.say(text)
    latency = monitor.first_sound_after(t0, timeout=10)
    if latency is None:
        raise RuntimeError(f"{speaker.name}: no sound reached the sink")
    return latency


def stop_latency(speaker: Speaker, monitor: SinkMonitor) -> tuple[float, float]:
    """(seconds until stop() returned, seconds until the sink was silent)."""
    speaker.say(THREE_HUNDRED_WORDS)
    if monitor.first_sound_after(time.monotonic() - 0.01, timeout=10) is None:
        raise RuntimeError(f"{speaker.name}: no sound to stop")
    time.sleep(1.0)
    t0 = time.monotonic()
    speaker.stop()
    returned = time.monotonic() - t0
    silent = monitor.last_sound_after(t0, quiet=0.5)
    if silent is None:
        raise RuntimeError(f"{speaker.name}: never fell silent")
    speaker.wait(5)
    return returned, silent


def measure(speaker: Speaker, monitor: SinkMonitor, repeats: int) -> dict[str, float]:
    short, long = [], []
    for _ in range(repeats):
        short.append(first_audio(speaker, monitor, TEN_WORDS))
        speaker.stop()
        time.sleep(0.3)
        long.append(first_audio(speaker, monitor, THREE_HUNDRED_WORDS))
        speaker.stop()
        time.sleep(0.3)
    returned, silent = zip(*(stop_latency(speaker, monitor) for _ in range(repeats)), strict=True)
    return {
        "first_audio_10w_ms": _ms(statistics.median(short)),
        "first_audio_300w_ms": _ms(statistics.median(long)),
        "stop_call_ms": _ms(statistics.median(returned)),
        "stop_silence_ms": _ms(statistics.median(silent)),
        "stop_silence_max_ms": _ms(max(silent)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with NullPulseServer() as pulse, pulse.monitor() as monitor:
        os.environ.update(pulse.env())
        warm = EspeakSpeaker(SpeechOptions())
        first_audio(warm, monitor, "Warming up the sound server.")  # the first stream on a new sink is slow
        warm.close()
        speaker = EspeakSpeaker(SpeechOptions())
        results["espeak"] = measure(speaker, monitor, args.repeats)
        speaker.split_text = False  # the same engine, handed whole texts
        unsplit = {}
        for _ in range(args.repeats):
            unsplit.setdefault("v", []).append(first_audio(speaker, monitor, THREE_HUNDRED_WORDS))
            speaker.stop()
            time.sleep(0.3)
        results["espeak"]["first_audio_300w_unsplit_ms"] = _ms(statistics.median(unsplit["v"]))
        speaker.close()
        if shutil.which("speech-dispatcher"):
            with PrivateSpeechDispatcher(audio=pulse) as server:
                sd = SpeechdSpeaker(SpeechOptions(), socket_path=server.socket, autospawn=False)
                first_audio(sd, monitor, "Warming up.")
                sd.wait(10)
                results["speechd"] = measure(sd, monitor, args.repeats)
                sd.close()
    print(f"speech latency, median of {args.repeats} (null PulseAudio sink, monitor in 10 ms blocks)")
    print(
        f"{'backend':10} {'1st audio 10w':>14} {'1st audio 300w':>15} "
        f"{'stop() returns':>15} {'silent after':>13}"
    )
    for name, r in results.items():
        print(
            f"{name:10} {r['first_audio_10w_ms']:11.0f} ms {r['first_audio_300w_ms']:12.0f} ms "
            f"{r['stop_call_ms']:12.1f} ms {r['stop_silence_ms']:10.0f} ms"
        )
    esp = results["espeak"]
    print(
        "espeak 300 words without sentence splitting: first audio "
        f"{esp['first_audio_300w_unsplit_ms']:.0f} ms"
    )
    ok = esp["first_audio_300w_ms"] < esp["first_audio_10w_ms"] + 50
    print(f"300-word first audio within 10-word + 50 ms: {'yes' if ok else 'NO'}")
    print(json.dumps({"benchmark": "speech_latency", "repeats": args.repeats, **results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
