"""``python -m assistant`` is the same as the ``assistant`` console script."""

import sys

from assistant.cli import main

if __name__ == "__main__":
    sys.exit(main())
