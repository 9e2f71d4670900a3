"""Evidence files live outside MEDIA_ROOT, in LEERPAD_EVIDENCE_ROOT, and have no URL: the only way
to read one is the owner-only view (leerpad.views.evidence). File names are random; the original
name is never stored on disk."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class EvidenceStorage(FileSystemStorage):
    # Read on every use (not cached) so tests can point it at a temporary folder.
    @property
    def base_location(self):
        return str(settings.LEERPAD_EVIDENCE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Evidence files have no public URL; use the owner-only view.")


evidence_storage = EvidenceStorage()


def get_evidence_storage():
    return evidence_storage
