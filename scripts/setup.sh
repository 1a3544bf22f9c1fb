#!/usr/bin/env bash
# Sets up Workshop Canvas in ./.venv on Debian or Ubuntu with Python 3.11 or newer.
#   scripts/setup.sh           the app and the system libraries Qt needs
#   scripts/setup.sh --test    also the test tools (pytest, pytest-qt, import-linter, hypothesis, mypy),
#                              PyInstaller, and the programs the tests use (pdftotext, Xvfb, xdotool,
#                              desktop-file-validate, appstreamcli), and a PostgreSQL server the
#                              tests start and stop themselves (with the [postgres] extra)
#   scripts/setup.sh --package the app and PyInstaller, to build the desktop bundle (packaging/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
with_packaging=false
[ "${1:-}" = "--test" ] && with_tests=true && with_packaging=true
[ "${1:-}" = "--package" ] && with_packaging=true

# Qt's xcb and offscreen platforms load these at run time (measured on Debian 12).
packages=(libgl1 libegl1 libfontconfig1 libglib2.0-0 libxkbcommon0 libdbus-1-3 libx11-6
          libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
          libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1)
# Fonts the PDF embeds for scripts the bundled DejaVu Sans lacks (found through fontconfig):
# Devanagari and most other scripts (Noto, TrueType), CJK in TrueType (Noto CJK is CFF, which
# reportlab cannot embed), monochrome emoji (colour-bitmap emoji cannot be embedded either).
packages+=(fontconfig fonts-noto-core fonts-droid-fallback fonts-symbola)
$with_tests && packages+=(poppler-utils xvfb xauth xdotool desktop-file-utils appstream)
# The team-library tests run every storage test on a throwaway PostgreSQL server too
# (tests/postgres_server.py: initdb and pg_ctl in a temporary folder, never the system's cluster).
$with_tests && packages+=(postgresql)
python3 -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)

if command -v apt-get >/dev/null 2>&1; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        as_root=""
        [ "$(id -u)" -ne 0 ] && as_root="sudo"
        echo "Installing system packages: ${missing[*]}"
        $as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
else
    echo "apt-get not found: install Qt's runtime libraries (libGL, libEGL, fontconfig, xkbcommon, xcb) yourself." >&2
fi

if $with_tests; then
    # The PDF tests draw every script: each needs a TrueType font fontconfig can find.
    for sample in 0915:Devanagari 4f1a:CJK 0627:Arabic 05d0:Hebrew 1f389:emoji; do
        fc-list ":charset=${sample%%:*}:fontformat=TrueType" file 2>/dev/null | grep -q . \
            || { echo "No TrueType font for ${sample#*:} found by fontconfig (see the font packages above)." >&2; exit 1; }
    done
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Workshop Canvas needs Python 3.11 or newer (found $(python3 --version))." >&2; exit 1; }
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if $with_tests; then
    .venv/bin/python -m pip install --quiet -e '.[test,package,postgres]'
elif $with_packaging; then
    .venv/bin/python -m pip install --quiet -e '.[package]'
else
    .venv/bin/python -m pip install --quiet -e .
fi
echo "Workshop Canvas is set up in .venv"
