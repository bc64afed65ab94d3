"""Data migration: the roles `adviseur` and `coordinator` with their model-level permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR_PERMS = [
    "view_request",
    "change_request",
    "add_request",
    "assign_request",
    "view_overview",
    "view_document",
    "change_document",
    "view_letter",
]
ADVISER_PERMS = ["add_request"]  # case access itself is granted per object (django-guardian)


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now for this app.
    app_config = apps.get_app_config("cases")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinator, _ = Group.objects.get_or_create(name="coordinator")
    adviser, _ = Group.objects.get_or_create(name="adviseur")
    coordinator.permissions.set(
        Permission.objects.filter(content_type__app_label="cases", codename__in=COORDINATOR_PERMS)
    )
    adviser.permissions.set(
        Permission.objects.filter(content_type__app_label="cases", codename__in=ADVISER_PERMS)
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["coordinator", "adviseur"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
