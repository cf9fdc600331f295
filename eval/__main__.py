"""`python -m eval ...`, the same as `chorus eval ...`."""

import sys

from eval.cli import main

if __name__ == "__main__":
    sys.exit(main())
