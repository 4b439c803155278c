"""The hosted site's address, judged once for the build: the macros print it
on paper and in a downloaded copy, and the offline hook makes it each page's
canonical link, which the page script links to from a copy on disk."""

from __future__ import annotations

from urllib.parse import urlsplit

# Addresses of a build on a developer's machine, worth nothing to a reader.
LOCAL_HOSTS = (None, "127.0.0.1", "localhost")


def hosted_site(site_url: str | None) -> str:
    """The site's public address, or "" for a build with none worth naming."""
    site = str(site_url or "")
    return site if urlsplit(site).hostname not in LOCAL_HOSTS else ""


def hosted_path(url: str) -> str:
    """A page's path on the hosted site, whose addresses end in folders, from
    the downloaded copy's too, which name files ("apply/timeline.html")."""
    if url.endswith("index.html"):
        return url.removesuffix("index.html")
    return url.removesuffix(".html") + "/" if url.endswith(".html") else url


def hosted_page(site_url: str | None, url: str) -> str | None:
    """Where this page is on the hosted site, or None where there is none."""
    site = hosted_site(site_url)
    return site + hosted_path(url) if site else None
