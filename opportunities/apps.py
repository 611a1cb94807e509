from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Erasmus+ programme")

    def ready(self):
        from .editors import ensure_editor_group

        post_migrate.connect(ensure_editor_group, sender=self)
