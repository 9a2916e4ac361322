#!/usr/bin/env bash
# Builds the one-folder pyinstaller bundle into build/bundle/dist/spindle/ and runs its
# --self-test offscreen; exits non-zero (loudly) when either fails.
# usage: packaging/build-bundle.sh            (PYTHON=... to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-.venv/bin/python}
out=build/bundle
rm -rf "$out"
mkdir -p "$out"
LRELEASE="${LRELEASE:-$(dirname "$py")/pyside6-lrelease}" scripts/i18n-compile
echo "build-bundle: pyinstaller packaging/spindle.spec -> $out/dist/spindle/" >&2
start=$(date +%s)
if ! PYTHONPATH="$root" "$py" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$out/work" packaging/spindle.spec; then
  echo "build-bundle: FAILED: pyinstaller could not build the bundle" >&2
  exit 1
fi
bundle="$out/dist/spindle/spindle"
if [ ! -x "$bundle" ]; then
  echo "build-bundle: FAILED: $bundle was not created" >&2
  exit 1
fi
echo "build-bundle: built in $(( $(date +%s) - start )) s, $(du -sh "$out/dist/spindle" | cut -f1)" >&2
# run from outside the source tree so nothing is imported from it by accident
if ! (cd / && env -u PYTHONPATH QT_QPA_PLATFORM=offscreen "$root/$bundle" --self-test); then
  echo "build-bundle: FAILED: the bundle's --self-test failed (see above)" >&2
  exit 1
fi
echo "build-bundle: OK: $bundle" >&2
