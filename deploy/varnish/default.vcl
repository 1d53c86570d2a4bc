#
# Varnish 7 in front of Newsroom (gunicorn on 127.0.0.1:8001).
#
# What Varnish may keep, and for how long, is decided by Django: public pages
# come with `Cache-Control: public, max-age=60, s-maxage=N, ...` and the
# content tags they show in `xkey`; everything else (the admin, previews,
# logged-in readers, errors) is `private, no-store`, which Varnish's built-in
# rules never cache. After every committed change Django sends
# `PURGE` with `xkey-purge: <tags>` (pagecache/cdn.py, CDN_PURGE_URLS), and this
# file drops every page carrying one of those tags. Responses say `X-Cache: HIT`,
# `MISS` or `PASS`. deploy/varnish/README.md shows where Varnish stands and how
# to start it; tests/pagecache/test_varnish.py runs this file in front of Django.
#
# Subroutines below run before Varnish's built-in ones (builtin.vcl) unless
# they return: the built-in rules still refuse to cache requests with an
# Authorization header and responses that set a cookie or say private/no-store.
#
vcl 4.1;

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8001";
    # A page takes a few hundred milliseconds at worst; a stuck worker should
    # not hold a reader for Varnish's default minute.
    .first_byte_timeout = 30s;
}

# Who may purge. Django purges from the application host, through
# CDN_PURGE_URLS. When gunicorn runs on other hosts than Varnish, add their
# addresses here ("10.0.0.12"; or a network: "10.0.0.0"/24) and reload:
#   varnishreload   (or: varnishadm vcl.load new /etc/varnish/default.vcl; vcl.use new)
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # Internal to this file (see vcl_hit): never taken from a client.
    if (req.restarts == 0) {
        unset req.http.X-Newsroom-Stale;
    }

    if (req.method == "PURGE") {
        # Only Django, speaking to Varnish directly. A reader's request relayed by a
        # TLS terminator on this host may come from 127.0.0.1 too: nginx always adds
        # X-Forwarded-Proto (Django's purges never do), and hitch's socket is "tls".
        if (client.ip !~ purgers || req.http.X-Forwarded-Proto || local.socket == "tls") {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Missing xkey-purge header"));
        }
        # A hard purge: the pages are gone, not kept for grace, so the first reader
        # after an edit waits for the new page rather than being served the old one.
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }

    # How the reader came, for Django (SECURE_PROXY_SSL_HEADER) and vcl_hash. hitch
    # hands its HTTPS connections over the PROXY protocol to the socket named "tls"
    # (-a tls=127.0.0.1:8443,PROXY); nginx says so in X-Forwarded-Proto; otherwise
    # the reader spoke plain HTTP to Varnish, and Django redirects them to HTTPS.
    if (local.socket == "tls") {
        set req.http.X-Forwarded-Proto = "https";
    } elsif (!req.http.X-Forwarded-Proto) {
        set req.http.X-Forwarded-Proto = "http";
    }

    # Editors' pages and signed previews of unpublished articles are never shared
    # (Django marks them private too; passing spares the lookup). Arabic has no
    # prefix, English is under /en/.
    if (req.url ~ "^/(en/)?(admin|preview)/") {
        return (pass);
    }
    # A session cookie (Django's SESSION_COOKIE_NAME) means a reader who may be
    # logged in: they get pages of their own, as from Django's page cache.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Public pages never read cookies (analytics, a stale csrftoken): dropping
    # them lets the built-in rules cache the page for everyone. Other methods keep
    # them: the built-in rules pass those, and forms need their CSRF cookie.
    if (req.method == "GET" || req.method == "HEAD") {
        unset req.http.Cookie;
    }

    # A copy too stale to serve was asked anew (vcl_hit): skip it in the lookup.
    set req.hash_always_miss = (req.http.X-Newsroom-Stale == "refresh");
}

sub vcl_hash {
    # A request over plain HTTP is answered with a redirect to HTTPS (Django's
    # SECURE_SSL_REDIRECT): it must never be served to a reader over HTTPS.
    hash_data(req.http.X-Forwarded-Proto);
    # The built-in rule adds the URL and the Host header.
}

# Stale copies. Django lets shared caches serve a page past its s-maxage:
#  - for `stale-while-revalidate` seconds (30) while fetching it anew behind it;
#    a page due to change at a known moment (the home page when a scheduled
#    article goes live) is sent without it, and is never served stale so;
#  - for `stale-if-error` seconds (a day) while the site fails.
# So Varnish keeps each page for its stale-if-error (grace, vcl_backend_response).
# Within stale-while-revalidate, Varnish's own grace serves the stale copy and
# fetches behind it; past that, vcl_hit has the reader wait for a fresh page and
# vcl_synth falls back to the stale copy when that fetch fails. (Responses without
# stale-if-error, such as static files, keep Varnish's defaults.) Unlike misses,
# such foreground fetches of one page are not merged into one by Varnish; Django's
# page cache has them wait for a single render.
sub vcl_hit {
    if (obj.ttl < 0s
        && obj.http.Cache-Control ~ "stale-if-error="
        && !req.http.X-Newsroom-Stale
        && obj.ttl + std.duration(regsub(obj.http.Cache-Control,
                "^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s) < 0s) {
        # Past stale-while-revalidate: the reader waits for a fresh page, and the
        # stale one is kept for the case the fetch fails (vcl_synth).
        set req.http.X-Newsroom-Stale = "refresh";
        return (restart);
    }
}

sub vcl_backend_response {
    # A background fetch (within stale-while-revalidate) or a refresh (past it)
    # that fails leaves the stale copy in place: it is served instead of the error.
    if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Newsroom-Stale == "refresh")) {
        return (abandon);
    }
    # The TTL is Django's s-maxage (the built-in rules read Cache-Control). Keep the
    # page past it for its stale-if-error; vcl_hit decides when that copy is served.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
}

sub vcl_backend_error {
    # gunicorn did not answer at all: the same as an error answer above.
    if (bereq.is_bgfetch || bereq.http.X-Newsroom-Stale == "refresh") {
        return (abandon);
    }
}

sub vcl_synth {
    # The refresh of a stale copy failed: look the stale copy up again and serve it.
    if (resp.status == 503 && req.http.X-Newsroom-Stale == "refresh") {
        set req.http.X-Newsroom-Stale = "error";
        return (restart);
    }
}

sub vcl_deliver {
    # For operators and the tests: was this a hit, a miss, or never cacheable?
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # s-maxage (an hour) is for this cache, which Django purges. Shared caches
    # after it (a CDN, an office's proxy) are told of no change: they get
    # max-age (a minute), as browsers do.
    if (resp.http.Cache-Control ~ "s-maxage=") {
        set resp.http.Cache-Control = regsub(resp.http.Cache-Control, ",\s*s-maxage=[0-9]+", "");
    }
    # Content tags are for Varnish alone; send `X-Cache-Debug: 1` to see them.
    # (A CDN in front that is purged too, by Surrogate-Key, needs that header and
    # s-maxage: then keep both here.)
    if (!req.http.X-Cache-Debug) {
        unset resp.http.xkey;
        unset resp.http.Surrogate-Key;
    }
}
