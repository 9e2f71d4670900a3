"""The admin form of every fiche: ticking a DigCompEdu competence ticks its area too, so a fiche is
never found under a competence while its area filter misses it."""

from wagtail.admin.forms import WagtailAdminPageForm


class FichePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        competences = cleaned.get("digcompedu_competences")
        areas = cleaned.get("digcompedu_areas")
        if competences is not None and areas is not None and "digcompedu_areas" in self.fields:
            needed = {competence.area_id for competence in competences} - {area.pk for area in areas}
            if needed:
                queryset = self.fields["digcompedu_areas"].queryset
                cleaned["digcompedu_areas"] = queryset.filter(pk__in={area.pk for area in areas} | needed)
        return cleaned
