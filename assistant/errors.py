"""Errors that carry one short, human sentence.

Every failure a user can cause (a bad file, no display, a missing model) is raised as an
:class:`AssistantError` whose message is fit to be spoken aloud as it is; the CLI prints it
and exits non-zero, the app speaks it. Tracebacks are for bugs only.
"""


class AssistantError(Exception):
    """A failure with a message meant for the user, not for a developer."""

    exit_code = 1


class ImageLoadError(AssistantError):
    """The image could not be read: missing, not an image, truncated, too large."""

    exit_code = 3


class CaptureError(AssistantError):
    """The screen, a window or the clipboard could not be captured (no display, say)."""

    exit_code = 4


class ModelError(AssistantError):
    """The captioning model is missing, truncated or of an incompatible version."""

    exit_code = 5


class SpeechError(AssistantError):
    """No speech backend could speak."""

    exit_code = 6


class UnsafeFolderError(AssistantError):
    """A folder the assistant keeps private (its socket's) is owned or opened up by someone else."""

    exit_code = 7
