#!/usr/bin/env bash
# Debian's Chromium for the browser test of the supervisors' page (SupervisorPageIT drives it with playwright-core).
# Idempotent: installs only when /usr/bin/chromium is missing. Needs root and Debian's package archive.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation > /dev/null
/usr/bin/chromium --version
