#!/usr/bin/env bash
# Vendor the front-end libraries from npm (versions pinned in package.json / package-lock.json) into
# congdoan/static/vendor/. The copies are committed: the server never reaches a CDN (strict CSP) and CI needs no npm.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --ignore-scripts --no-audit --no-fund
out=congdoan/static/vendor
cp node_modules/vega/build/vega.min.js "$out/vega.min.js"
cp node_modules/vega-lite/build/vega-lite.min.js "$out/vega-lite.min.js"
cp node_modules/vega-embed/build/vega-embed.min.js "$out/vega-embed.min.js"
cp node_modules/flatpickr/dist/flatpickr.min.js "$out/flatpickr.min.js"
cp node_modules/flatpickr/dist/flatpickr.min.css "$out/flatpickr.min.css"
cp node_modules/flatpickr/dist/l10n/vn.js "$out/flatpickr.vn.js"
for lib in vega vega-lite vega-embed flatpickr; do
  echo "$lib $(node -p "require('./node_modules/$lib/package.json').version")"
done > "$out/VERSIONS.txt"
cat "$out/VERSIONS.txt"
