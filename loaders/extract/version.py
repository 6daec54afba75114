"""Which build of the extractor read a document: a digest of the rules themselves.

A store keeps it on each Document, so that ``scrutiny load`` reads an unchanged file again
after an upgrade changed what extraction finds, instead of keeping the old build's events.
Taken from the source of the rules (every module of this package and every lexicon), so no
one has to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def extractor_version() -> str:
    """Sixteen hex digits of the SHA-256 of the package's rule files, in name order."""
    digest = hashlib.sha256()
    for path in sorted([*HERE.glob("*.py"), *HERE.glob("lexicons/*.txt")]):
        digest.update(path.relative_to(HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
