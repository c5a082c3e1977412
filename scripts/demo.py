"""The README's first command: describe pictures the project draws itself, out loud.

The pictures (scripts/render_sample.py) are a bar chart and a notes window: things the assistant
describes correctly — the chart's kind, title and axis labels, the window's text. A demo must show
the truth; a drawn dog, which the captioner (trained on photos) cannot name, showed only its limits.

Without a sound card (CI, servers, this project's build machines) the speech goes into
``demo-output/demo.wav`` instead, and its length is printed so you can see that something was said.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

from render_sample import render_demo

from assistant.cli import main
from assistant.speech import has_audio_output


def run(out_dir: Path = Path("demo-output"), aloud: bool | None = None) -> int:
    """Draw the pictures into ``out_dir``, describe them, speak (``aloud``; default: if there is sound)."""
    pictures = render_demo(out_dir)
    names = " and ".join(str(p) for p in pictures)
    print(f"Describing {names} (pictures drawn by scripts/render_sample.py) ...", flush=True)
    args = ["describe", *(str(p) for p in pictures)]
    if has_audio_output() if aloud is None else aloud:
        return main(args)
    wav = out_dir / "demo.wav"
    code = main([*args, "--wav", str(wav)])
    if code == 0 and wav.is_file():
        with wave.open(str(wav)) as handle:
            seconds = handle.getnframes() / handle.getframerate()
        reason = "No sound card here: t" if aloud is None else "T"
        print(f"{reason}he speech is in {wav} ({seconds:.1f} s).")
    return code


if __name__ == "__main__":
    sys.exit(run())
