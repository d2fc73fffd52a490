"""Settings for Medborgarlöften: one module, every knob from the environment."""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. "
            "Set DEBUG=true for local use, or export SECRET_KEY for production."
        )
    SECRET_KEY = "local-" + get_random_secret_key()

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "config.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "ninja",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "promises",
    "situation",
    "followup",
    "config.apps.ProjectConfig",
]

# Order matters (see the README's "Deploying" section): request id and health
# first, then the security headers, static files, the 503 page when the database is down,
# conditional GET and the public page cache, which sits outside the session, locale, CSRF
# and messages middleware so that it sees every cookie they set.
MIDDLEWARE = [
    "config.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.HealthCheckMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.AdminNoIndexMiddleware",
    # A page from the page cache is answered here, with the headers it was stored with (the
    # CSP among them: no page uses a nonce), without the middleware below; it is served even
    # when the database is down. ConditionalGet, above it, answers 304s for cached pages too.
    # Cache-Control for browsers and a proxy in front: public and short for pages alike for
    # everyone, private for pages with a form (above the page cache: see its docstring).
    "config.middleware.BrowserCacheControlMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "config.cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every page (issue 3), leaving out per-request form values so that pages with
    # forms still get 304s from ConditionalGetMiddleware above (which also answers for pages
    # served from the page cache).
    "config.middleware.StableETagMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "promises.middleware.StaffSessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "config.context_processors.content_generation",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL=postgres://... switches to PostgreSQL (psycopg 3).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# On PostgreSQL, parameters are bound by the server and a query run twice on a connection is
# prepared, so the server plans it once: 1.5 to 4 ms a page (bench/results.md). Behind a
# pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21, or
# without max_prepared_statements), set DATABASE_PREPARED_STATEMENTS=false.
if "postgresql" in DATABASES["default"]["ENGINE"] and env.bool(
    "DATABASE_PREPARED_STATEMENTS", default=True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache every process must share for the page cache (config/cache.py) and the rate limits:
# REDIS_URL=redis://... uses Django's Redis backend (production); CACHE_URL=dbcache://page_cache
# the database (`manage.py createcachetable` first); neither: each process's local memory.
REDIS_URL = env.str("REDIS_URL", default="")
CACHE_URL = env.str("CACHE_URL", default="")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="ml"),
    }
    if REDIS_URL
    else env.cache_url("CACHE_URL")
    if CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# Anonymous public pages are kept this many seconds in the cache (0 turns it off); an edit
# invalidates the pages it changes at once (config/cache.py). On by default only with a cache
# shared by every process (or with DEBUG: runserver is one process): with a cache in each
# worker's memory, the other workers would go on serving a page edited through one of them.
PUBLIC_PAGE_CACHE_SECONDS = env.int(
    "PUBLIC_PAGE_CACHE_SECONDS", default=300 if REDIS_URL or CACHE_URL or DEBUG else 0
)
# False: any edit invalidates every cached page (as before per-locality invalidation; the
# load test compares both).
PUBLIC_PAGE_CACHE_PER_LOCALITY = env.bool("PUBLIC_PAGE_CACHE_PER_LOCALITY", default=True)
# A page missed by several requests at once is rendered by one of them; the others wait up to
# this long for it (then render it themselves), instead of all rendering it (config/cache.py).
PUBLIC_PAGE_CACHE_WAIT_SECONDS = env.float("PUBLIC_PAGE_CACHE_WAIT_SECONDS", default=2.0)
# What browsers and a shared cache in front may keep a public page without a form for
# (Cache-Control: public, max-age, stale-while-revalidate): an edit shows behind a proxy
# within PUBLIC_CACHE_MAX_AGE seconds (config.middleware.BrowserCacheControlMiddleware).
PUBLIC_CACHE_MAX_AGE = env.int("PUBLIC_CACHE_MAX_AGE", default=60)
PUBLIC_CACHE_STALE_WHILE_REVALIDATE = env.int("PUBLIC_CACHE_STALE_WHILE_REVALIDATE", default=30)
# Paths (after the language prefix) never served from or stored in the page cache.
PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES = env.list(
    "PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES", default=[]
) + ["/i18n/", "/healthz", "/readyz"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="medborgarloften@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# Seconds before an SMTP connection gives up, so a slow mail server cannot hang a request.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

ADMIN_URL = env.str("ADMIN_URL", default="admin/")
if not ADMIN_URL.endswith("/"):
    ADMIN_URL += "/"

# Login hardening (the admin is the only place anybody logs in).
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out username+IP before the password is even checked.
    "promises.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "promises.backends.lockout_response"
AXES_VERBOSE = False
# Behind a proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER, e.g. HTTP_X_FORWARDED_FOR,REMOTE_ADDR.
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
# Two-factor login (TOTP) for staff; on by default in production.
ADMIN_REQUIRE_2FA = env.bool("ADMIN_REQUIRE_2FA", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Medborgarlöften")
# Staff sessions end after this many seconds without a request.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)
# History is shown, never reverted from the admin: a revert would bypass the rules
# (e.g. a commitment's status changes only with a note).
SIMPLE_HISTORY_REVERT_DISABLED = True

# The public address of the site, used in e-mails and feeds that leave the request cycle.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Security headers and cookies -------------------------------------------------------
# Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto (the proxy must
# overwrite that header). HSTS and the HTTPS redirect are on by default when DEBUG is off.
_proxy_header = env.str("SECURE_PROXY_SSL_HEADER", default="")
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _proxy_header.upper().replace("-", "_"),
        env.str("SECURE_PROXY_SSL_VALUE", default="https"),
    )
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the health checks over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading binds the whole registrable domain (e.g. the municipality's) to HTTPS for good:
# its owner's decision, so off by default and its deploy-check warning silenced while off.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no JavaScript of ours reads it
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Content-Security-Policy (django-csp 4): nothing inline, nothing from another host. A view
# that must differ (the embed widget may be framed) overrides a directive with
# `@csp_replace({"frame-ancestors": [...]})` and `@xframe_options_exempt`.
_SELF, _NONE = "'self'", "'none'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_SELF],
        "form-action": [_SELF],
        "frame-ancestors": [_NONE],
    },
}
# What the site never uses, turned off for it and anything it embeds (config/middleware.py).
PERMISSIONS_POLICY = env.str(
    "PERMISSIONS_POLICY",
    default="accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()",
)

