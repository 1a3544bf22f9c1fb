"""The Qt user interface. PySide6 is imported only here and in ``canvasapp.app``."""
