"""Submit a Wagtail admin form the way a browser would: every field with its current value."""

from bs4 import BeautifulSoup


def form_values(html: str, form_selector: str = "form[method=post]") -> dict[str, list[str]]:
    """The values a browser would post for the first form matching the selector (no buttons)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    assert form is not None, f"no form matches {form_selector}"
    values: dict[str, list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "text")
        if field.name == "textarea":
            value = [field.text.removeprefix("\n")]
        elif field.name == "select":
            value = [option.get("value", option.text) for option in field.select("option[selected]")]
        elif kind in ("checkbox", "radio"):
            value = [field.get("value", "on")] if field.has_attr("checked") else []
        elif kind in ("submit", "button", "file"):
            continue
        else:
            value = [field.get("value", "")]
        values.setdefault(name, []).extend(value)
    return values
