#!/usr/bin/env bash
# Build zvdesk's one-folder bundle (dist/zvdesk) and its Debian package (dist/zvdesk_*.deb).
#
#   bash packaging/build.sh            (from anywhere; uses the repository's .venv)
#   bash packaging/build.sh --org-config organisation.json
#                                      (builds the organisation's OAuth client in as the default:
#                                      the JSON of zvdesk/auth/orgconfig.py, e.g.
#                                      {"client_id": "1000.XXXX", "region": "EU"})
#
# Needs: the venv with zvdesk and PyInstaller (`.venv/bin/pip install -e '.[packaging]'`),
# dpkg-deb (Debian/Ubuntu). PYTHON overrides the interpreter. Steps: icons (packaging/
# make_icons.py), translations (zvdesk/i18n/*.ts, if any, with pyside6-lrelease), PyInstaller
# with packaging/zvdesk.spec, then packaging/make_deb.py (dpkg-deb --root-owner-group).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
export QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
start=$SECONDS

if [[ "${1:-}" == "--org-config" ]]; then
    [[ -f "${2:-}" ]] || { echo "build.sh: --org-config needs a JSON file" >&2; exit 2; }
    "$PYTHON" -c 'import json, sys; from zvdesk.auth.orgconfig import parse_org_config as p
p(json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[1])' "$2"
    cp "$2" zvdesk/resources/organisation.json
    trap 'rm -f zvdesk/resources/organisation.json' EXIT
fi

step() { printf '==> %s (%ss)\n' "$1" "$((SECONDS - start))"; }

command -v dpkg-deb >/dev/null || { echo "build.sh: dpkg-deb not found (Debian/Ubuntu only)" >&2; exit 1; }
"$PYTHON" -c "import PyInstaller" 2>/dev/null \
    || { echo "build.sh: PyInstaller missing: $PYTHON -m pip install -e '.[packaging]'" >&2; exit 1; }

mkdir -p build dist
step "icons"
"$PYTHON" packaging/make_icons.py build/icons
step "translations"
"$PYTHON" packaging/translations.py build/i18n
step "bundle (PyInstaller)"
rm -rf dist/zvdesk
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/zvdesk.spec
step "Debian package"
rm -f dist/zvdesk_*.deb
deb=$("$PYTHON" packaging/make_deb.py --bundle dist/zvdesk --icons build/icons \
    --work build/deb --out dist)

echo "bundle: dist/zvdesk $(du -sh dist/zvdesk | cut -f1) ($(du -sm dist/zvdesk | cut -f1) MiB)"
echo "deb:    $deb $(du -h "$deb" | cut -f1)"
echo "built in $((SECONDS - start)) s"
