"""
Settings for Newsroom.

One module for every environment: each value comes from an environment
variable with a default that suits the embedded case (SQLite, local memory
cache, local media, DEBUG on). Production sets DEBUG=0: the production safety
settings apply and a real SECRET_KEY is required. README.md lists every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated environment variable."""
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------

# On by default for the embedded case; production sets DEBUG=0 (check --deploy insists).
DEBUG = env_bool("DEBUG", default=True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (DEBUG=0, production). "
            "For local development leave DEBUG unset or set DEBUG=1."
        )
    SECRET_KEY = "django-insecure-embedded-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else ["localhost"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin patches apply.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    "newsroom",
    "articles",
    "ticker",
    "liveblog",
    "discovery",
    "pagecache",
    "importers",
    "backups",
    "api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    # django-axes, named for editors (its own name, "Axes", cannot be translated).
    "newsroom.logins.LoginsConfig",
]

MIDDLEWARE = [
    "newsroom.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Above the page cache: API answers served from it get their CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "newsroom.middleware.RejectUnstorableInputMiddleware",
    "newsroom.errors.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session: a stored public page is served without reading a session.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.AddressLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old WordPress addresses, for what the site itself answers 404.
    "importers.legacy_addresses.LegacyAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.SiteHeadersMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

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
                "django.template.context_processors.csp",
                "newsroom.context_processors.publication",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database and cache
# ---------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take SQLite's one write lock when their transaction starts, and wait up to
    # 20 s for it: a transaction that read first and then wrote would otherwise fail
    # with "database is locked" when another writer got there in between.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_backend(key_prefix: str, max_entries: int) -> dict:
    """Redis when REDIS_URL is set, shared by every process; else this process's memory."""
    if REDIS_URL:
        return {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": key_prefix,
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": key_prefix,
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


# Lets several sites (or benchmark runs) share one Redis without meeting.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "newsroom")
CACHES = {
    "default": cache_backend(CACHE_KEY_PREFIX, 300),
    # Whole public pages, shared fragments and their tag versions (pagecache/).
    "pagecache": cache_backend(
        f"{CACHE_KEY_PREFIX}-pages", int(os.environ.get("PAGE_CACHE_MAX_ENTRIES", "5000"))
    ),
}

# ---------------------------------------------------------------------------
# Authentication
# ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one
# account, or from one address, logins from there are refused for
# LOGIN_COOLOFF_MINUTES, with a page saying so; every failure is logged and kept
# (the admin's "Access attempts", or ``manage.py axes_reset`` to unlock at once).
# Both, not their combination: guessing one editor's password from many addresses,
# or many editors' from one, is each stopped. A newsroom behind one office address
# shares its count, hence a limit above a tired editor's typos.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
# The log names the account and address of each failure (never the password): what an
# investigation needs. django-axes hides both by default.
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_LOCKOUT_CALLABLE = "newsroom.logins.lockout_response"
# Behind TRUSTED_PROXY_COUNT proxies, a client's address is the one they report.
AXES_CLIENT_IP_CALLABLE = "newsroom.logins.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# ---------------------------------------------------------------------------
# Languages, time
# ---------------------------------------------------------------------------

LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Cairo")
FORMAT_MODULE_PATH = ["newsroom.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar",)


def localized_verbose_name(verbose_name, language: str) -> str:
    """A translated field's name: «العنوان [العربية]», not modeltranslation's «العنوان [ar]».

    The admin's language tabs drop the bracket; comparisons, error lists and the
    history show it. Called lazily, so the names are in the language of the page.
    """
    return f"{verbose_name} [{dict(LANGUAGES)[language]}]"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = localized_verbose_name
# The tabbed translation admin needs jQuery UI; serve our own copy, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

TAGGIT_CASE_INSENSITIVE = True
# «غزة، القدس»: the Arabic comma separates tags as the Latin one does.
TAGGIT_TAGS_FROM_STRING = "articles.tag_parsing.parse_tags"
TAGGIT_STRING_FROM_TAGS = "articles.tag_parsing.join_tags"

# ---------------------------------------------------------------------------
# Static files and media
# ---------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

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

# ---------------------------------------------------------------------------
# Security (production unless DEBUG is on)
# ---------------------------------------------------------------------------

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Everything the site and the admin load is served from our own origin. On public
# pages no inline style or script runs at all, and images come from our origin only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # The nonce admits the rich-text editor's inline import map, and nothing else.
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, *env_list("CSP_EXTRA_IMAGE_SOURCES", [])],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The admin (newsroom.middleware.SiteHeadersMiddleware) keeps inline styles and data:
# images: Django's widgets, jQuery UI's translation tabs and the rich-text editor set
# style attributes, which no nonce can admit, and their stylesheets embed small images.
ADMIN_CSP = {
    **SECURE_CSP,
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [*SECURE_CSP["img-src"], "data:"],
}
# Features the site never uses, denied to it and to anything it could be made to embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi",
        "payment", "publickey-credentials-get", "serial", "usb", "xr-spatial-tracking",
    )
)  # fmt: skip
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# ---------------------------------------------------------------------------
# Logging: everything to the console, where gunicorn and systemd collect it
# ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each line names its request (newsroom/request_log.py): id, method and address, user.
    "filters": {"request": {"()": "newsroom.request_log.RequestContextFilter"}},
    "formatters": {
        "request": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]"
            "%(request_line)s user=%(user)s: %(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "request",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django's own console handler would print its messages a second time.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}

