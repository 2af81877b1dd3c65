"""Erase commenters' IP addresses once the retention period is over; run it daily (cron)."""

from django.core.management.base import BaseCommand
from wagtail.models import Site

from headline.comments.models import CommentSettings
from headline.comments.privacy import purge_ip_addresses


class Command(BaseCommand):
    help = "Erase the IP addresses of comments older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            help="Retention in days (default: the default site's comment settings).",
        )

    def handle(self, *args, days=None, **options):
        if days is None:
            site = Site.objects.filter(is_default_site=True).first()
            field = CommentSettings._meta.get_field("ip_retention_days")
            days = CommentSettings.for_site(site).ip_retention_days if site else field.default
        cleared = purge_ip_addresses(days)
        self.stdout.write(f"Erased {cleared} IP address(es) older than {days} days.")
