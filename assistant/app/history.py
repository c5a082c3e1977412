"""What was said: the last N descriptions (time, source, text) — text only, never screenshots.

Kept in memory; written to ``data_dir()/history.json`` only when the user turns that on, and the
file is deleted when they turn it off again (privacy first).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant import paths, safe_json

log = logging.getLogger(__name__)

HISTORY_FILE = "history.json"


@dataclass(frozen=True)
class HistoryEntry:
    when: float  # seconds since the epoch
    source: str
    text: str

    def time_label(self) -> str:
        return time.strftime("%H:%M:%S", time.localtime(self.when))


class HistoryStore:
    def __init__(self, size: int = 50, on_disk: bool = False, path: Path | None = None) -> None:
        self._entries: deque[HistoryEntry] = deque(maxlen=max(1, size))
        self.path = path or paths.data_dir() / HISTORY_FILE
        self.on_disk = on_disk
        if on_disk:
            self._load()

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[HistoryEntry]:
        return iter(self._entries)

    def newest_first(self) -> list[HistoryEntry]:
        return list(reversed(self._entries))

    def add(self, source: str, text: str, when: float | None = None) -> HistoryEntry:
        entry = HistoryEntry(time.time() if when is None else when, source, text)
        self._entries.append(entry)
        self._save()
        return entry

    def clear(self) -> None:
        self._entries.clear()
        self._save()

    def configure(self, size: int, on_disk: bool) -> None:
        if size != self._entries.maxlen:
            self._entries = deque(self._entries, maxlen=max(1, size))
        if on_disk and not self.on_disk:
            self.on_disk = True
            self._save()
        elif not on_disk and self.on_disk:
            self.on_disk = False
            self.path.unlink(missing_ok=True)

    def _load(self) -> None:
        try:
            # Bounded: a deep or huge file must not crash the app at start, a FIFO must not hang it.
            data = safe_json.read_file(self.path, max_bytes=16_000_000)
            for item in data.get("entries", []):
                self._entries.append(
                    HistoryEntry(float(item["when"]), str(item["source"]), str(item["text"]))
                )
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("history file %s is unreadable (%s); starting empty", self.path, exc)

    def _save(self) -> None:
        if not self.on_disk:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(
                json.dumps({"entries": [asdict(e) for e in self._entries]}, indent=1), encoding="utf-8"
            )
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("could not write history %s: %s", self.path, exc)
