"""Install the documentation site's browser assets from the npm registry, at build time.

The reference at /docs is Swagger UI. Its files come from the `swagger-ui-dist` package, pinned
by version and by the registry's own integrity hash, and are served by the service itself:
nothing is loaded from a CDN when a page is viewed. Run by `make` before the service or the
tests start; a second run with the files in place, each as installed (the stamp keeps their
SHA-256), does nothing; a file missing or changed since is installed again.

    python tools/docs_assets.py [DESTINATION]
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "swagger-ui-dist"
VERSION = "5.35.0"
INTEGRITY = (
    "sha512-"
    "U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ=="
)
FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE")
DESTINATION = Path(__file__).resolve().parents[1] / "service" / "adapters" / "http" / "vendor"
STAMP = f"{PACKAGE}-{VERSION}"


def install(destination: Path = DESTINATION) -> Path:
    """The directory holding the assets, fetched and checked if they were not there yet."""
    target = destination / "swagger-ui"
    if intact(target):
        (target / STAMP).touch()  # so that make sees the assets as newer than this script
        return target
    url = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:
        archive = response.read()
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, archive).digest()).decode()
    if digest != expected:
        raise SystemExit(f"{url}: integrity mismatch ({algorithm} {digest}, expected {expected})")
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as package:
        for name in FILES:
            member = package.extractfile(f"package/{name}")
            if member is None:
                raise SystemExit(f"{url}: no {name} in the package")
            (target / name).write_bytes(member.read())
    for old in target.glob(f"{PACKAGE}-*"):
        old.unlink()
    (target / STAMP).write_text(
        f"{url}\n{INTEGRITY}\n" + "".join(f"{_sha256(target / n)}  {n}\n" for n in FILES)
    )
    return target


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def intact(target: Path) -> bool:
    """Whether every file is there as this version installed it (its stamp names each one's
    SHA-256): the stamp alone is not trusted."""
    stamp = target / STAMP
    if not stamp.exists():
        return False
    recorded: dict[str, str] = {}
    for line in stamp.read_text().splitlines()[2:]:
        digest, _, name = line.partition("  ")
        recorded[name] = digest
    return set(recorded) == set(FILES) and all(
        (target / name).is_file() and _sha256(target / name) == digest
        for name, digest in recorded.items()
    )


if __name__ == "__main__":
    print(install(Path(sys.argv[1]) if len(sys.argv) > 1 else DESTINATION))
