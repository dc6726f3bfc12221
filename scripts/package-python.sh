#!/usr/bin/env bash
# Builds the Python package (a wheel) into dist/python/. jsii-pacmak generates its source (--code-only: its
# own build step installs pinned setuptools, build and twine from PyPI into a virtual environment, and PyPI
# is out of this machine's reach); a Python with build, setuptools and wheel then builds the wheel: on
# Debian, apt-get install python3-build python3-setuptools python3-wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
python=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import build, setuptools, wheel' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "package:python needs a Python with build, setuptools and wheel: apt-get install python3-build python3-setuptools python3-wheel" >&2
  exit 1
fi
source_dir=$(mktemp -d)
trap 'rm -rf "$source_dir"' EXIT
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
# pacmak packs the package (npm pack runs the build) and writes the Python sources beside the tarball.
npx jsii-pacmak --targets python --code-only --outdir "$source_dir"
rm -rf dist/python
"$python" -m build --wheel --no-isolation --skip-dependency-check --outdir dist/python "$source_dir/python"
echo "dist/python/$(ls dist/python)"
