"""The "Programme editors" group: may change programme data in the admin, and nothing else."""

from django.apps import apps as global_apps

from .models import programme_models

GROUP_NAME = "Programme editors"

# Rows that only make sense under a format may be removed; other records are kept, so their
# history stays complete and nothing a page links to disappears.
DELETABLE = {"granttier", "deadline"}


def ensure_editor_group(app_config=None, apps=global_apps, **kwargs):
    """Create the editors group and give it exactly the programme permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = []
    for model in programme_models():
        name = model._meta.model_name
        actions = ["view", "add", "change"] + (["delete"] if name in DELETABLE else [])
        wanted += [f"{action}_{name}" for action in actions]
        wanted.append(f"view_historical{name}")
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="opportunities", codename__in=wanted)
    )
    return group
