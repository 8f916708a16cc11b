#!/usr/bin/env bash
# Lints what the build produces or keeps as source, with pinned npm tools (installed first when missing or when
# package-lock.json changed). Fails on errors; warnings are printed.
#
#   scripts/lint.sh workflows   every model in workflows/: BPMN with bpmnlint (recommended + Camunda 7.23 rules),
#                               DMN with dmnlint (recommended; the FEEL itself is checked by EligibilityDecisionTest)
#   scripts/lint.sh openapi     the OpenAPI document the build writes to target/openapi (Redocly, recommended rules)
#   scripts/lint.sh tools       only install the pinned npm packages (also the supervisors' page's bpmn-js and
#                               oidc-client-ts, and playwright-core for its browser test)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
case "${1:-}" in
  tools) ;;
  workflows)
    shopt -s nullglob
    processes=(workflows/*.bpmn)
    decisions=(workflows/*.dmn)
    [ ${#processes[@]} -gt 0 ] || { echo "lint: no BPMN models in workflows/"; exit 1; }
    npx --no-install bpmnlint "${processes[@]}"
    [ ${#decisions[@]} -eq 0 ] || npx --no-install dmnlint "${decisions[@]}"
    echo "lint: ${#processes[@]} process and ${#decisions[@]} decision model(s) clean"
    ;;
  openapi)
    [ -f target/openapi/openapi.yaml ] || { echo "lint: target/openapi/openapi.yaml missing; run ./mvnw package first"; exit 1; }
    npx --no-install redocly lint --format=stylish target/openapi/openapi.yaml
    ;;
  *) echo "usage: $0 workflows|openapi|tools"; exit 2 ;;
esac
