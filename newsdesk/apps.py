from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def set_site_domain(using, **kwargs):
    """Keeps the sites framework's one Site at SITE_DOMAIN, so no link says example.com."""
    from django.conf import settings
    from django.contrib.sites.models import Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": "Newsdesk"}
    )


class NewsdeskConfig(AppConfig):
    name = "newsdesk"

    def ready(self):
        # Django sends post_migrate only for apps with models; after the sites app's own handler
        # has made its default Site is the moment to correct it.
        post_migrate.connect(set_site_domain, sender=apps.get_app_config("sites"))
