#!/usr/bin/env bash
# Install the unpacked bundle for this user (or system-wide with PREFIX=/usr/local, as root):
# puts `assistant` on the PATH and the launcher, AppStream metadata and icon where desktops look.
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
PREFIX=${PREFIX:-$HOME/.local}
mkdir -p "$PREFIX/bin"
ln -sf "$HERE/assistant" "$PREFIX/bin/assistant"
cp -r "$HERE/share/." "$PREFIX/share/"
echo "assistant installed: $PREFIX/bin/assistant (make sure $PREFIX/bin is on your PATH)"
