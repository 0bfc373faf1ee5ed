#!/usr/bin/env bash
# Async bench: the service (its job queue on Redis) with 1, 2 and 3 eco-scan worker processes,
# each running at most 64 scans at once, against 200 closed-loop users. Needs redis-server.
#   tools/async-workers-bench.sh
set -u
cd "$(dirname "$0")/.."
for n in 1 2 3; do
  rm -rf /tmp/rb; mkdir -p /tmp/rb
  redis-server --port 6392 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir /tmp/rb >/dev/null
  sleep 0.5
  for w in $(seq 1 $n); do
    ECO_SCAN_QUEUE=redis ECO_SCAN_REDIS_URL=redis://127.0.0.1:6392 ECO_SCAN_CACHE=off ECO_SCAN_WORKER_CONCURRENCY=64 \
      ECO_SCAN_DATA_DIR=/tmp/rb/w$w ECO_SCAN_PORT=0 ./eco-scan worker > /tmp/rb/w$w.log 2>&1 &
  done
  sleep 8
  echo "== $n worker(s)"
  ECO_SCAN_QUEUE=redis ECO_SCAN_REDIS_URL=redis://127.0.0.1:6392 ECO_SCAN_DATA_DIR=/tmp/rb/api \
    ./eco-scan bench --async --users 200 --duration 60 --ramp-up 15 2>/dev/null
  pkill -TERM -f "eco-scan.jar worker"; sleep 3; pkill -KILL -f "eco-scan.jar worker"
  redis-cli -p 6392 shutdown nosave >/dev/null 2>&1
done
