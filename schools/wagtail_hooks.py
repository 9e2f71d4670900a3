"""The editors' dashboard shows how many schools and plans there are, never what is in them."""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .models import Plan, School


class SchoolCountsPanel(Component):
    name = "school_counts_panel"
    order = 60

    def render_html(self, parent_context):
        return render_to_string(
            "schools/admin_counts_panel.html",
            {"schools": School.objects.count(), "plans": Plan.objects.count()},
        )


@hooks.register("construct_homepage_panels")
def add_school_counts(request, panels):
    if request.user.is_staff or request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(SchoolCountsPanel())
