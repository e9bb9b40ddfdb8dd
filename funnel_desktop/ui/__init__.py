"""The Qt user interface: main window, kanban board, deal and customer forms (PySide6)."""
