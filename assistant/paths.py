"""Where the project's files live: shipped resources, the user's cache and config.

Resources are found in two layouts: an installed wheel carries them as ``assistant/resources``
(hatch force-includes the top-level ``resources/`` folder there), and a checkout or editable
install has them at ``<repo>/resources``. Nothing here touches the network.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "assistant"
DEFAULT_MODEL_NAME = "flickr8k-lite2-lstm"


def resources_dir() -> Path:
    """The folder holding ``models/``, ``sounds/`` and ``icons/``."""
    override = os.environ.get("ASSISTANT_RESOURCES")
    if override:
        return Path(override)
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "resources"
    if installed.is_dir():
        return installed
    return package_dir.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path below :func:`resources_dir` (it may not exist; callers say so clearly)."""
    return resources_dir().joinpath(*parts)


def default_model_dir() -> Path:
    return resource_path("models", DEFAULT_MODEL_NAME)


def cache_dir() -> Path:
    """Per-user cache (feature caches, training runs); ``ASSISTANT_CACHE_DIR`` overrides it."""
    override = os.environ.get("ASSISTANT_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir(APP_NAME))


def config_dir() -> Path:
    override = os.environ.get("ASSISTANT_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get("ASSISTANT_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME))


#: A Unix socket's path must fit ``sockaddr_un.sun_path`` (108 bytes with the final NUL on Linux).
MAX_SOCKET_PATH = 107


def runtime_dir() -> Path:
    """A folder only this user can enter, for the IPC socket and its lock: created 0700 and checked.

    Why so careful: whoever owns the folder the socket lives in can make the app think it is already
    running and receive the paths of files the user describes. So the folder is never a predictable name
    in a shared place like ``/tmp`` (another user could create it first). In order:
    ``$XDG_RUNTIME_DIR/assistant`` when ``$XDG_RUNTIME_DIR`` is the user's own private folder (the XDG
    spec's promise, checked here, not trusted), else ``/run/user/<uid>/assistant`` under the same check,
    else ``<cache>/run`` in the user's own cache folder. The chosen folder must be a real directory (not
    a symlink) owned by this user with no access for others; a folder of ours with loose permissions is
    tightened, one owned by anyone else raises :class:`UnsafeFolderError`.
    """
    from assistant.errors import UnsafeFolderError

    if not hasattr(os, "getuid"):  # Windows: named pipes, private through Qt's UserAccessOption
        return cache_dir() / "run"
    for parent in (os.environ.get("XDG_RUNTIME_DIR", ""), f"/run/user/{os.getuid()}"):
        if parent and private_folder_problem(Path(parent)) is None:
            folder = Path(parent) / APP_NAME
            break
    else:
        folder = cache_dir() / "run"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UnsafeFolderError(f"I cannot create my private folder {folder} ({error.strerror}).") from None
    problem = private_folder_problem(folder, tighten=True)
    if problem is not None:
        raise UnsafeFolderError(f"My private folder {folder} {problem}, so I will not use it.")
    return folder


def private_folder_problem(folder: Path, tighten: bool = False) -> str | None:
    """Why ``folder`` is not a private folder of this user (None when it is).

    ``tighten``: a real folder owned by this user whose mode lets others in is chmod-ed to 0700 first.
    """
    try:
        info = os.lstat(folder)
    except OSError:
        return "cannot be read"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a folder"
    if info.st_uid != os.getuid():
        return "belongs to another user"
    if info.st_mode & 0o077:
        if not tighten:
            return "can be entered by other users"
        try:  # through a descriptor opened without following links: no swap between check and chmod
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
            try:
                if os.fstat(fd).st_uid != os.getuid():
                    return "belongs to another user"
                os.fchmod(fd, 0o700)
            finally:
                os.close(fd)
        except OSError:
            return "can be entered by other users"
    return None
