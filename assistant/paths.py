"""Where the project's files live: shipped resources, the user's cache and config.

Resources are found in two layouts: an installed wheel carries them as ``assistant/resources``
(hatch force-includes the top-level ``resources/`` folder there), and a checkout or editable
install has them at ``<repo>/resources``. Nothing here touches the network.
"""

from __future__ import annotations

import os
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
