"""The interaction layer: the widgets, each a traits model beside its view, and the offline chart renderer.

Every widget has one shape (see :mod:`newslab.widgets._traits`): ``<name>_model.py`` holds a
``WidgetModel`` with typed traits and no ipywidgets, ``<name>.py`` the view that subclasses it
and builds its controls in ``_build_view``. Front-end code lives in ``static/``. This is the
only layer that imports ipywidgets or anywidget; importing this package imports none of them
until a widget is used.
"""
