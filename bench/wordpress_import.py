"""Memory of the WordPress import as exports grow: it must stay flat.

    .venv/bin/python bench/wordpress_import.py [--sizes 50,500] [--posts 200,2000]

1. Reading: a WXR file of each size in ``--sizes`` (megabytes) is generated
   (Arabic posts of about 4 KB with categories, tags, meta and an attachment
   each), then read through ``importers.wxr.read`` in a fresh process, which
   reports its peak resident memory. 500 MB is the export that runs the usual
   tools out of memory.
2. Importing: ``manage.py import_wordpress`` of files with each count of
   ``--posts`` into a throwaway SQLite database, each in a fresh process, with
   its peak memory and time.

It prints one line per run; the peak should not grow with the file.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "قال مسؤولون في البلدية إن أعمال الصيانة ستستمر حتى نهاية الأسبوع، وإن الفرق تعمل "
    "على مدار الساعة لإعادة الخدمة إلى الأحياء المتضررة في أقرب وقت ممكن.\n\n"
)
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>أرشيف</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>المحرر</wp:author_display_name></wp:author>
"""
ITEM = """<item><title><![CDATA[خبر رقم {n} عن الخدمات]]></title>
<dc:creator>desk</dc:creator>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[ملخص الخبر رقم {n}.]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>2024-05-{day:02d} 06:30:00</wp:post_date_gmt>
<wp:post_name>news-{n}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="local"><![CDATA[محليات]]></category>
<category domain="post_tag" nicename="tag-{tag}"><![CDATA[وسم {tag}]]></category>
<wp:postmeta><wp:meta_key>_edit_last</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
</item>
"""
READ = """
import resource, sys
from pathlib import Path
from importers import wxr
count = sum(1 for entry in wxr.read(Path(sys.argv[1])) if isinstance(entry, wxr.Item))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(count, peak)
"""


def generate(path: Path, *, megabytes: float | None = None, posts: int | None = None) -> int:
    """Write an export of about ``megabytes`` MB or of ``posts`` posts; return its posts."""
    body = PARAGRAPH * 12
    written = n = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        while (posts is not None and n < posts) or (
            megabytes is not None and written < megabytes * 1024 * 1024
        ):
            n += 1
            item = ITEM.format(n=n, body=body, day=1 + n % 28, tag=n % 500)
            out.write(item)
            written += len(item.encode())
        out.write("</channel></rss>\n")
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,500", help="export sizes to read, in MB")
    parser.add_argument("--posts", default="200,2000", help="post counts to import")
    options = parser.parse_args()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings", "PYTHONPATH": str(ROOT)}
    python = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        print("reading (importers.wxr.read, a fresh process each)")
        for size in (float(s) for s in options.sizes.split(",") if s):
            export = folder / f"export-{size:g}mb.xml"
            generate(export, megabytes=size)
            out = subprocess.run(
                [python, "-c", READ, str(export)], env=env, cwd=ROOT,
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            count, peak = out.stdout.split()
            megabytes = export.stat().st_size / 1024 / 1024
            print(f"  {megabytes:7.0f} MB, {int(count):7d} posts: peak {peak} MB")
            export.unlink()
        print("importing (manage.py import_wordpress into a new SQLite database)")
        for count in (int(c) for c in options.posts.split(",") if c):
            export = folder / f"posts-{count}.xml"
            generate(export, posts=count)
            database = folder / f"import-{count}.sqlite3"
            run_env = {**env, "DATABASE_URL": f"sqlite:///{database}", "MEDIA_ROOT": str(folder)}
            subprocess.run(
                [python, "manage.py", "migrate", "-v0"], env=run_env, cwd=ROOT, check=True
            )
            started = time.perf_counter()
            out = subprocess.run(
                [python, "-c", IMPORT, str(export)], env=run_env, cwd=ROOT,
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            elapsed = time.perf_counter() - started
            summary, peak = out.stdout.strip().rsplit("\n", 1)
            print(f"  {count:7d} posts: peak {peak} MB, {elapsed:.0f} s ({summary.strip()})")


IMPORT = """
import io, resource, sys
import django
django.setup()
from django.core.management import call_command
out = io.StringIO()
call_command("import_wordpress", sys.argv[1], verbosity=0, stdout=out)
print(out.getvalue().splitlines()[0])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


if __name__ == "__main__":
    main()
