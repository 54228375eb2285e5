#!/bin/sh
# Refresh zvdesk's translation sources and compile them.
#
#   packaging/update-translations.sh
#
# 1. pyside6-lupdate reads every tr()/translate() call in zvdesk/ui, zvdesk/service and
#    zvdesk/i18n and updates zvdesk/i18n/zvdesk_<lang>.ts: existing translations are kept, new
#    strings are added as unfinished, strings gone from the source are dropped (-no-obsolete).
# 2. pyside6-lrelease compiles each .ts to zvdesk/i18n/zvdesk_<lang>.qm (commit both; the .qm
#    files ship in the wheel and the PyInstaller bundle).
#
# Then translate the strings lupdate reports as new (Qt Linguist: pyside6-linguist FILE.ts, or
# edit the XML), run this script again and commit. tests/ui/test_i18n.py fails until every
# string is in the .ts files and translated in Spanish.
#
# The tools come from the project's venv (.venv/bin) or else from PATH; PYSIDE_BIN overrides.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ -n "${PYSIDE_BIN:-}" ]; then
    bin="$PYSIDE_BIN/"
elif [ -x .venv/bin/pyside6-lupdate ]; then
    bin=.venv/bin/
else
    bin=
fi
lupdate="${bin}pyside6-lupdate"
lrelease="${bin}pyside6-lrelease"

languages="es ar"
i18n=zvdesk/i18n

# Source folders with Python files (zvdesk/service may not exist yet in a partial checkout).
sources=""
for folder in zvdesk/ui zvdesk/service "$i18n"; do
    if [ -d "$folder" ]; then
        sources="$sources $folder"
    fi
done

for lang in $languages; do
    ts="$i18n/zvdesk_$lang.ts"
    # shellcheck disable=SC2086  # $sources is a list of folders without spaces
    "$lupdate" -extensions py -no-obsolete -locations none -source-language en \
        -target-language "$lang" $sources -ts "$ts"
done

for lang in $languages; do
    "$lrelease" -removeidentical "$i18n/zvdesk_$lang.ts" -qm "$i18n/zvdesk_$lang.qm"
done
