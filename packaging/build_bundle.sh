#!/usr/bin/env bash
# The Linux desktop bundle (issue #19): a PyInstaller one-folder build that runs without Python or a venv.
#   packaging/build_bundle.sh [OUT]        -> OUT/assistant/ (default dist/bundle/assistant/)
# Steps: the wheel with its ONNX files (packaging/build_wheel.py, in the development venv: it exports
# with torch when the user cache has no current export), a fresh build venv with that wheel and
# PyInstaller (no torch: nothing can pull it in), PyInstaller with packaging/assistant.spec, then the
# desktop files under OUT/assistant/share/ (launcher, AppStream metadata, icon) and its size.
# WHEEL=path skips the wheel build; PYTHON= picks the interpreter for the build venv (default python3);
# BUNDLE_WORK= the scratch folder (default build/bundle).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
OUT=$(readlink -f "${1:-dist/bundle}")
WORK=${BUNDLE_WORK:-build/bundle}
if [ -z "${WHEEL:-}" ]; then
  .venv/bin/python packaging/build_wheel.py --dist "$WORK/dist" >/dev/null
  WHEEL=$(ls "$WORK"/dist/assistant-*.whl)
fi
"${PYTHON:-python3}" -m venv --clear "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL" "pyinstaller>=6.0" 2>&1 \
  | grep -v "^WARNING: Location" || true
"$WORK/venv/bin/python" -c "import assistant, onnxruntime, PySide6, PyInstaller"
if "$WORK/venv/bin/python" -c "import torch" 2>/dev/null; then
  echo "build_bundle: torch is in the build venv; the bundle must not carry it" >&2
  exit 1
fi
rm -rf "$OUT/assistant"
"$WORK/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK/pyinstaller" packaging/assistant.spec
share="$OUT/assistant/share"
install -Dm644 packaging/io.github.assistant.desktop "$share/applications/io.github.assistant.desktop"
install -Dm644 packaging/io.github.assistant.metainfo.xml "$share/metainfo/io.github.assistant.metainfo.xml"
install -Dm644 packaging/icons/io.github.assistant.svg "$share/icons/hicolor/scalable/apps/io.github.assistant.svg"
install -Dm755 packaging/install-bundle.sh "$OUT/assistant/install.sh"
echo "bundle: $OUT/assistant ($(du -sm "$OUT/assistant" | cut -f1) MB on disk)"
