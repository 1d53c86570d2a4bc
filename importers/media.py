"""Where the old site's images are read from: a local copy of its
``wp-content/uploads`` folder, or the old site itself."""

import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from articles.imaging import MAX_UPLOAD_BYTES

UPLOADS = "/wp-content/uploads/"
DOWNLOAD_TIMEOUT = 20


class MediaUnavailable(Exception):
    """The file cannot be had; the reason goes into the import's summary."""


class MediaSource:
    """Reads an upload by the address the export gives it.

    ``media_dir`` is a copy of ``wp-content/uploads``; ``base_url`` is the address
    of that folder on a site that still serves it. Only files under the uploads
    folder are read, and never from outside ``media_dir``.
    """

    def __init__(self, *, media_dir: Path | None = None, base_url: str | None = None):
        self.media_dir = media_dir.resolve() if media_dir else None
        self.base_url = base_url.rstrip("/") if base_url else None

    def read(self, url: str) -> tuple[str, bytes]:
        """The file's name and content."""
        relative = self.relative_path(url)
        if self.media_dir:
            path = (self.media_dir / relative).resolve()
            if not path.is_relative_to(self.media_dir) or not path.is_file():
                raise MediaUnavailable(f"{relative} is not in {self.media_dir}")
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise MediaUnavailable(f"{relative} is larger than the upload limit")
            return path.name, path.read_bytes()
        if self.base_url:
            return Path(relative).name, self._download(f"{self.base_url}/{quote(relative)}")
        raise MediaUnavailable("no --media-dir or --media-base-url given")

    @staticmethod
    def relative_path(url: str) -> str:
        path = unquote(urlsplit(url).path)
        if UPLOADS not in path:
            raise MediaUnavailable(f"{url} is not under {UPLOADS}")
        relative = path.split(UPLOADS, 1)[1]
        if not relative or ".." in Path(relative).parts:
            raise MediaUnavailable(f"{url} names no file")
        return relative

    def _download(self, url: str) -> bytes:
        if urlsplit(url).scheme not in {"http", "https"}:
            raise MediaUnavailable(f"{url} is not an http(s) address")
        try:
            with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT) as response:
                data = response.read(MAX_UPLOAD_BYTES + 1)
        except OSError as error:  # URLError, HTTPError and timeouts are OSErrors
            raise MediaUnavailable(f"{url}: {error}") from error
        if len(data) > MAX_UPLOAD_BYTES:
            raise MediaUnavailable(f"{url} is larger than the upload limit")
        return data
