from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Erasmus+ programme")

    def ready(self):
        from .caching import forget_token
        from .editors import ensure_editor_group

        post_migrate.connect(ensure_editor_group, sender=self)
        for model in self.get_models():
            for signal in (post_save, post_delete, m2m_changed):
                signal.connect(forget_token, sender=model, dispatch_uid=f"forget-{model}-{signal}")
