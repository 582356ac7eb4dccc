"""The installed package: its type stub matches what it exports, and it is marked typed."""

import ast
import pathlib

import article_cleaner


def test_stub_and_py_typed_are_installed_and_match_the_module():
    package = pathlib.Path(article_cleaner.__file__).parent
    assert (package / "py.typed").exists()
    stub = ast.parse((package / "__init__.pyi").read_text())
    stubbed = {
        node.name
        for node in stub.body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    } | {
        node.target.id
        for node in stub.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    exported = set(article_cleaner.__all__)
    assert exported <= stubbed, exported - stubbed
    for name in exported:
        assert hasattr(article_cleaner, name)


def test_exception_hierarchy_and_codes():
    base = article_cleaner.ArticleCleanerError
    codes = {
        "NotReaderable": "NOT_READERABLE",
        "InputTooLarge": "INPUT_TOO_LARGE",
        "BadOption": "BAD_OPTION",
        "UnsupportedEncoding": "ENCODING",
        "InvalidState": "INVALID_STATE",
    }
    for name, code in codes.items():
        kind = getattr(article_cleaner, name)
        assert issubclass(kind, base) and issubclass(kind, Exception)
        assert kind.code == code
        assert kind("message").code == code
