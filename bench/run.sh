#!/usr/bin/env bash
# make bench: every benchmark in bench/, each printing its figures against a baseline measured in
# the same run. Release build; one core unless a benchmark says otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for b in bench/*.sh; do
  [ "$(basename "$b")" = run.sh ] && continue
  echo "== $(basename "$b" .sh)"
  bash "$b" || status=1
  echo
done
exit $status
