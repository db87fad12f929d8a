#!/usr/bin/env bash
# The suite N times in a row (20 by default), each in a new random order
# (pytest-randomly) over xdist workers; stops at the first failing run and
# prints its seed, so the order can be replayed with -p randomly
# --randomly-seed=SEED. Uses DATABASE_URL like the suite.
#
#     DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_random scripts/random_runs.sh 20
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
for run in $(seq "$runs"); do
  seed=$(python3 -c 'import random; print(random.randrange(2**32))')
  started=$(date +%s)
  if ! .venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" -q -p randomly --randomly-seed="$seed" >"/tmp/random-run-$run.log" 2>&1; then
    echo "run $run of $runs FAILED with --randomly-seed=$seed (log: /tmp/random-run-$run.log)"
    exit 1
  fi
  echo "run $run of $runs passed, seed $seed, $(tail -1 "/tmp/random-run-$run.log" | tr -d '=') ($(( $(date +%s) - started )) s)"
done
echo "$runs runs in a row passed."