# --- Logging: JSON lines on stdout in production, readable lines in development ---------------
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
# Residents talk back (followup): feedback, subscriptions, reminders. See README "Cron jobs".
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=365)
FEEDBACK_HANDLED_PERSONAL_DATA_DAYS = env.int("FEEDBACK_HANDLED_PERSONAL_DATA_DAYS", default=30)
FEEDBACK_MIN_SECONDS = env.int("FEEDBACK_MIN_SECONDS", default=3)
FEEDBACK_FORM_MAX_AGE = env.int("FEEDBACK_FORM_MAX_AGE", default=24 * 60 * 60)
FEEDBACK_RATE_LIMIT = env.int("FEEDBACK_RATE_LIMIT", default=5)
FEEDBACK_RATE_WINDOW = env.int("FEEDBACK_RATE_WINDOW", default=600)
# What the receipt says of how soon the team answers while a locality has answered too
# little feedback to tell (followup.selectors.usual_answer_days).
FEEDBACK_USUAL_ANSWER_DAYS = env.int("FEEDBACK_USUAL_ANSWER_DAYS", default=10)
# How many trusted proxies set X-Forwarded-For in front of the site (0: use REMOTE_ADDR).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
SUBSCRIPTION_CONFIRM_DAYS = env.int("SUBSCRIPTION_CONFIRM_DAYS", default=7)
# A promise in force whose last published follow-up note is older than this is marked
# "ingen uppföljning på N dagar", listed on the editors' dashboard and in reminders.
STALE_AFTER_DAYS = env.int("STALE_AFTER_DAYS", default=90)

# Who may show the embeddable progress card (/embed/promise/...) in a frame: the CSP
# frame-ancestors sources, e.g. "https://molndal.se https://polisen.se". The default lets
# any HTTPS page (and this site) frame it; the card is read-only, with no action to hijack.
EMBED_FRAME_ANCESTORS = env.list("EMBED_FRAME_ANCESTORS", default=["'self'", "https:"])

# The licence of the open data (API, CSV, DCAT catalogue).
OPEN_DATA_LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
# Who publishes the open data, as named in the DCAT-AP-SE catalogue (/api/v1/dcat.rdf).
OPEN_DATA_PUBLISHER = env.str("OPEN_DATA_PUBLISHER", default="Medborgarlöften")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "config.logs.RequestIdFilter"},
        "personal_data": {"()": "config.logs.PersonalDataFilter"},
    },
    "formatters": {
        "json": {"()": "config.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's own handlers mail admins and print to stderr; ours is enough.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # django-axes logs every successful login at INFO; lockouts come at WARNING.
        "axes": {"level": env.str("AXES_LOG_LEVEL", default="WARNING")},
    },
}
