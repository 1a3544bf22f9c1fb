"""The .deb around the bundle: what it installs where, and that the installed command runs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from canvasapp import __version__

from .bundle import REPO, built_bundle, empty_home_env
from .test_desktop_files import APP_ID, PNG_SIZES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian or Ubuntu)"),
]


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bundle = built_bundle()
    out = tmp_path_factory.mktemp("deb")
    built = subprocess.run([str(REPO / "packaging" / "linux" / "build_deb.sh"), str(bundle.parent), str(out)],
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    [package] = out.glob("*.deb")
    return package


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_control_fields(deb: Path) -> None:
    assert field(deb, "Package") == "canvasapp"
    assert field(deb, "Version") == __version__
    depends = field(deb, "Depends")
    setup = (REPO / "scripts" / "setup.sh").read_text()
    # Every X/GL library Qt needs at run time, as scripts/setup.sh installs them.
    for library in ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libxcb-cursor0", "libxkbcommon-x11-0"):
        assert library in depends and library in setup


def test_files_land_where_a_desktop_finds_them(deb: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {line.split()[5].removeprefix("."): line for line in listing.splitlines()}
    assert entries["/usr/bin/canvasapp"].split()[-1] == "/opt/canvasapp/canvasapp"
    expected = ["/opt/canvasapp/canvasapp", f"/usr/share/applications/{APP_ID}.desktop",
                f"/usr/share/metainfo/{APP_ID}.metainfo.xml", "/usr/share/icons/hicolor/scalable/apps/canvasapp.svg",
                "/usr/share/doc/canvasapp/copyright",
                *(f"/usr/share/icons/hicolor/{s}x{s}/apps/canvasapp.png" for s in PNG_SIZES)]
    for path in expected:
        assert path in entries, path
    # Owned by root whoever built it, nothing writable by others.
    assert all(" root/root " in line for line in entries.values())
    assert not [line for line in entries.values() if line[8] == "w" and not line.startswith("l")]


def test_the_unpacked_command_runs(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    done = subprocess.run([str(root / "opt" / "canvasapp" / "canvasapp"), "--version"], env=empty_home_env(tmp_path / "home"),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == f"canvasapp {__version__}", done.stderr


@pytest.mark.skipif(os.environ.get("CANVASAPP_TEST_DEB_INSTALL") != "1" or os.geteuid() != 0,
                    reason="installs into this system: set CANVASAPP_TEST_DEB_INSTALL=1 and run as root")
def test_install_run_and_remove_cleanly(deb: Path, tmp_path: Path) -> None:
    assert subprocess.run(["dpkg", "-s", "canvasapp"], capture_output=True, check=False).returncode != 0, \
        "canvasapp is installed already; this test would remove it"
    subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, check=True)
    try:
        files = subprocess.run(["dpkg", "-L", "canvasapp"], capture_output=True, text=True, check=True).stdout.split()
        home = tmp_path / "home"
        version = subprocess.run(["canvasapp", "--version"], env=empty_home_env(home), capture_output=True, text=True,
                                 check=False)
        assert version.stdout.strip() == f"canvasapp {__version__}", version.stderr
        old = tmp_path / "old.sqlite"
        shutil.copyfile(REPO / "tests" / "fixtures" / "libraries" / "schema-1.sqlite", old)
        # An upgrade loads the migration scripts from /opt: nothing may be left behind there.
        assert subprocess.run(["canvasapp", "sessions", "--library", str(old)], env=empty_home_env(home),
                              capture_output=True, check=False).returncode == 0
    finally:
        subprocess.run(["dpkg", "-r", "canvasapp"], capture_output=True, check=True)
    assert not Path("/opt/canvasapp").exists()
    assert not [path for path in files if path.startswith(("/opt/canvasapp", "/usr/share/applications/",
                                                          "/usr/share/metainfo/", "/usr/bin/canvasapp"))
                and Path(path).exists() and not Path(path).is_dir()]
