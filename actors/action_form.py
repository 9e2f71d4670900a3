"""The admin form of an action, narrowed for partner contributors.

A partner sees live organisations plus its own as possible organisers (never another partner's
draft), gets its own organisation filled in on a new action, and must keep one of its own among the
organisers: otherwise it would hand the action to someone else and lose it.
"""

from django.db.models import Q

from portal.fiche_form import FichePageForm
from portal.permissions import is_partner_only, partner_actor_ids


class ActionPageForm(FichePageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_actor_ids = partner_actor_ids(self.for_user) if is_partner_only(self.for_user) else None
        field = self.fields.get("organisers")
        if not self.own_actor_ids or field is None:
            return
        field.queryset = field.queryset.filter(Q(live=True) | Q(pk__in=self.own_actor_ids)).order_by("title")
        if not self.instance.pk and not self.is_bound:
            self.initial["organisers"] = sorted(self.own_actor_ids)

    def clean(self):
        cleaned = super().clean()
        organisers = cleaned.get("organisers")
        if self.own_actor_ids and organisers is not None:
            if not {actor.pk for actor in organisers} & self.own_actor_ids:
                self.add_error("organisers", "Kies minstens één van je eigen organisaties als organisator.")
        return cleaned
