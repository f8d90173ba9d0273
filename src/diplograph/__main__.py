"""`python -m diplograph …`: the same command as the `diplograph` script, for environments where the
script's folder is not on PATH (a venv not activated, `pip install --user`)."""
from .cli import main

if __name__ == "__main__":
    main(prog_name="diplograph")
