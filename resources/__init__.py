"""Data shipped with the app (legal catalogue, Word templates, icons, translations).

Installed as ``tillitsvalgt.resources``; see ``tillitsvalgt.paths.resource_path``.
"""
