"""The Editors group, with exactly the permissions the editors' workplace needs.

Editors read, add and change the archive's records; they delete only what is harmless to lose
(other names, memberships, tags, byline entries). Merging needs no delete permission: a merge
is undoable. Nothing on users, groups or django-axes records. The list is frozen here, as a
migration should be; a later change to the role is a new migration.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
READ_WRITE = ("view", "add", "change")
READ_WRITE_DELETE = ("view", "add", "change", "delete")
PERMISSIONS = {
    ("articles", "article"): READ_WRITE,
    ("articles", "statement"): READ_WRITE,
    ("articles", "outlet"): READ_WRITE,
    ("articles", "correction"): READ_WRITE,
    ("articles", "authorship"): READ_WRITE_DELETE,
    ("people", "person"): READ_WRITE,
    ("people", "organisation"): READ_WRITE,
    ("people", "membership"): READ_WRITE_DELETE,
    ("people", "personname"): READ_WRITE_DELETE,
    ("people", "organisationname"): READ_WRITE_DELETE,
    ("taggit", "tag"): READ_WRITE_DELETE,
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after migrate; on a fresh database they must exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    grant_editor_permissions(apps)


def grant_editor_permissions(apps):
    """Creates the group with its permissions; given the live app registry, tests use it too."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for (app_label, model), actions in PERMISSIONS.items():
        for action in actions:
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            )
    group.permissions.set(wanted)


def delete_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_reviewitem_correction"),
        ("people", "0002_merge"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, delete_editors_group)]
