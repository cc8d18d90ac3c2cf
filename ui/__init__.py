"""The Gradio web app: one module per tab, each a thin client of the ``assistant`` library.

Only this package (and ``app.py``) imports gradio; ``assistant/`` never does.
"""
