# The parts of playhouse.db_url (a database from a URL) that the project uses.
from typing import Any

from peewee import Database

def parse(url: str, unquote_password: bool = False, unquote_user: bool = False) -> dict[str, Any]: ...
def connect(
    url: str, unquote_password: bool = False, unquote_user: bool = False, **connect_params: Any
) -> Database: ...
