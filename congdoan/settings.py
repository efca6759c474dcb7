"""Django settings for congdoan.

Twelve-factor: everything that differs between a laptop demo and a national
PostgreSQL deployment comes from the environment (see .env.example).
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default=_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DEBUG is off (see .env.example).")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # serves the API docs' Swagger UI from our own static files (no CDN, CSP-clean)
    "django_tasks",
    "django_tasks_db",
    "axes",
    "congdoan.core",
    "congdoan.accounts",
    "congdoan.audit",
    "congdoan.org",
    "congdoan.members",
    "congdoan.finance",
    "congdoan.targets",
    "congdoan.welfare",
    "congdoan.emulation",
    "congdoan.congress",
    "congdoan.culture",
    "congdoan.party",
    "congdoan.history",
    "congdoan.restructure",
    "congdoan.documents",
    "congdoan.jobs",
    "congdoan.inbox",
    "congdoan.home",
    "congdoan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "congdoan.accounts.middleware.SlidingSessionMiddleware",  # idle timeout, one session write a minute at most
    "django.middleware.locale.LocaleMiddleware",
    "congdoan.core.middleware.NoStoreMiddleware",
    "congdoan.core.middleware.RefuseNulMiddleware",
    "congdoan.core.middleware.ApiSlashMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "congdoan.core.errors.FriendlyErrorsMiddleware",  # Vietnamese 404/500 pages also with DEBUG on
]

ROOT_URLCONF = "congdoan.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "congdoan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "congdoan.accounts.context_processors.current_scope",
                "congdoan.inbox.context_processors.inbox",
            ],
        },
    },
]
WSGI_APPLICATION = "congdoan.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'congdoan.sqlite3'}")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the demo server read while a long import writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
else:
    # PostgreSQL's JIT compiles any query the planner *guesses* is costly; for this application's
    # short queries (recursive walks of the tree, whose row counts it overestimates by 100×) the
    # compilation alone took 0.4 s of a 0.9 s statistics query. Off per connection; the bulk rebuilds
    # lose nothing measurable (docs/performance.md).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
# Persistent connections (seconds; 0 closes after each request: 5-6 ms of PostgreSQL connection set-up per
# request, docs/performance.md), checked before reuse so a restarted server costs one failed check, not a 500.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
# Behind PgBouncer in transaction pooling a server-side cursor (.iterator()) may outlive its transaction's
# server connection: set DISABLE_SERVER_SIDE_CURSORS=1 there (docs/operations.md, "PgBouncer").
if env.bool("DISABLE_SERVER_SIDE_CURSORS", default=False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# Optional streaming replica for the statistics and dashboard pages (congdoan/db_router.py, docs/operations.md).
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "OPTIONS": {**DATABASES["default"]["OPTIONS"], **env.db("DATABASE_REPLICA_URL").get("OPTIONS", {})},
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": DATABASES["default"]["CONN_HEALTH_CHECKS"],
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["congdoan.db_router.ReplicaRouter"]
    MIDDLEWARE = [*MIDDLEWARE, "congdoan.db_router.ReplicaReadsMiddleware"]
REPLICA_READ_VIEWS = [
    "home:dashboard",
    "home:dashboard_xlsx",
    "members:statistics",
    "members:statistics_export",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Covering indexes (INCLUDE) exist for PostgreSQL; SQLite ignores the extra columns, which is fine.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# django-axes (congdoan/core/login_protection.py): lock a (username, client address) pair after 5 failures
# for a short cool-off that doubles with each lockout of the pair in a day; one address is locked for every
# username after LOGIN_ADDRESS_FAILURE_LIMIT failures. The client address is REMOTE_ADDR, or the entry of
# X-Forwarded-For written by the outermost of TRUSTED_PROXY_COUNT reverse proxies (0 = no proxy).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=30)
LOGIN_COOLOFF_MINUTES = env.int("LOGIN_COOLOFF_MINUTES", default=5)
LOGIN_COOLOFF_MAX_MINUTES = env.int("LOGIN_COOLOFF_MAX_MINUTES", default=24 * 60)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT or None  # documents the same number in axes' own terms
AXES_CLIENT_IP_CALLABLE = "congdoan.core.login_protection.client_ip"
AXES_COOLOFF_TIME = "congdoan.core.login_protection.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a lockout ends when it said it would
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the lockout history that lengthens the cool-off
AXES_HANDLER = "congdoan.core.login_protection.LoginProtectionHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_LOCKOUT_TEMPLATE = "axes_locked.html"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "congdoan" / "locale"]
FORMAT_MODULE_PATH = ["congdoan.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# Numbers are grouped explicitly with the |vnnumber and |vnd filters (1.234.567): a global separator
# would also turn ids and years into "8.882" and "2.026" inside links, forms and attributes.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "congdoan" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Uploaded and generated files: local disk by default; S3-compatible object storage (django-storages) when
# AWS_STORAGE_BUCKET_NAME is set, so every web and worker machine sees the same files.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "location": env("AWS_LOCATION", default=""),
            "default_acl": None,
            "querystring_auth": True,  # private files: links are signed and expire
            "signature_version": "s3v4",
            "file_overwrite": False,
        },
    }

# Cache (and so the throttles that count in it): Redis shared by every web process when REDIS_URL is set,
# otherwise each process's own memory (the laptop install). Sessions live in the database, read through the
# cache when it is shared.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="congdoan"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Security headers. HTTPS-only settings switch on with SECURE=true behind TLS.
SECURE = env.bool("SECURE", default=False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=SECURE)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=SECURE)
if TRUSTED_PROXY_COUNT:
    # TLS ends at the proxy, which must overwrite (not append to) this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Long work (imports, big exports) runs as tasks: immediately in the demo and tests, in a database-backed
# queue with `manage.py db_worker` in production (TASKS_BACKEND=django_tasks_db.DatabaseBackend).
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}
}

# Accounts (issue 19 §2): two-factor sign-in, the sign-in steps, e-mail for password reset, idle sessions.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp"]
_after_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
MIDDLEWARE[_after_auth:_after_auth] = [
    "django_otp.middleware.OTPMiddleware",
    "congdoan.accounts.middleware.SignInStepsMiddleware",
]
CONGDOAN_REQUIRE_2FA_FOR_ADMINS = env.bool("CONGDOAN_REQUIRE_2FA_FOR_ADMINS", default=False)
OTP_TOTP_ISSUER = "Công đoàn Việt Nam"
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="congdoan <khong-tra-loi@localhost>")
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=24 * 3600)
# A session ends after this many seconds without a request: accounts.middleware.SlidingSessionMiddleware
# pushes the end back at most once a minute (not SESSION_SAVE_EVERY_REQUEST: a session write per page view).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=2 * 3600)
AUTH_PASSWORD_VALIDATORS = [
    {**v, "NAME": "congdoan.accounts.validators.MinimumLengthValidator"}
    if v["NAME"].endswith(".MinimumLengthValidator")
    else v
    for v in AUTH_PASSWORD_VALIDATORS
]

# The site's address in e-mails (links to notices, password resets sent by tasks).
CONGDOAN_SITE_URL = env("CONGDOAN_SITE_URL", default="http://127.0.0.1:8000")
# Files of finished jobs (uploaded workbooks, error workbooks, exported lists) hold personal data: deleted after
# this many days by `manage.py purge_job_files` (run daily by `scripts/serve.sh worker`).
CONGDOAN_JOB_FILE_DAYS = env.int("CONGDOAN_JOB_FILE_DAYS", default=30)
