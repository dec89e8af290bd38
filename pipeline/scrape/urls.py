"""Canonical URLs: one spelling per page, so the same article found twice is fetched once."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say where a reader came from (Google, Facebook, Zalo, Mailchimp …).
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "igshid",
        "zarsrc",
        "gidzl",
        "ref",
        "ref_src",
        "cmpid",
        "spm",
    }
)
_TRACKING_PREFIXES = ("utm_", "vero_", "pk_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(param: str) -> bool:
    name = param.lower()
    return name in TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str, base: str | None = None) -> str:
    """Absolute URL with lower-case scheme and host, no default port, no fragment, no tracking params."""
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    )
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc or "").lower()


def is_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def same_site(url: str, site: str) -> bool:
    """True when ``url``'s host is ``site`` or one of its subdomains (``www.``, ``phuongnam.`` …)."""
    host = (urlsplit(url).hostname or "").lower()
    site = site.lower()
    return host == site or host.endswith("." + site)
