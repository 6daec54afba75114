"""Every benchmark, small and quick by default; ``--full`` for the sizes the README quotes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
# The last commit before the extraction grammar was rewritten: extraction is timed against it.
EXTRACTION_BASELINE = "09cdf7a"
# The last commit before linking read each later sentence once: linking is timed against it.
LINKING_BASELINE = "9aeeeea"

if __name__ == "__main__":
    extra = sys.argv[1:]
    baselines = {"extract.py": EXTRACTION_BASELINE, "derive.py": LINKING_BASELINE}
    for script in ("extract.py", "derive.py", "load.py", "queries.py", "api.py", "stores.py"):
        against = ["--against", baselines[script]] if script in baselines else []
        subprocess.run([sys.executable, str(HERE / script), *extra, *against], check=True)
