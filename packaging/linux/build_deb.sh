#!/usr/bin/env bash
# Wraps the PyInstaller folder in a .deb:
#   packaging/linux/build_deb.sh BUNDLE_DIR OUT_DIR   (e.g. dist/canvasapp dist)
# Installs the app under /opt/canvasapp, the `canvasapp` command as /usr/bin/canvasapp, the
# desktop entry, the icons in the hicolor theme and the AppStream metainfo. Needs no root.
set -euo pipefail
bundle=$(realpath "$1")
out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

app_id=io.github.workshopcanvas.canvasapp
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$repo/canvasapp/__init__.py")
arch=$(dpkg --print-architecture)
[ -x "$bundle/canvasapp" ] || { echo "No bundle at $bundle: run packaging/build.sh first." >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
         "$root/usr/share/icons/hicolor/scalable/apps" "$root/DEBIAN"
cp -a "$bundle" "$root/opt/canvasapp"
# Absolute, as Debian's policy asks of a link between top-level folders.
ln -s /opt/canvasapp/canvasapp "$root/usr/bin/canvasapp"
install -m 644 "$here/$app_id.desktop" "$root/usr/share/applications/"
install -m 644 "$here/$app_id.metainfo.xml" "$root/usr/share/metainfo/"
install -D -m 644 "$here/copyright" "$root/usr/share/doc/canvasapp/copyright"
icons="$repo/resources/icons/app"
install -m 644 "$icons/canvasapp.svg" "$root/usr/share/icons/hicolor/scalable/apps/canvasapp.svg"
for png in "$icons"/canvasapp-*.png; do
    size=$(basename "$png" .png); size=${size#canvasapp-}
    install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/canvasapp.png"
done
# Whatever the umask was when the bundle was built: readable by all, writable by root only.
chmod -R u+rwX,go+rX,go-w "$root"

# Qt loads these from the system at run time (the bundle does not carry libGL, X or xcb);
# the same list as scripts/setup.sh (which also names the fonts the PDF uses beyond its own).
# Ubuntu 24.04 renamed GLib's package with a t64 suffix.
depends="libgl1, libegl1, libfontconfig1, libglib2.0-0t64 | libglib2.0-0, libxkbcommon0, libdbus-1-3,
 libx11-6, libx11-xcb1, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0,
 libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1"
cat > "$root/DEBIAN/control" <<CONTROL
Package: canvasapp
Version: $version
Architecture: $arch
Maintainer: The Workshop Canvas maintainers <canvasapp@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $(echo $depends)
Recommends: fontconfig, fonts-noto-core, fonts-droid-fallback, fonts-symbola
Section: misc
Priority: optional
Description: sticky notes, clusters and dot votes for in-person workshops
 Workshop Canvas is a sticky-note board for facilitators of in-person drivers,
 blockers and activities workshops, projected for the whole room: lanes and an
 agenda from workshop templates, clustering, dot voting in turns on one shared
 screen, every edit saved at once to a local library, and a PDF summary.
CONTROL

mkdir -p "$out"
# zstd: ~10 s here; xz would be 26% smaller but took 3 CPU-minutes. dpkg reads zstd since Debian 12
# and Ubuntu 21.10, older than the glibc the bundle needs anyway.
deb="$out/canvasapp_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zzstd --build "$root" "$deb" >/dev/null
echo "Built $deb ($(du -h "$deb" | cut -f1))"
