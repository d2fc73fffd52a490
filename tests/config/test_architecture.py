"""Where code may reach: the import rules of README's "Where things live", walked with `ast`.

- No module of an app (promises, situation, followup) imports `config`, the composition
  root: it learns of writes through signals it connects itself.
- `promises`' domain modules (everything but its site, API, template tags, demo data and
  commands) import neither `situation` nor `followup`.
- `situation` and `followup` import only `promises`' domain modules, never its site, API,
  template tags or demo data; `situation` never imports `followup`.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("promises", "situation", "followup")
PROMISES_SITE = ("promises.site", "promises.api", "promises.templatetags", "promises.demo")
PROMISES_COMPOSING = (*PROMISES_SITE, "promises.management")


def _module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path):
    """Every module `path` imports, absolute, relative imports resolved."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def _sources(app):
    return [path for path in sorted((ROOT / app).rglob("*.py")) if "migrations" not in path.parts]


def _within(name, *packages):
    return any(name == package or name.startswith(package + ".") for package in packages)


def _violations(rule):
    return sorted(
        f"{_module_name(path)} imports {name}"
        for app in APPS
        for path in _sources(app)
        for name in _imports(path)
        if rule(_module_name(path), name)
    )


def test_the_rules_see_every_app_and_resolve_relative_imports():
    assert _imports(ROOT / "promises" / "admin.py") >= {"promises.models", "promises.permissions"}
    assert len(_sources("promises")) > 10


def test_no_app_imports_config():
    assert _violations(lambda module, name: _within(name, "config")) == []


def test_promises_domain_modules_import_neither_situation_nor_followup():
    def rule(module, name):
        return (
            _within(module, "promises")
            and not _within(module, *PROMISES_COMPOSING)
            and _within(name, "situation", "followup")
        )

    assert _violations(rule) == []


@pytest.mark.parametrize("app", ["situation", "followup"])
def test_situation_and_followup_never_import_the_public_site(app):
    def rule(module, name):
        return _within(module, app) and _within(name, *PROMISES_SITE)

    assert _violations(rule) == []


def test_situation_never_imports_followup():
    def rule(module, name):
        return _within(module, "situation") and _within(name, "followup")

    assert _violations(rule) == []


HTML_TAG = re.compile(
    r"<(a|p|li|ul|ol|div|span|svg|rect|option|select|h[1-6]|strong|em|time|table|tr|td|th|section|br|img|input|label|form)[\s>/]"
)


def _strings(path):
    """Every string constant of a module but the patterns of `format_html` calls, the
    small escaping helpers the rule allows."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = {
        id(node.args[0])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", "")) == "format_html"
        and node.args
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in allowed
        ):
            yield node.lineno, node.value


def test_no_markup_is_built_in_python_strings():
    """Markup lives in templates; a short `format_html` pattern would be the exception."""
    found = [
        f"{_module_name(path)}:{line}"
        for app in (*APPS, "config")
        for path in _sources(app)
        for line, text in _strings(path)
        if HTML_TAG.search(text)
    ]

    assert found == []


def test_published_is_one_rule():
    """Readers say "published" through `published()` / `published_q()` (promises.models),
    never by filtering on the state themselves."""
    pattern = re.compile(r"(__state\s*=|filter\(\s*state\s*=|state__in\s*=)")
    found = [
        f"{_module_name(path)}:{number}"
        for app in (*APPS, "config")
        for path in _sources(app)
        if path != ROOT / "promises" / "models.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]

    assert found == []
