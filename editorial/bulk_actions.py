"""The bulk action "Markeer als nagekeken" in the admin's page listings."""

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

from .review import mark_reviewed


class MarkReviewedBulkAction(PageBulkAction):
    display_name = "Markeer als nagekeken"
    action_type = "mark_reviewed"
    aria_label = "Markeer de geselecteerde fiches als nagekeken"
    template_name = "editorial/confirm_mark_reviewed.html"
    action_priority = 60

    def check_perm(self, page):
        return page.permissions_for_user(self.request.user).can_edit()

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return mark_reviewed(objects, user=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} fiche(s) gemarkeerd als nagekeken."
