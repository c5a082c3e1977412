"""Write SHA256SUMS into model folders (after changing any file in one by hand).

Saving and exporting write it themselves; the app verifies it before using a folder, so a folder
whose files changed without this refuses to load ("... does not match its checksum").
Usage: python scripts/write_checksums.py FOLDER [FOLDER ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.vision.model.files import verify_manifest, write_manifest


def main(folders: list[str]) -> int:
    if not folders:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    for name in folders:
        folder = Path(name)
        if not folder.is_dir():
            print(f"{folder} is not a folder", file=sys.stderr)
            return 2
        path = write_manifest(folder)
        verify_manifest(folder, folder.name)
        print(f"{path}: {len(path.read_text().splitlines())} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
