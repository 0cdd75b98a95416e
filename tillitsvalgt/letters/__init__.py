"""Letters: the fields a template can use, the context built from a case, template
checking and repair, rendering to ``.docx`` (docxtpl in a sandbox) and PDF (LibreOffice).

Everything here except ``pdf`` is free of the database; ``tillitsvalgt.services.letters``
gathers a case's data and journals the result."""
