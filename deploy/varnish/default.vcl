# Varnish in front of Headline (Debian's `varnish`, VCL 4.1; `make serve` runs it this way).
#
# It caches what the app marks public (Cache-Control: public, s-maxage, stale-while-revalidate;
# see headline.core.middleware.EdgeCacheMiddleware) for anonymous readers, passes everything
# personal to the app, and takes PURGE requests from the app (Wagtail's front-end cache
# invalidation, VARNISH_URL) to drop a path together with all its query-string variants.
vcl 4.1;

# The app. `make serve` writes its own port here; change it for your gunicorn.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .first_byte_timeout = 60s;
}

# Who may purge: the app's own machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from this address."));
        }
        # A ban, not a purge of one object: it drops the path with every query string
        # (?page=2, search terms), and `/*` drops every address under `/` (a section renamed).
        # The path is matched literally: each regex metacharacter in it is escaped.
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsuball(regsub(req.url, "\*$", ""), "([][.*+?^$(){}|\\])", "\\\1"));
        } else {
            ban("obj.http.x-url ~ ^" + regsuball(req.url, "([][.*+?^$(){}|\\])", "\\\1") + "([?&]|$)");
        }
        return (synth(200, "Purged"));
    }
    # A client that takes no gzip (scripts, feed readers, some crawlers: no Accept-Encoding,
    # `identity` or `gzip;q=0`) is answered plain by the app and gets a cached copy of its own:
    # unzipping the stored gzip copy for each of its requests costs more than serving it (an
    # article is 160 kB).
    if (req.http.Accept-Encoding ~ "(?i)\bgzip\b" && req.http.Accept-Encoding !~ "(?i)\bgzip\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$)") {
        unset req.http.X-Plain;
    } else {
        set req.http.X-Plain = "1";
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff and readers with a session (the admin, a reader's own held comment) or a message
    # waiting for them see their own pages; so does anyone sending credentials.
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)="
        || req.http.Authorization) {
        return (pass);
    }
    # Any other cookie (a CSRF token, analytics) does not change a public page.
    unset req.http.Cookie;
    # Campaign parameters change nothing either: one copy serves every link shared.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_eid)=") {
        set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_eid)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    return (hash);
}

sub vcl_hash {
    if (req.http.X-Plain) {
        hash_data("plain");
    }
    # The built-in vcl_hash adds the URL and host.
}

sub vcl_backend_fetch {
    # Varnish asks the app for gzip on every fetch; the plain copy is fetched plain.
    if (bereq.http.X-Plain) {
        unset bereq.http.Accept-Encoding;
    }
    unset bereq.http.X-Plain;
}

sub vcl_backend_response {
    # Bans match on the stored URL (lurker-friendly: no request needed to evaluate them).
    set beresp.http.x-url = bereq.url;
    # Varnish compresses nothing itself: the app compresses what it may (never a response that
    # carries a secret, against BREACH) for the clients that ask.
    # s-maxage sets the TTL and stale-while-revalidate the grace (Varnish reads both itself);
    # what the app marks private, or sets a cookie on, is never stored (the built-in rules).
}

sub vcl_deliver {
    unset resp.http.x-url;
    # HIT or MISS, for people and tests checking what the cache did.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
