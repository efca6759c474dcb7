#!/usr/bin/env bash
# The demo's processes (`make demo`): a task worker, so that imports and big exports run in the background as
# in production instead of inside a web request, and the development server on 127.0.0.1:${1:-8000}.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DEBUG=1 TASKS_BACKEND=django_tasks_db.DatabaseBackend
"$PY" manage.py db_worker --queue-name '*' --no-reload --worker-id demo &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$PY" manage.py runserver "127.0.0.1:${1:-8000}"
