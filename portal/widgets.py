"""A multi-select for long lists in the admin (e.g. an action's organisers): checkboxes in a short
scrolling box with a filter field above it and the chosen ones first. Without JavaScript it is a plain
list of checkboxes; with it (portal/admin-filter-select.js) typing narrows the list."""

from django import forms


class SearchableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    template_name = "portal/widgets/searchable_checkboxes.html"

    class Media:
        js = ["portal/admin-filter-select.js"]
        css = {"all": ["portal/admin-filter-select.css"]}

    def __init__(self, attrs=None, choices=(), filter_label="Zoek"):
        super().__init__(attrs, choices)
        self.filter_label = filter_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["filter_label"] = self.filter_label
        return context

    def optgroups(self, name, value, attrs=None):
        # The chosen ones first, so an editor sees at once what is selected.
        groups = super().optgroups(name, value, attrs)
        return sorted(groups, key=lambda group: not any(option["selected"] for option in group[1]))
