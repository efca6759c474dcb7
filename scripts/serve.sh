#!/usr/bin/env bash
# Production processes (DEBUG=0): `scripts/serve.sh all|web|worker|prepare`.
#   prepare  migrate + collectstatic (once per release, from any one machine)
#   web      gunicorn with congdoan/gunicorn.conf.py (one per web machine, behind the load balancer)
#   worker   TASK_WORKERS × `manage.py db_worker` (on the worker machines)
#   all      prepare, then the workers in the background and gunicorn in the foreground (one machine)
# Settings come from the environment or .env (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, …).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG=0
export TASKS_BACKEND="${TASKS_BACKEND:-django_tasks_db.DatabaseBackend}"
TASK_WORKERS="${TASK_WORKERS:-2}"
role="${1:-all}"

prepare() {
  "$PY" manage.py migrate --no-input
  "$PY" manage.py collectstatic --no-input -v 0
}

web() {
  exec .venv/bin/gunicorn -c congdoan/gunicorn.conf.py congdoan.wsgi
}

workers=()
stop_workers() {
  for pid in "${workers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}

start_workers() {
  for i in $(seq 1 "$TASK_WORKERS"); do
    "$PY" manage.py db_worker --queue-name '*' --no-reload --worker-id "$(hostname)-$i" &
    workers+=("$!")
  done
}

case "$role" in
  prepare) prepare ;;
  web) web ;;
  worker)
    trap stop_workers EXIT INT TERM
    start_workers
    wait
    ;;
  all)
    prepare
    trap stop_workers EXIT INT TERM
    start_workers
    .venv/bin/gunicorn -c congdoan/gunicorn.conf.py congdoan.wsgi &
    workers+=("$!")
    wait -n
    ;;
  *) echo "usage: $0 all|web|worker|prepare" >&2; exit 2 ;;
esac
