"""Forms that more than one window holds (the case form: in the new and edit case dialogs
and in the case view), so dialogs and views need not import each other for them."""
