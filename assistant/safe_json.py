"""JSON from outside (the settings file, socket messages) with limits on size and nesting depth.

Why: Python's ``json`` parser recurses once per ``[`` or ``{``; 100,000 of them raise ``RecursionError``
(not a ``ValueError``), which crashed the app at start from a settings file and left a socket client
without a reply. Here the nesting is measured first, in one linear pass that never recurses, and
anything too large, too deep or malformed raises :class:`JsonLimitError` (a ``ValueError``) whose
message is one short sentence.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from assistant.regular_files import read_regular

#: Deeper than anything the assistant writes or reads (settings are 2 levels, commands 2).
MAX_DEPTH = 32

# One left-to-right pass over tokens: a string (with its escapes; an unterminated one runs to the end, so
# the scan stays linear) or a bracket. Brackets inside strings are thus never counted as nesting.
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[\[\]{}]', re.DOTALL)


class JsonLimitError(ValueError):
    """The JSON is too large, nested too deeply or not valid; the message says which, briefly."""


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (0 for a bare value), without recursion."""
    depth = deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def loads(data: str | bytes, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` that refuses ``data`` over ``max_bytes`` or nested deeper than ``max_depth``."""
    if len(data) > max_bytes:
        raise JsonLimitError(f"it is larger than {max_bytes:,} bytes")
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise JsonLimitError("it is not UTF-8 text") from None
    if nesting_depth(text) > max_depth:
        raise JsonLimitError(f"it is nested more than {max_depth} levels deep")
    try:
        return json.loads(text)
    except RecursionError:  # cannot happen below max_depth, but never let it out
        raise JsonLimitError(f"it is nested more than {max_depth} levels deep") from None
    except ValueError as error:  # JSONDecodeError, and ints over Python's digit limit
        raise JsonLimitError(f"it is not valid JSON ({_short(error)})") from None


def read_file(path: str | os.PathLike[str], max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """Read a JSON file that must be a regular file of at most ``max_bytes`` (a FIFO is not waited on).

    Raises :class:`JsonLimitError` for content problems and ``OSError`` (including
    :class:`~assistant.regular_files.NotRegularFileError`) when the file cannot be read as a file.
    """
    try:
        data = read_regular(path, max_bytes)
    except ValueError:
        raise JsonLimitError(f"it is larger than {max_bytes:,} bytes") from None
    return loads(data, max_bytes, max_depth)


def _short(error: ValueError) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}"
    return str(error)[:80]
