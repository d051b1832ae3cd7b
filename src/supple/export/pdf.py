"""HTML to PDF with WeasyPrint, never touching the network.

Everything a handout shows is inline (SVG figures, the QR code, the stylesheet), and fonts come
from the system (Debian's fonts-dejavu). The fetcher is the safety net: it serves files from
the package's own ``export/templates`` folder and refuses every other URL, so a stray link in
a template can never make a render reach out.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

TEMPLATES = resources.files("supple.export").joinpath("templates")


class RefusedURL(ValueError):
    """A render asked for something outside the package."""


class PackageOnlyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no types
    """Serve the package's template files; refuse everything else (http, https, other files)."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, timeout=1)
        self._root = (root or Path(str(TEMPLATES))).resolve()

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        parsed = urlparse(url)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            raise RefusedURL(f"a handout fetches nothing from outside the package: {url}")
        path = Path(unquote(parsed.path)).resolve()
        if not path.is_relative_to(self._root) or not path.is_file():
            raise RefusedURL(f"not one of the package's template files: {url}")
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _mime(path)})


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        path.suffix, "application/octet-stream"
    )


def html_to_pdf(html: str, *, css: str) -> bytes:
    """The PDF of ``html`` styled by ``css``, rendered offline."""
    fetcher = PackageOnlyFetcher()
    base = Path(str(TEMPLATES)).resolve().as_uri() + "/"
    document = HTML(string=html, base_url=base, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(stylesheets=[CSS(string=css, url_fetcher=fetcher)])
    return pdf
