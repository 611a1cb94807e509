from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "opportunities"
    verbose_name = _("Erasmus+ programme")

    def ready(self):
        from .caching import programme_changed
        from .editors import ensure_editor_group
        from .models import programme_models

        post_migrate.connect(ensure_editor_group, sender=self)
        for model in programme_models():
            for signal in (post_save, post_delete):
                signal.connect(programme_changed, sender=model, dispatch_uid=f"{model}-{signal}")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    programme_changed, sender=field.remote_field.through, dispatch_uid=str(field)
                )
