"""The database cache table (settings.CACHES when REDIS_URL is unset): login throttling and the
portal's rate limits are counted there, shared by every process. Idempotent."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_precisering_setting")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
