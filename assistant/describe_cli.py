"""``assistant describe``: files or the screen -> printed (and spoken) descriptions.

Each image is described independently: a bad file gets its one-sentence message (printed, spoken,
and a non-zero exit code at the end) and the others are still described.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.describe import Describer, DescriberOptions, Description, ImageInput
from assistant.errors import AssistantError, ImageLoadError, ModelError

SPEECH_TIMEOUT_S = 300.0


def _speak(texts: list[str], args: argparse.Namespace) -> None:
    from assistant.speech import SpeechOptions, create_speaker

    backend = "wav" if args.wav else (args.speech or "auto")
    speaker = create_speaker(SpeechOptions(backend=backend, wav_path=args.wav))
    try:
        # One utterance: a WAV file then holds everything that was said, in order.
        speaker.say(" ".join(texts), interrupt=True)
        speaker.wait(timeout=SPEECH_TIMEOUT_S)
    finally:
        speaker.close()


def _as_json(description: Description, label: str) -> dict[str, Any]:
    data = asdict(description)
    data["image"] = label
    data["timings"] = {k: round(v, 1) for k, v in description.timings.items()}
    return data


def _folder_mode_wanted(args: argparse.Namespace) -> bool:
    """Folder mode (batched alt text, see assistant.folder_mode): a CSV asked for, or a folder with --json."""
    csv_path = getattr(args, "csv", None)
    return csv_path is not None or (args.json and any(path.is_dir() for path in args.paths))


def _folder_command(args: argparse.Namespace) -> int:
    from assistant.folder_mode import run_folder_mode
    from assistant.paths import default_model_dir
    from assistant.vision.inference.runtime import load_captioner

    if args.screen:
        print("assistant: --screen cannot be combined with folder mode.", file=sys.stderr)
        return 2
    described, failed = run_folder_mode(
        lambda: load_captioner(args.model or default_model_dir(), args.device, args.runtime),
        args.paths,
        recursive=args.recursive,
        json_out=sys.stdout if args.json else None,
        csv_path=args.csv,
        beam_size=args.beam,
        batch_size=args.batch_size,
    )
    summary = f"Described {described} of {described + failed} images"
    print(summary + (f"; {failed} could not be read." if failed else "."), file=sys.stderr)
    return 3 if failed else 0


def describe_command(args: argparse.Namespace) -> int:
    if not args.paths and not args.screen:
        print("assistant: give image files to describe, or --screen.", file=sys.stderr)
        return 2
    if _folder_mode_wanted(args):
        return _folder_command(args)
    describer = Describer(
        DescriberOptions(
            model_dir=args.model,
            device=args.device,
            beam_size=args.beam,
            verbosity=args.verbosity,
            runtime=args.runtime,
        )
    )
    spoken: list[str] = []
    exit_code = 0
    targets: list[Path | None] = list(args.paths)  # None: the screen
    if args.screen:
        targets.append(None)
    for target in targets:
        label = "--screen" if target is None else str(target)
        try:
            image: ImageInput
            if target is None:
                from assistant.capture.screen import create_screen_source

                with create_screen_source() as source:
                    image = source.grab_screen("pointer")
            elif target.is_dir():
                name = target.name or str(target)
                raise ImageLoadError(f"{name} is a folder; add --json or --csv to describe its images.")
            else:
                image = target
            description = describer.describe(image)
        except AssistantError as error:
            exit_code = exit_code or error.exit_code
            message = str(error)
            spoken.append(message)
            if args.json:
                print(json.dumps({"image": label, "error": message}), flush=True)
            else:
                print(f"assistant: {message}", file=sys.stderr, flush=True)
            if isinstance(error, ModelError):
                break  # every further image would fail the same way
            continue
        spoken.append(description.text)
        if args.json:
            print(json.dumps(_as_json(description, label), ensure_ascii=False), flush=True)
        else:
            prefix = f"{label}: " if len(targets) > 1 else ""
            print(prefix + description.text, flush=True)
    if spoken and (not args.no_speak or args.wav):
        try:
            _speak(spoken, args)
        except AssistantError as error:
            print(f"assistant: {error}", file=sys.stderr)
            exit_code = exit_code or error.exit_code
    return exit_code
