# congdoan — the two commands of the README are `make demo` and `make test`.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
PG_E2E_URL ?= postgres://postgres@127.0.0.1:5432/test_e2e
PYTEST_ARGS ?=

.PHONY: demo test test-sqlite test-postgres test-postgres-app test-e2e lint format venv bench bench-smoke clean

$(UV):
	python3 -m pip install --user --quiet "uv==0.13.9" || python3 -m pip install --quiet "uv==0.13.9"

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python python3.11
	touch $@

venv: $(VENV)/.synced

demo: venv
	mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py demo_data --scale small --if-empty
	@echo "Mở http://127.0.0.1:$(PORT)/ — tài khoản: trunguong, tinh, xa, coso; mật khẩu: congdoan2026"
	scripts/demo.sh $(PORT)

# The suite on both engines. Three runs side by side (they share nothing: own databases, own media folders):
# SQLite, PostgreSQL without the browser, and the browser tests on PostgreSQL; each prints when it ends.
test: venv
	mkdir -p var
	$(MAKE) --no-print-directory -j3 --output-sync=target test-sqlite test-postgres-app test-e2e


test-sqlite: venv
	mkdir -p var
	DATABASE_URL=sqlite:///var/test.sqlite3 $(PY) -m pytest -q -m "not e2e" $(PYTEST_ARGS)

# The whole PostgreSQL half in one run (browser tests included).
test-postgres: venv
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q $(PYTEST_ARGS)

test-postgres-app: venv
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -m "not e2e" $(PYTEST_ARGS)

test-e2e: venv
	mkdir -p var
	DATABASE_URL=$(PG_E2E_URL) $(PY) -m pytest -q -m e2e $(PYTEST_ARGS)

lint: venv
	mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) scripts/check_local_imports.py
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: venv
	DATABASE_URL=$(PG_URL) $(PY) bench/tree.py

# Every bench once on the small demo, in a throwaway database it drops and recreates (bench/smoke.py).
BENCH_SMOKE_URL ?= postgres://postgres@127.0.0.1:5432/bench_smoke
bench-smoke: venv
	$(PY) bench/smoke.py --database-url $(BENCH_SMOKE_URL)

clean:
	rm -rf $(VENV) var/test.sqlite3

# Production (docs/operations.md): DEBUG=0, gunicorn + db_worker task workers; settings from the environment/.env.
.PHONY: serve serve-web serve-worker backup restore
serve: venv
	scripts/serve.sh all

serve-web: venv
	scripts/serve.sh web

serve-worker: venv
	scripts/serve.sh worker

# Backup and restore (docs/operations.md): BACKUP_DIR for `backup`, BACKUP=<directory made by backup> for `restore`.
backup: venv
	$(PY) scripts/backup.py backup $(if $(BACKUP_DIR),--to $(BACKUP_DIR))

restore: venv
	$(PY) scripts/backup.py restore $(BACKUP)
