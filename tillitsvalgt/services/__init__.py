"""The door to the data: every function is one unit of work on a keyword-only ``session``,
takes validated input shapes and returns plain read shapes. The CLI, the GUI and the tests
all go through here."""
