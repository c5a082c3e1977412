"""The files of a model folder, their checksums, and a check that they are there and intact.
Torch-free, so the app can say "the model is missing" or "damaged" without loading a deep-learning
framework.

Why checksums: safetensors only notices a file whose header no longer fits; flipped bytes in the
tensors load silently and caption nonsense ("A photo.", confidence 1.0), and the ONNX path never read
``config.json`` at all. So every model folder carries ``SHA256SUMS`` (the ``sha256sum`` format, so
``sha256sum -c SHA256SUMS`` checks it by hand too), written whenever a folder is saved or exported and
verified before anything in it is used. A folder without one (made by an older version) is used with a
logged warning; a file that does not match is a :class:`ModelError`, never a silent fallback.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from assistant import safe_json
from assistant.errors import ModelError
from assistant.regular_files import open_regular

log = logging.getLogger(__name__)

WEIGHTS_FILE = "model.safetensors"
CONFIG_FILE = "config.json"
VOCAB_FILE = "vocab.json"
CHECKSUMS_FILE = "SHA256SUMS"

#: The captioner folder format, read here (torch-free) and by :mod:`assistant.vision.model.checkpoint`.
FORMAT_NAME = "assistant-captioner"
#: 2: the decoder may be a Transformer (``kind``) or an ensemble (``members``). A version-1 reader cannot
#: build either; seeing 2 it says "update the assistant" instead of calling the folder damaged.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)  # a version-1 folder is a single attention LSTM

_MANIFEST_LINE = re.compile(r"^([0-9a-f]{64}) [ *]([^/\\\x00]+)$")
_MAX_MANIFEST_BYTES = 64 * 1024
_CHUNK = 1 << 20
# (path, size, mtime, inode, ctime) -> sha256: a folder verified once in a process is not hashed again.
_verified: dict[tuple[str, int, int, int, int], str] = {}


def check_model_files(directory: Path) -> Path:
    """Check that a captioner folder is there, complete, intact (its checksums) and of a version this
    assistant reads; :class:`ModelError` with one sentence otherwise. Reads the files once per process
    (about 0.1 s for the shipped model), never builds the model."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ModelError(f"The captioning model is missing: no folder {directory}.")
    for name in (WEIGHTS_FILE, CONFIG_FILE, VOCAB_FILE):
        if not (directory / name).is_file():
            raise ModelError(f"The captioning model is incomplete: {name} is missing in {directory}.")
    verify_manifest(directory, "The captioning model")
    check_config_header(directory)
    return directory


