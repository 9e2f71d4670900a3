"""Reading a page as the user sees it, once it has loaded."""


def html(page) -> str:
    """The page's HTML after its document has loaded.

    A click that submits a form returns once the next document is committed, not loaded; reading
    `page.content()` in that moment can give the new, still empty document (seen in CI: '' after
    "Anoniem insturen"). Waiting for the load event first makes every read see the whole page.
    """
    page.wait_for_load_state("load")
    return page.content()


def serious(axe, page) -> list[str]:
    """axe-core's serious and critical violations of the loaded page, as "url: rule"."""
    page.wait_for_load_state("load")
    violations = axe.run(page).response["violations"]
    return [f"{page.url}: {v['id']}" for v in violations if v["impact"] in ("serious", "critical")]
