#!/usr/bin/env bash
# Lints what the build produces or keeps as source, with pinned npm tools (installed first when missing or when
# package-lock.json changed). Fails on errors; warnings are printed.
#
#   scripts/lint.sh workflows   every BPMN model in workflows/ (bpmnlint: recommended + Camunda 7.23 rules)
#   scripts/lint.sh openapi     the OpenAPI document the build writes to target/openapi (Redocly, recommended rules)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
case "${1:-}" in
  workflows)
    shopt -s nullglob
    models=(workflows/*.bpmn)
    [ ${#models[@]} -gt 0 ] || { echo "lint: no BPMN models in workflows/"; exit 1; }
    npx --no-install bpmnlint "${models[@]}"
    echo "lint: ${#models[@]} workflow model(s) clean"
    ;;
  openapi)
    [ -f target/openapi/openapi.yaml ] || { echo "lint: target/openapi/openapi.yaml missing; run ./mvnw package first"; exit 1; }
    npx --no-install redocly lint --format=stylish target/openapi/openapi.yaml
    ;;
  *) echo "usage: $0 workflows|openapi"; exit 2 ;;
esac
