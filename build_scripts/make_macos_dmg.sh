#!/usr/bin/env bash
# Make dist/OptOut-Desktop-<version>.dmg on a Mac: "OptOut Desktop.app" beside an Applications
# link, so the user drags the app across. Run from anywhere, after `pip install -e '.[build]'`:
#   bash build_scripts/make_macos_dmg.sh
# It builds the .app first (python build_scripts/build.py, which uses the spec's BUNDLE) unless
# it is there, runs the .app's self-test, and makes a compressed read-only image with hdiutil.
# Optional: CODESIGN_IDENTITY="Developer ID Application: …" signs the .app (hardened runtime),
# and NOTARY_PROFILE=<a notarytool keychain profile> notarizes and staples the .dmg; without
# them the user opens the app the first time with right-click > Open.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VERSION="$("$PYTHON" -c 'import optout_desktop; print(optout_desktop.__version__)')"
APP="dist/OptOut Desktop.app"
DMG="dist/OptOut-Desktop-${VERSION}.dmg"

if [ ! -d "$APP" ]; then
  "$PYTHON" build_scripts/build.py --no-installer
fi

echo "+ self-test of $APP"
"$APP/Contents/MacOS/optout-desktop" --self-test
"$APP/Contents/MacOS/optout" --version

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict "$APP"
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "OptOut Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$DMG"
fi
echo "wrote $DMG ($(du -h "$DMG" | cut -f1))"
