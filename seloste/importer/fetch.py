"""Fetch a published notice over http(s): one GET, a timeout, a size limit, and no private addresses.

Redirects are followed by hand (at most five), and every address — the first and each redirect target — is
resolved and refused when it is not a public one (loopback, private, link-local, reserved…), so a page cannot
send seloste into the user's own network. Tests serve pages from a loopback server: they allow loopback
addresses (127.0.0.0/8, ::1) with `allow_loopback=True` or the environment variable `SELOSTE_ALLOW_LOOPBACK=1`;
private networks stay refused even then.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import time
from urllib.parse import urljoin, urlsplit

from ..i18n import tr
from .sources import MAX_SOURCE_BYTES, SourceError

TIMEOUT = 15.0  # seconds for connecting and between bytes
DEADLINE = 30.0  # seconds for the whole fetch
MAX_FETCH_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
LOOPBACK_ENV = "SELOSTE_ALLOW_LOOPBACK"
USER_AGENT = "seloste-import (+privacy notice audit)"


def _addresses(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise SourceError(tr("cannot resolve the host '{host}': {reason}", host=host, reason=str(exc))) from None
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_url(url: str, *, allow_loopback: bool) -> None:
    """Refuse a URL that is not http(s) or whose host is not a public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise SourceError(tr("only http and https addresses can be fetched, not '{scheme}:'", scheme=parts.scheme))
    if not parts.hostname:
        raise SourceError(tr("the address '{url}' has no host", url=url))
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    for address in _addresses(parts.hostname, port):
        if address.is_loopback and allow_loopback:
            continue
        if not address.is_global or address.is_multicast:
            kind = tr("loopback") if address.is_loopback else tr("private or reserved")
            raise SourceError(
                tr(
                    "refusing to fetch {url}: its host {host} is a {kind} address ({address}); seloste "
                    "fetches only public web pages",
                    url=url,
                    host=parts.hostname,
                    kind=kind,
                    address=str(address),
                )
            )


def fetch(url: str, *, allow_loopback: bool = False) -> tuple[bytes, str, str]:
    """(body, content type, final URL) of a page. Raises SourceError for every failure."""
    import httpx

    allow_loopback = allow_loopback or os.environ.get(LOOPBACK_ENV) == "1"
    limit = min(MAX_FETCH_BYTES, MAX_SOURCE_BYTES)
    started = time.monotonic()
    try:
        with httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(TIMEOUT),
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        ) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_url(url, allow_loopback=allow_loopback)
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise SourceError(tr("{url} redirects without saying where", url=url))
                        url = urljoin(url, location)
                        continue
                    if response.status_code >= 400:
                        raise SourceError(
                            tr(
                                "{url} answered {status}",
                                url=url,
                                status=" ".join((str(response.status_code), response.reason_phrase)),
                            )
                        )
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        raise SourceError(
                            tr("{url} is {size} bytes; the limit is {limit} bytes", url=url, size=declared, limit=limit)
                        )
                    body = bytearray()
                    for chunk in response.iter_raw():
                        body += chunk
                        if len(body) > limit:
                            raise SourceError(
                                tr("{url} sent more than {limit} bytes; stopped reading", url=url, limit=limit)
                            )
                        if time.monotonic() - started > DEADLINE:
                            raise SourceError(
                                tr(
                                    "{url} did not finish sending within {seconds} seconds",
                                    url=url,
                                    seconds=int(DEADLINE),
                                )
                            )
                    encoding = response.headers.get("content-encoding", "identity").lower()
                    if encoding not in ("identity", ""):
                        raise SourceError(
                            tr(
                                "{url} sent a compressed body ({encoding}) although none was asked for",
                                url=url,
                                encoding=encoding,
                            )
                        )
                    return bytes(body), response.headers.get("content-type", ""), url
            raise SourceError(tr("{url}: more than {count} redirects", url=url, count=MAX_REDIRECTS))
    except httpx.TimeoutException:
        raise SourceError(tr("{url} did not answer within {seconds} seconds", url=url, seconds=int(TIMEOUT))) from None
    except httpx.HTTPError as exc:
        raise SourceError(tr("cannot fetch {url}: {reason}", url=url, reason=str(exc))) from None
