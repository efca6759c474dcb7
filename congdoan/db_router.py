"""Optional read replica: the statistics and dashboard pages read from it, everything else from the primary.

Active only when ``DATABASE_REPLICA_URL`` is set (settings add the ``replica`` alias, this router and the
middleware). Exactly these reads go to the replica:

- GET and HEAD requests to the views named in ``settings.REPLICA_READ_VIEWS`` (the unit dashboard and its
  XLSX facts, the member statistics page and its export), for every model **except** the apps in
  ``PRIMARY_ONLY_APPS``: sessions, users and their assignments and tokens (``accounts``, ``auth``), login
  protection (``axes``), tasks and jobs, the audit log and content types. So a fresh login, a role granted a
  second ago or a job just queued are never missed because of replication lag; the figures on those pages
  may be a few seconds old.
- Nothing else: every other page, every API call, every POST and every write use the primary. Writes always
  go to the primary, even inside a replica-reading request.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
PRIMARY = "default"
PRIMARY_ONLY_APPS = frozenset(
    {"sessions", "accounts", "auth", "axes", "contenttypes", "admin", "django_tasks_db", "jobs", "audit"}
)

_replica_reads = ContextVar("congdoan_replica_reads", default=False)


@contextmanager
def replica_reads():
    """Within the block, reads of the statistical models go to the replica (if one is configured)."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_reads_active() -> bool:
    return _replica_reads.get()


class ReplicaRouter:
    @staticmethod
    def replica_configured() -> bool:
        return REPLICA in settings.DATABASES

    def db_for_read(self, model, **hints):
        if (
            _replica_reads.get()
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and self.replica_configured()
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: objects from both relate freely

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY  # the replica receives the schema by replication


class ReplicaReadsMiddleware:
    """Turns replica reads on for the safe methods of the views in ``settings.REPLICA_READ_VIEWS``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = frozenset(getattr(settings, "REPLICA_READ_VIEWS", ()))

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            token = getattr(request, "_replica_token", None)
            if token is not None:
                _replica_reads.reset(token)
                del request._replica_token

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if request.method in ("GET", "HEAD") and match is not None and match.view_name in self.views:
            request._replica_token = _replica_reads.set(True)
        return None
