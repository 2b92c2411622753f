#!/usr/bin/env bash
# Smoke test of the local compose stack: push one line to the ingest service and query it back
# from the querier, the way Alloy and Grafana do. Run after `docker compose up -d`.
#   ./smoke.sh                       # defaults match the ports published in compose.yaml
#   INGEST_URL=... QUERIER_URL=... ./smoke.sh
set -euo pipefail

INGEST_URL="${INGEST_URL:-http://localhost:3100}"
QUERIER_URL="${QUERIER_URL:-http://localhost:3101}"
WAIT_SECONDS="${WAIT_SECONDS:-60}"

marker="smoke-$(date +%s)-$RANDOM"
now_s="$(date +%s)"
ts_ns="${now_s}000000000"          # portable: BSD date has no %N

for url in "$INGEST_URL" "$QUERIER_URL"; do
  if ! curl -fsS --max-time 5 "$url/ready" >/dev/null; then
    echo "FAIL: $url/ready does not answer; is the stack up? (docker compose ps)" >&2
    exit 1
  fi
done

code="$(curl -sS -o /dev/stderr -w '%{http_code}' --max-time 10 -X POST "$INGEST_URL/loki/api/v1/push" \
  -H 'Content-Type: application/json' \
  --data-raw "{\"streams\":[{\"stream\":{\"job\":\"smoke\"},\"values\":[[\"$ts_ns\",\"$marker hello from smoke.sh\"]]}]}")"
if [ "$code" != "204" ]; then
  echo "FAIL: push answered HTTP $code, expected 204" >&2
  exit 1
fi
echo "pushed: $marker"

# The line becomes queryable once the chunker has flushed a segment and the compactor indexed it.
deadline=$(( $(date +%s) + WAIT_SECONDS ))
while :; do
  body="$(curl -sS --max-time 10 -G "$QUERIER_URL/loki/api/v1/query_range" \
    --data-urlencode "query={job=\"smoke\"} |= \"$marker\"" \
    --data-urlencode "start=$(( now_s - 300 ))000000000" \
    --data-urlencode "end=$(( now_s + 300 ))000000000" \
    --data-urlencode 'limit=10' || true)"
  if grep -q "$marker" <<<"$body"; then
    echo "PASS: found it in $QUERIER_URL within $(( $(date +%s) - now_s ))s"
    exit 0
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "FAIL: $marker not found after ${WAIT_SECONDS}s; last answer: $body" >&2
    exit 1
  fi
  sleep 1
done
