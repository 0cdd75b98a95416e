"""The PySide6 desktop app. It calls the core through ``tillitsvalgt.workspace.Workspace``
and never opens a database session itself."""