# ---------------------------------------------------------------------------
# Publication
# ---------------------------------------------------------------------------

# How many articles a listing page shows.
ARTICLES_PER_PAGE = 12

# How often a live-coverage page asks for new updates, in seconds (15–30): also the
# width of the polling buckets readers share (liveblog/reading.py).
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "20"))

# How long a signed preview link for an unpublished article keeps working.
PREVIEW_MAX_AGE = int(os.environ.get("PREVIEW_MAX_AGE", str(60 * 60 * 24 * 3)))

# Dates on Arabic pages (newsroom/dates.py): "egyptian" (يناير) or "levantine"
# (كانون الثاني) month names, "western" or "arabic-indic" digits, and whether
# the Hijri date is shown beside the Gregorian one.
ARABIC_MONTH_NAMES = os.environ.get("ARABIC_MONTH_NAMES", "egyptian")
ARABIC_DIGITS = os.environ.get("ARABIC_DIGITS", "western")
SHOW_HIJRI_DATE = env_bool("SHOW_HIJRI_DATE", False)

# How often an open page asks for the ticker's live items.
TICKER_REFRESH_SECONDS = int(os.environ.get("TICKER_REFRESH_SECONDS", "60"))

# ---------------------------------------------------------------------------
# The read-only API (api/): Django REST Framework, OpenAPI by drf-spectacular
# ---------------------------------------------------------------------------

REST_FRAMEWORK = {
    # Public and read-only: no sessions (so no CSRF and no cookies), JSON only.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ReaderRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
# Requests each client address may make to the API, e.g. "120/minute"; empty turns
# the limit off. Answers the page cache serves do not count: they cost nothing.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "Newsroom API",
    "DESCRIPTION": "Read-only access to what the publication has published.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# Any site may read the API from a browser: GET only, no credentials.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# ---------------------------------------------------------------------------
# Page cache (pagecache/): public pages kept whole, purged by content tags
# ---------------------------------------------------------------------------

PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Fragments many pages share (the ticker strip), kept even for pages not in the cache.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "pagecache"
# How long the server keeps a page nobody changed; edits purge it at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# With Redis, each process also holds the entries it used last, served without asking
# Redis while no purge is announced (pagecache/nearby.py); 0 turns that off.
PAGE_CACHE_NEARBY_ENTRIES = int(os.environ.get("PAGE_CACHE_NEARBY_ENTRIES", "1000"))
# How long browsers may keep a public page before asking again (they cannot be purged).
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
# Varnish or CDN endpoints purged by content tag after every change (pagecache/cdn.py).
CDN_PURGE_URLS = env_list("CDN_PURGE_URLS", [])
CDN_PURGE_BACKEND = os.environ.get("CDN_PURGE_BACKEND", "pagecache.cdn.XkeyPurger")
CDN_PURGE_TIMEOUT = float(os.environ.get("CDN_PURGE_TIMEOUT", "2"))
# How long shared caches keep a public page (s-maxage). Long only when they are purged:
# a CDN that is not told of changes must ask again as often as browsers do.
CDN_CACHE_SECONDS = int(
    os.environ.get("CDN_CACHE_SECONDS", str(PAGE_CACHE_SECONDS if CDN_PURGE_URLS else 60))
)
STALE_WHILE_REVALIDATE_SECONDS = int(os.environ.get("STALE_WHILE_REVALIDATE_SECONDS", "30"))
STALE_IF_ERROR_SECONDS = int(os.environ.get("STALE_IF_ERROR_SECONDS", str(60 * 60 * 24)))
