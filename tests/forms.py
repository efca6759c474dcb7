"""Read a page's form as a browser would submit it, and open pages as two officers at once.

``form_data(response)`` returns the values of the form whose fields it finds (hidden fields included: the
``version`` and the one-time token), so a test posts exactly what the page showed, stale or not.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.test import Client


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_multiple = False
        self._option_value: str | None = None
        self._option_text = ""
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"method": (a.get("method") or "get").lower(), "action": a.get("action"), "data": {}}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        data = self._form["data"]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "reset", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    data.setdefault(name, []).append(a.get("value", "on"))
                return
            data[name] = [a.get("value") or ""]
        elif tag == "select" and name:
            self._select, self._select_first = name, None
            self._select_multiple = "multiple" in a
            data.setdefault(name, [])
        elif tag == "option" and self._select:
            self._option_value = a.get("value")
            self._option_text = ""
            if self._select_first is None:
                self._select_first = a.get("value")
            if "selected" in a:
                self._form["data"][self._select].append(a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            data[name] = [""]

    def handle_data(self, text):
        if self._textarea and self._form is not None:
            self._form["data"][self._textarea][0] += text

    def handle_endtag(self, tag):
        if tag == "select" and self._select and self._form is not None:
            values = self._form["data"][self._select]
            if not values and not self._select_multiple and self._select_first is not None:
                values.append(self._select_first)
            self._select = None
        elif tag == "textarea":
            if self._textarea and self._form is not None:
                value = self._form["data"][self._textarea][0]
                self._form["data"][self._textarea][0] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "form":
            self._form = None


def form_data(response, *, having: str | None = None) -> dict:
    """The fields of the page's POST form holding a field named ``having`` (default: the largest one)."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    forms = [f for f in parser.forms if f["method"] == "post" and (having is None or having in f["data"])]
    if not forms:
        raise AssertionError(f"no POST form with a field {having!r} on the page")
    form = max(forms, key=lambda f: len(f["data"]))
    data = {k: (v if len(v) != 1 else v[0]) for k, v in form["data"].items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def client_as(user) -> Client:
    """A separate browser session for ``user`` (two officers at once need two clients)."""
    client = Client()
    client.force_login(user)
    return client
