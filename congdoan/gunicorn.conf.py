"""gunicorn settings for the web processes (``gunicorn -c congdoan/gunicorn.conf.py congdoan.wsgi``).

Every value comes from the environment, with defaults for one machine; see docs/operations.md.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: each request holds one persistent database connection (CONN_MAX_AGE), so the number of
# workers × web machines must stay under PostgreSQL's max_connections with the task workers' share.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # long work runs as tasks, never in a request
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so no slow leak grows for ever; the jitter keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Addresses of the reverse proxies allowed to set X-Forwarded-* for gunicorn itself (wsgi.url_scheme).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# No client address or query string in the access log line beyond what the proxy already logs.
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
proc_name = "congdoan-web"
