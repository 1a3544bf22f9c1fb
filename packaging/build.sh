#!/usr/bin/env bash
# Builds the desktop app into dist/:
#   packaging/build.sh            dist/canvasapp/ (one folder, run dist/canvasapp/canvasapp) and,
#                                 where dpkg-deb exists, dist/canvasapp_<version>_<arch>.deb
#   packaging/build.sh --no-deb   only the folder
# Needs the app and PyInstaller in .venv (scripts/setup.sh --package), or PYTHON=/path/to/python.
# Windows and macOS builds use the same spec: see .github/workflows/desktop-builds.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

make_deb=true
[ "${1:-}" = "--no-deb" ] && make_deb=false
python=${PYTHON:-.venv/bin/python}

"$python" -c 'import PyInstaller' 2>/dev/null \
    || { echo "PyInstaller is missing: run scripts/setup.sh --package (or pip install '.[package]')." >&2; exit 1; }

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/canvasapp.spec
echo "Built dist/canvasapp/ in $(( $(date +%s) - started )) s ($(du -sh dist/canvasapp | cut -f1))"

if $make_deb; then
    if command -v dpkg-deb >/dev/null 2>&1; then
        packaging/linux/build_deb.sh dist/canvasapp dist
    else
        echo "dpkg-deb not found: no .deb built." >&2
    fi
fi
