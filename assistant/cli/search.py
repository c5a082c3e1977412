"""``assistant search``: rank a folder's images by a text query (vision.matching.folder_search)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.cli import options


def register(sub: options.SubParsers) -> None:
    p = sub.add_parser("search", help="rank the images of a folder by a text query, best match first")
    p.add_argument("query", help='what the picture shows, e.g. "a dog on the beach"')
    p.add_argument("folders", nargs="+", type=Path, metavar="FOLDER", help="folders (searched recursively)")
    p.add_argument("--top", type=int, default=10, help="how many images to list (default 10)")
    p.add_argument("--json", action="store_true", help="print one JSON object, not score<TAB>path lines")
    options.add_model(p, help="image-text model folder (default: the shipped one)")
    p.add_argument("--batch-size", type=int, default=16, help="images encoded at once")
    options.add_runtime(p, help="encoder runtime")
    options.add_device(p)
    p.add_argument("--no-cache", action="store_true", help="encode every image again, keep nothing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from assistant.vision.matching.folder_search import search_command

    return search_command(args)
