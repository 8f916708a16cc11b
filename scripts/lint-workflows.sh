#!/usr/bin/env bash
# Lints every BPMN model in workflows/ with bpmnlint (recommended rules + Camunda 7.23 compatibility).
# Installs the pinned npm tools first when they are missing or package-lock.json changed. Fails on errors.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
shopt -s nullglob
models=(workflows/*.bpmn)
[ ${#models[@]} -gt 0 ] || { echo "lint-workflows: no BPMN models in workflows/"; exit 1; }
npx --no-install bpmnlint "${models[@]}"
echo "lint-workflows: ${#models[@]} model(s) clean"
