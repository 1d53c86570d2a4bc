"""Index bodies again now that entities are decoded once (``&amp;`` was indexed as "amp").

Now a no-op: migration 0015 indexes every article again with stems, and the
index code of today no longer fits the table as it was here.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_dates_in_range")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
