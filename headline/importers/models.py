"""What each import brought over, so a second run updates instead of duplicating, and the runs
started from the admin (their progress and report).

`ImportedObject` keys every WordPress object by the site's address, its kind and its WordPress
ID (an author by login), and remembers what the import left (`state`): when the object here no
longer matches, someone edited it in Headline, and the next import leaves it alone unless told to
overwrite. `source_digest` is a digest of the WordPress data, so an unchanged item costs no write.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone


class ImportedObject(models.Model):
    class Kind(models.TextChoices):
        AUTHOR = "author", "Author"
        CATEGORY = "category", "Category"
        TAG = "tag", "Tag"
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        COMMENT = "comment", "Comment"

    site_url = models.CharField(max_length=255, help_text="The WordPress site's base address.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    wp_id = models.CharField("WordPress ID", max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    source_digest = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site_url", "kind", "wp_id"], name="one_object_per_wordpress_id"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id} from {self.site_url}"


def uploads():
    """Exports hold commenters' addresses: they are kept out of the public media storage, in
    `WORDPRESS_IMPORT_ROOT`, and deleted once imported."""
    return FileSystemStorage(location=settings.WORDPRESS_IMPORT_ROOT)


class WordPressImport(models.Model):
    """An import started from *Settings › Import from WordPress*, run by the task worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the task worker"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    export = models.FileField(upload_to="exports/", storage=uploads, blank=True)
    file_name = models.CharField(max_length=255)
    dry_run = models.BooleanField(default=False)
    overwrite = models.BooleanField(default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0, help_text="Share of the file read, 0 to 1.")
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
