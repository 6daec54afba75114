"""Every benchmark, small and quick by default; ``--full`` for the sizes the README quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
# The last commit before the extraction grammar was rewritten: extraction is timed against it.
EXTRACTION_BASELINE = "09cdf7a"

if __name__ == "__main__":
    extra = sys.argv[1:]
    for script in ("extract.py", "load.py", "queries.py", "api.py", "stores.py"):
        against = ["--against", EXTRACTION_BASELINE] if script == "extract.py" else []
        subprocess.run([sys.executable, str(HERE / script), *extra, *against], check=True)
