"""What the offer adds to pages of the apps below it: the home page's "Start binnenkort"."""

from wagtail import hooks

from portal.pages import HOME_PAGE_CONTEXT_HOOK

from .agenda import starting_soon


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def home_page_sessions(page, request) -> dict:
    return {"starting_soon": starting_soon()}
