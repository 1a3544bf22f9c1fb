#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed; run this after changing resources/icons/app/canvasapp.svg.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons/app"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" canvasapp.svg --output "canvasapp-$size.png"
done
