"""How fiches appear in the read API (/api/v2/): their fields, taxonomy as codes and labels, relations
as references to live pages. Private fields (editor notes) are never listed here."""

from rest_framework import serializers
from wagtail.api import APIField


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class PageRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, page) -> str:
        return page.get_full_url(self.context.get("request"))


def terms(name: str, relation: str) -> APIField:
    return APIField(name, serializer=TermSerializer(many=True, read_only=True, source=f"{relation}.all"))


def page_refs(name: str, source: str) -> APIField:
    """Related pages, live and public ones only (`source` is a method returning that queryset)."""
    return APIField(name, serializer=PageRefSerializer(many=True, read_only=True, source=source))


def page_ref(name: str, source: str) -> APIField:
    return APIField(name, serializer=PageRefSerializer(read_only=True, source=source))


FICHE_API_FIELDS = [
    APIField("summary"),
    APIField("source_reference"),
    APIField("last_reviewed"),
    terms("digcompedu_areas", "digcompedu_areas"),
    terms("digcompedu_competences", "digcompedu_competences"),
    terms("pillars", "pillars"),
    terms("school_levels", "school_levels"),
    terms("audiences", "audiences"),
    terms("networks", "networks"),
    APIField("tags", serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")),
]

SWOT_API_FIELD = APIField("swot", serializer=serializers.JSONField(read_only=True, source="swot_data"))
