"""The README's first command: describe a picture the project draws itself, out loud.

Without a sound card (CI, servers, this project's build machines) the speech goes into
``demo.wav`` instead, and its length is printed so you can see that something was said.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

from render_sample import render

from assistant.cli import main
from assistant.speech import has_audio_output


def run() -> int:
    out_dir = Path("demo-output")
    picture = render(out_dir / "sample.png")
    print(f"Describing {picture} (a picture drawn by scripts/render_sample.py) ...")
    if has_audio_output():
        return main(["describe", str(picture)])
    wav = out_dir / "demo.wav"
    code = main(["describe", str(picture), "--wav", str(wav)])
    if code == 0 and wav.is_file():
        with wave.open(str(wav)) as handle:
            seconds = handle.getnframes() / handle.getframerate()
        print(f"No sound card here: the speech is in {wav} ({seconds:.1f} s).")
    return code


if __name__ == "__main__":
    sys.exit(run())
