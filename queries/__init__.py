"""Data, not code: the queries folder is mapped into the installed package as `diplograph.queries`
(see pyproject.toml), so a wheel carries these files and an editable install reads them here."""