def check_config_header(directory: Path) -> dict[str, Any]:
    """``config.json`` parsed, bounded, and of a format and version this assistant reads."""
    try:
        data = safe_json.read_file(Path(directory) / CONFIG_FILE, max_bytes=1_000_000)
    except (ValueError, OSError) as error:
        raise ModelError(f"The captioning model's configuration is damaged ({error}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ModelError("This folder does not hold an assistant captioning model.")
    version = data.get("format_version")
    if version not in READABLE_VERSIONS:
        raise ModelError(
            f"The captioning model has format version {version}; this assistant reads versions up to "
            f"{FORMAT_VERSION}. Update the assistant or the model."
        )
    return data


def sha256_file(path: Path) -> str:
    """The SHA-256 of a regular file, in chunks (memory stays flat for big weights)."""
    handle, _size = open_regular(path)
    digest = hashlib.sha256()
    with handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(directory: Path, names: Iterable[str] | None = None) -> Path:
    """Write ``SHA256SUMS`` for ``names`` (default: every file but the manifest and ``*.md`` notes,
    which may be edited freely). Call it last, after every file of the folder is written."""
    directory = Path(directory)
    if names is None:
        names = (p.name for p in directory.iterdir() if p.is_file() and p.suffix != ".md")
    chosen = sorted(set(names) - {CHECKSUMS_FILE})
    lines = "".join(f"{sha256_file(directory / name)}  {name}\n" for name in chosen)
    fd, tmp = tempfile.mkstemp(prefix=".sums-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="ascii", newline="\n") as handle:
            handle.write(lines)
        os.chmod(tmp, 0o644)
        os.replace(tmp, directory / CHECKSUMS_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return directory / CHECKSUMS_FILE


def read_manifest(directory: Path, what: str) -> dict[str, str] | None:
    """``name -> sha256`` from the folder's ``SHA256SUMS``; None when it has none."""
    path = Path(directory) / CHECKSUMS_FILE
    if not path.exists() and not path.is_symlink():
        return None
    try:
        handle, _size = open_regular(path)
        with handle:
            text = handle.read(_MAX_MANIFEST_BYTES + 1).decode("ascii")
    except (OSError, UnicodeDecodeError):
        raise ModelError(f"{what} is damaged: its list of checksums cannot be read.") from None
    entries: dict[str, str] = {}
    for line in text.splitlines():
        match = _MANIFEST_LINE.match(line)
        if match is None or match.group(2) in (".", "..") or len(text) > _MAX_MANIFEST_BYTES:
            raise ModelError(f"{what} is damaged: its list of checksums is malformed.")
        entries[match.group(2)] = match.group(1)
    if not entries:
        raise ModelError(f"{what} is damaged: its list of checksums is empty.")
    return entries


def verify_manifest(directory: Path, what: str = "The model") -> bool:
    """Every file listed in ``SHA256SUMS`` is there and matches; False (logged) when there is no list.

    Raises :class:`ModelError` naming the first file that is missing or does not match.
    """
    directory = Path(directory)
    entries = read_manifest(directory, what)
    if entries is None:
        log.info("%s in %s has no %s; its files cannot be verified", what, directory, CHECKSUMS_FILE)
        return False
    for name, expected in entries.items():
        path = directory / name
        try:
            info = os.stat(path)
        except OSError:
            raise ModelError(f"{what} is incomplete: {name} is missing in {directory}.") from None
        key = (str(path.resolve()), info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        actual = _verified.get(key)
        if actual is None:
            try:
                actual = sha256_file(path)
            except OSError:
                raise ModelError(f"{what} is damaged: {name} cannot be read.") from None
        if actual != expected:
            raise ModelError(
                f"{what} is damaged: {name} does not match its checksum. "
                "Reinstall the assistant, or save or export the model again."
            )
        _verified[key] = actual
    return True


def verified_sha256(path: Path) -> str | None:
    """The SHA-256 this process verified ``path`` against its folder's ``SHA256SUMS``, if it did and the
    file is unchanged since (same size, times and inode); None otherwise. For data derived from a
    verified file (a cache keyed by its content) without hashing it twice."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    key = (str(Path(path).resolve()), info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    return _verified.get(key)


class _MadeForAnEncoder(Protocol):
    @property
    def config(self) -> Any: ...  # with an ``encoder`` name


_Extra = TypeVar("_Extra", bound=_MadeForAnEncoder)


def load_optional_extra(
    directory: Path, load: Callable[[Path], _Extra], encoder: str | None, purpose: str
) -> _Extra | None:
    """An optional model folder made for ``encoder``'s grid (the image-text model, the caption
    memory), or None when it cannot apply: absent, damaged (logged as "``purpose`` off: why";
    describing must not fail because of an extra), or made for another encoder (its scores would be
    meaningless on this grid)."""
    if not directory.is_dir():
        return None
    try:
        verify_manifest(directory, purpose)
        extra = load(directory)
    except ModelError as error:
        logging.getLogger(__name__).warning("%s off: %s", purpose, error)
        return None
    if encoder is None or extra.config.encoder != encoder:
        return None
    return extra


def save_head_folder(
    directory: Path,
    arrays: dict[str, Any],
    config: dict[str, Any],
    *,
    format_name: str,
    version: int,
    weights: str,
    texts: dict[str, Any] | None = None,
) -> None:
    """A small head's folder as :func:`load_head_folder` reads it: the ``weights`` safetensors of
    ``arrays``, each of ``texts`` (name -> JSON value), ``config.json`` (``format_name`` at
    ``version``, then ``config``'s keys), and last the checksums of them all."""
    import json

    from safetensors.numpy import save

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / weights).write_bytes(save(arrays))
    for name, value in (texts or {}).items():
        (directory / name).write_text(json.dumps(value, indent=0) + "\n", encoding="utf-8")
    head = {"format": format_name, "format_version": version, **config}
    (directory / "config.json").write_text(json.dumps(head, indent=2) + "\n", encoding="utf-8")
    write_manifest(directory, (weights, *(texts or {}), "config.json"))  # last: their checksums


_Head = TypeVar("_Head")


def load_head_folder(
    directory: Path,
    build: Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], _Head],
    *,
    format_name: str,
    version: int,
    what: str,
    a_what: str,
    weights: str,
    texts: tuple[str, ...] = (),
) -> _Head:
    """A small head's folder (the ImageNet head, the icon-and-drawing head, the person probe): its
    ``config.json`` (of ``format_name`` at ``version``), its ``weights`` safetensors arrays and its
    other JSON ``texts``, handed to ``build(config, arrays, texts)``. Anything missing, foreign,
    newer or damaged, in the files or in what ``build`` reads from them, is a :class:`ModelError` of
    one sentence naming ``what`` ("ImageNet head"; ``a_what``: "an ImageNet head")."""
    import json

    from safetensors import SafetensorError
    from safetensors.numpy import load_file

    directory = Path(directory)
    for name in (weights, *texts, "config.json"):
        if not (directory / name).is_file():
            raise ModelError(f"The {what} is incomplete: {name} is missing in {directory}.")
    try:
        config: Any = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        if not isinstance(config, dict) or config.get("format") != format_name:
            raise ModelError(f"This folder does not hold {a_what}.")
        if config.get("format_version") != version:
            raise ModelError(f"This {what} was written by a newer assistant; update the assistant.")
        read = {name: json.loads((directory / name).read_text(encoding="utf-8")) for name in texts}
        return build(config, load_file(str(directory / weights)), read)
    except ModelError:
        raise
    except (SafetensorError, OSError, ValueError, KeyError, TypeError) as error:
        raise ModelError(f"The {what} is damaged ({error}).") from None
