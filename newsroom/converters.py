"""URL converters of the publication's own."""


class SlugConverter:
    """A slug as the publication writes them: any path segment without control
    characters, so Arabic letters pass (Django's ``<slug:>`` refuses them) and a
    NUL byte, which no database column can hold, is a 404 rather than an error."""

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
