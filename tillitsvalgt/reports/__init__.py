"""The landsmøte report: case statistics for the union's national meeting.

Aggregation happens in SQL (``services/report_data.py`` reads a small *cube* of counts);
the tables, shares, trends, their cell-key protection and the summary in words are pure
functions over that cube (``figures.py``, ``cellkey.py``, ``summary.py``), so they are
tested on their own."""
