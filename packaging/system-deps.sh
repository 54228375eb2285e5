#!/usr/bin/env bash
# Debian packages zvdesk and its tests need beyond Python wheels (see README.md).
# Installs only what is missing; needs root (or sudo) on a fresh Debian/Ubuntu machine.
set -euo pipefail
# libpulse0 + libpipewire: QtMultimedia (without pipewire it warns on every start);
# gnome-keyring + dbus: a real Secret Service for the keyring tests;
# binutils (strip), desktop-file-utils, appstream: building and validating the packages.
# Noto fonts: every script customers write in (DejaVu alone draws boxes): fonts-noto-core has
# Arabic, Hebrew, Thai, Devanagari and the other alphabets, fonts-noto-cjk Japanese, Chinese and
# Korean, fonts-noto-color-emoji the emoji (tests/ui/test_fonts.py checks each script).
# libxcb-*: Qt's xcb platform, for a real window on an X11 desktop.
packages=(libpulse0 libpipewire-0.3-0 libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
    gnome-keyring dbus dbus-x11 binutils desktop-file-utils appstream
    fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
    libxkbcommon-x11-0)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
