"""The database as the user meets it: opening, welcome, recovery, login, live updates."""
