#!/usr/bin/env bash
# Proves the Python bindings: builds the library (jsii), packages it for Python with
# jsii-pacmak into dist/python/, installs the wheel into a fresh virtual environment, runs the
# Python version of the Centricity PACS example (examples/python/main.py) and its pytest suite.
#
#   scripts/python-bindings.sh [--no-build] SYNTH_FOLDER
#
# --no-build packages the library as the last `npm run build` left it (the vitest test uses
# it: npm test has just built, and rebuilding would rewrite lib/*.js under other tests' feet).
# SYNTH_FOLDER receives the Python example's synthesized output (stacks/centricity-pacs/...)
# and, with PACS_LB_PYTHON_IMPORTED (below), the imported code's (imported/stacks/...);
# test/integration/python/ compares it with the TypeScript example's. Needs python3 (3.9+)
# with venv and pip, and PyPI (cdktf, constructs, jsii and the null provider are installed
# from there; PIP_FIND_LINKS is honoured).
set -euo pipefail

build=yes
if [ "${1:-}" = --no-build ]; then build=no; shift; fi
synth_folder=${1:?usage: scripts/python-bindings.sh [--no-build] SYNTH_FOLDER}
mkdir -p "$synth_folder"
synth_folder=$(cd "$synth_folder" && pwd)
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# jsii, jsii-pacmak and the jsii runtime inside the Python package print a banner about
# Node 20's end of life on every start; the project runs on Node 20 (package.json engines),
# so say it once here instead.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="$(node -p "process.versions.node.split('.')[0]")"
echo "node $(node --version) runs jsii and its runtime"

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

if [ "$build" = yes ]; then
  step 'build the library with jsii'
  npm run --silent build
fi

step 'package for Python with jsii-pacmak into dist/python'
rm -rf dist/python
npx --no-install jsii-pacmak --targets python --outdir dist
wheel=$(ls dist/python/*.whl)

step "install $(basename "$wheel") into a fresh virtual environment"
venv=$(mktemp -d "${TMPDIR:-/tmp}/pacs-lb-python-venv.XXXXXX")
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "$wheel" pytest

cd examples/python
export PYTHONDONTWRITEBYTECODE=1
step "synthesize the Python example into $synth_folder"
"$venv/bin/python" main.py "$synth_folder"

step 'run the Python example tests (pytest)'
"$venv/bin/python" -m pytest -q -p no:cacheprovider test_centricity_pacs_site.py

# PACS_LB_PYTHON_IMPORTED names a folder of Python code written by `pacs-lb import --language
# python` with a synth.py that synthesizes it into the folder it is given (the import tests set
# it): the code must be formatted as black formats it, and synthesize through these bindings.
if [ -n "${PACS_LB_PYTHON_IMPORTED:-}" ]; then
  step "check and synthesize the imported Python code in $PACS_LB_PYTHON_IMPORTED"
  "$venv/bin/python" -m pip install --quiet 'black==26.*'
  "$venv/bin/python" -m black --check "$PACS_LB_PYTHON_IMPORTED"
  (cd "$PACS_LB_PYTHON_IMPORTED" && "$venv/bin/python" synth.py "$synth_folder/imported")
fi

step 'done'
