"""Rules of the house that no linter checks: imports sit at the top of a module (a function-local
import would hide a cycle between modules from lint-imports), and the search engine's door exports
nothing that a submodule of the engine could shadow."""

import ast
import importlib
import pkgutil
import tomllib
from pathlib import Path

import search
from search import interface

ROOT = Path(__file__).resolve().parents[2]

# Lazy on purpose, not to dodge a cycle: these load WeasyPrint (about half a second) only when a PDF is asked.
LAZY_HEAVY_IMPORTS = {
    ("schools/report_views.py", "report_pdf"),
    ("selfassessment/views.py", "result_pdf"),
}


def _apps() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return set(config["tool"]["importlinter"]["root_packages"])


def _function_local_project_imports():
    apps = _apps()
    for app in sorted(apps):
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue
            tree = ast.parse(path.read_text(), filename=relative)
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                if function.name == "ready" and path.name == "apps.py":
                    continue  # Django's place for imports that need the models loaded
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom):
                        module = node.module or ""
                        local = node.level > 0 or module.split(".")[0] in apps
                    elif isinstance(node, ast.Import):
                        local = any(alias.name.split(".")[0] in apps for alias in node.names)
                    else:
                        continue
                    if local and (relative, function.name) not in LAZY_HEAVY_IMPORTS:
                        yield f"{relative}:{node.lineno} in {function.name}()"


def test_project_modules_are_imported_at_the_top_of_a_module():
    assert list(_function_local_project_imports()) == []


def test_the_search_door_exports_nothing_a_submodule_could_shadow():
    # `from search import crosstab` must give the function even after search.crosstab... was imported.
    submodules = {module.name for module in pkgutil.iter_modules(search.__path__)}
    assert submodules.isdisjoint(interface.__all__)
    for name in interface.__all__:
        assert getattr(search, name) is getattr(interface, name)
    for module in submodules:
        importlib.import_module(f"search.{module}")
    assert all(getattr(search, name) is getattr(interface, name) for name in interface.__all__)
