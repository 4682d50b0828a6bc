"""Fill in an admin form the way a browser would: start from what the page itself sends."""
from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data[name] = a.get("value", "on")
            else:
                self.data[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(response, **values):
    """The fields of the admin form in RESPONSE, with VALUES put in; `__prefix__` templates left out."""
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = {k: v for k, v in parser.data.items() if "__prefix__" not in k}
    data.update(values)
    # A value for an inline form the page did not print (extra = 0) adds that form, as "Add another" would.
    for key in values:
        prefix, _, rest = key.partition("-")
        index = rest.split("-", 1)[0]
        total = f"{prefix}-TOTAL_FORMS"
        if index.isdigit() and total in data and int(index) >= int(data[total]):
            data[total] = str(int(index) + 1)
    return data
