"""The PySide6 desktop app. It calls tillitsvalgt's services and never touches the database.

Only the package skeleton exists so far; the window is built in the desktop-app issue.
"""
