"""Settings for diplomacy, read from the environment (see .env.example).

A local .env file, if present, fills variables the environment leaves unset.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from diplomacy.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_rate,
    env_str,
    env_timezone,
    env_url,
    load_dotenv_file,
)

BASE_DIR = Path(__file__).resolve().parent.parent
load_dotenv_file(BASE_DIR / ".env")

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
# The example's value is public: a site running with it signs sessions and
# password-reset links with a key everyone knows.
PLACEHOLDER_SECRET_KEY = "change-me-to-a-long-random-string-of-50-characters"  # noqa: S105
if not DEBUG and SECRET_KEY == PLACEHOLDER_SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "SECRET_KEY is the placeholder from .env.example; generate one with "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if not DEBUG and len(SECRET_KEY) < 32:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters when DEBUG is off.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search lookups; inert on SQLite.
    "django.contrib.postgres",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "corsheaders",
    "simple_history",
    # Spreadsheets in and out of the admin (people/resources.py, events/resources.py).
    "import_export",
    "axes",
    "csp",
    "diplomacy",
    "people",
    "events",
    "website",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # gzip for anonymous readers (no secret in the page, so no BREACH), outside
    # the page cache so stored pages are compressed on the way out, and
    # outside ConditionalGetMiddleware so the ETag is that of the plain bytes.
    "diplomacy.pagecache.AnonymousGZipMiddleware",
    # Whole responses for anonymous readers, in the shared cache; after
    # LocaleMiddleware, whose language is part of the key (diplomacy/pagecache.py).
    "diplomacy.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag and 304 Not Modified for GET, on pages and the API alike.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks, so it sees the final response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "diplomacy.urls"
WSGI_APPLICATION = "diplomacy.wsgi.application"
ASGI_APPLICATION = "diplomacy.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite by default so a newcomer needs nothing; PostgreSQL in CI and
# production, chosen by DATABASE_URL.
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is given, otherwise a database table. Both are
# shared by every web process, which throttling relies on. Redis is optional
# in both senses: while it is down the site runs on each process's memory
# (diplomacy/cache.py).
REDIS_URL = env_url("REDIS_URL", ["redis", "rediss", "unix"])
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "diplomacy")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "diplomacy.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
# The shared page cache for anonymous readers (diplomacy/pagecache.py): how
# long a page is kept at most (an edit empties it at once; 0 turns it off,
# the default without Redis, where every hit would be a database query),
# and what browsers and proxies are told.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0, minimum=0)
PAGE_BROWSER_SECONDS = env_int("PAGE_BROWSER_SECONDS", 60, minimum=0)
PAGE_STALE_SECONDS = env_int("PAGE_STALE_SECONDS", 300, minimum=0)
# Reverse proxies sent a BAN after each edit (docs/operations.md), comma-separated.
PAGE_PURGE_URLS = env_list("PAGE_PURGE_URLS")
if any(not url.startswith(("http://", "https://")) for url in PAGE_PURGE_URLS):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("PAGE_PURGE_URLS must be http:// or https:// addresses.")
# API throttle counters, when the shared cache is the database table: each
# process counts in its own memory, so that no read writes to the database
# (diplomacy/api/throttling.py); with Redis they are shared.
CACHES["throttle"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "api-throttle",
    "OPTIONS": {"MAX_ENTRIES": 10000},
}
# Sessions (editors in the admin; the public site sets none) live in the
# database only: with a cache in front, a log-out while Redis is down would
# delete the database row but not the cached copy, and the session would
# come back with Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The set is fixed because every translated field has a column per
# language; LANGUAGE_CODE picks the default among them.
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("ky", _("Kyrgyz"))]
LANGUAGE_CODE = env_choice("LANGUAGE_CODE", "en", [code for code, _name in LANGUAGES])
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and times as each language writes them (diplomacy/formats/).
FORMAT_MODULE_PATH = ["diplomacy.formats"]
USE_I18N = True
TIME_ZONE = env_timezone("TIME_ZONE", "UTC")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A missing translation falls back to a filled-in one; Kyrgyz readers are
# better served by Russian than by English.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "ru", "ky"), "ky": ("ru", "en")}

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# A spreadsheet's preview and its confirmation may reach different web
# processes: the uploaded file waits in the shared media storage, not in one
# machine's temporary folder.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
# "Export selected" on a changelist writes the selection at once (CSV, every
# column); the Export button offers the formats and columns.
IMPORT_EXPORT_SKIP_ADMIN_ACTION_EXPORT_UI = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# Opt into Django 6's default now: URLs typed without a scheme mean https.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Security. HTTPS=true behind TLS turns on secure cookies, HSTS and redirects.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Only once the domain is submitted to the browsers' preload list (and every
# subdomain serves HTTPS): it cannot be taken back quickly.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Load balancers ask for health over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# Behind one reverse proxy, the client's address is the last one the proxy
# appends to X-Forwarded-For; without one the header is the client's to forge,
# so throttling and log-in lockouts use the connection's address.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
AXES_IPWARE_PROXY_COUNT = 1 if BEHIND_PROXY else 0
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin and some widgets set style attributes inline.
        "style-src": ["'self'", "'unsafe-inline'"],
        # Event bodies may show images from other https sites.
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Admin login: lock out an address and user name after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"outage": {"()": "diplomacy.outage.OutageLogFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice("LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]),
    },
    "loggers": {
        "axes": {"level": "WARNING"},
        # A database outage is logged once a minute, not once per request.
        "django.request": {"filters": ["outage"]},
    },
}

# --- REST API (/api/v1/) ----------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Partners send "Authorization: Token …"; knox stores only a hash of
        # each token and expires it.
        "knox.auth.TokenAuthentication",
        # Editors signed in to the admin may use the browsable API.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "diplomacy.api.pagination.KeysetPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": ["diplomacy.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("API_THROTTLE_ANON", "120/minute"),
        "user": env_rate("API_THROTTLE_USER", "1200/minute"),
    },
    # Bodies are JSON: records nest objects and lists that form encodings
    # cannot carry, and a malformed form body would parse as an empty one.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "diplomacy.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
    "DATETIME_FORMAT": "iso-8601",
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Refuse API writes without If-Match (428), so that no client can overwrite a
# change it has not seen; off by default, as v1 clients may not send it.
API_REQUIRE_IF_MATCH = env_bool("API_REQUIRE_IF_MATCH", False)
# Event reads (GET list and detail, JSON) answered with documents PostgreSQL
# builds in one statement (events/api/documents.py); false: the serializers,
# as on SQLite. The bytes are the same either way.
API_SQL_DOCUMENTS = env_bool("API_SQL_DOCUMENTS", True)
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env_int("API_TOKEN_TTL_DAYS", 90, minimum=1)),
    "AUTO_REFRESH": False,
    # A user may hold a few tokens (one per integration), not unlimited ones.
    "TOKEN_LIMIT_PER_USER": 10,
}
DRF_STANDARDIZED_ERRORS = {
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "415", "429"],
    # Also answers 503 when the database is away (diplomacy/api/errors.py).
    "EXCEPTION_HANDLER_CLASS": "diplomacy.api.errors.ApiExceptionHandler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "diplomacy API",
    "DESCRIPTION": (
        "Public-diplomacy events with their people, organizations and countries. "
        "Anonymous clients read published records; partners write with a token. "
        "See docs/api.md for examples and the changelog."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "events.models.Event.Kind",
        "EventStatusEnum": "events.models.Event.Status",
        "ParticipantRoleEnum": "events.models.Participation.Role",
        "OrganizationRoleEnum": "events.models.EventOrganization.Role",
        "OrganizationKindEnum": "people.models.Organization.Kind",
        "EntryResultEnum": "events.models.Entry.Result",
        "OutcomeKindEnum": "events.models.Outcome.Kind",
        "PartyRoleEnum": "events.models.OutcomeParty.Role",
        "ReportLanguageEnum": "events.api.drafts.REPORT_LANGUAGES",
        # The site's languages, named as before the reports' two came.
        "LanguageEnum": LANGUAGES,
        **{
            name: f"drf_standardized_errors.openapi_serializers.{name}.choices"
            for name in (
                "ValidationErrorEnum",
                "ClientErrorEnum",
                "ServerErrorEnum",
                "ErrorCode401Enum",
                "ErrorCode403Enum",
                "ErrorCode404Enum",
                "ErrorCode429Enum",
            )
        },
    },
    "POSTPROCESSING_HOOKS": [
        "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
        # Sparse rows (`fields=`) require no field.
        "diplomacy.api.schema.sparse_rows_hook",
    ],
}
# Anyone may read the API from a browser page on another site; writes stay
# same-origin or server-to-server with a token.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
