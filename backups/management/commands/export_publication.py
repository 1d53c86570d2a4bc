"""``python manage.py export_publication OUT``: the whole publication in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import export


class Command(BaseCommand):
    help = (
        "Write every row of the publication (accounts, revisions and logs included) and "
        "every media file to one archive (.tar, or .tar.gz), with checksums."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("out", help="The archive to write, e.g. publication.tar.gz")

    def handle(self, *args, out, **options) -> None:
        out = Path(out)
        if out.exists():
            raise CommandError(f"{out} exists; choose another name")
        manifest = export(out)
        rows = sum(manifest["rows"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}: {rows} rows, {media} media files"))
