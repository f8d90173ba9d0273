"""Data, not code: the ontology folder is mapped into the installed package as `diplograph.ontology`
(see pyproject.toml), so a wheel carries these files and an editable install reads them here."""
