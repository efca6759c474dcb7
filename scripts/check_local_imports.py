#!/usr/bin/env python
"""Fail when a module of the project imports another of its modules inside a function.

An import tucked into a function hides a dependency from the reader and from import-linter's view of
the layers' intent (docs/decisions.md, "Layers"). Third-party libraries may still be imported lazily
(WeasyPrint, openpyxl: start-up time). Tests, migrations and management commands are exempt.

    python scripts/check_local_imports.py [paths…]   (default: congdoan)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PROJECT = "congdoan"
EXEMPT_PARTS = {"tests", "migrations", "management"}


def local_imports_in_functions(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level or module == PROJECT or module.startswith(PROJECT + "."):
                    found.append((node.lineno, "." * node.level + module))
            elif isinstance(node, ast.Import):
                found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == PROJECT]
    return sorted(set(found))


def main(argv: list[str]) -> int:
    roots = [Path(p) for p in argv] or [Path(PROJECT)]
    problems = []
    for root in roots:
        for path in sorted(root.rglob("*.py") if root.is_dir() else [root]):
            if EXEMPT_PARTS & set(path.parts):
                continue
            problems += [
                f"{path}:{line}: import of {name} inside a function"
                for line, name in local_imports_in_functions(path)
            ]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} project import(s) inside functions: move them to the top of the module.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
