"""What each explorer shows, as numbers, for a given state of its controls.

Pure functions of the control values (no widgets, no figures): the explorers' views compute
the same numbers in the browser, and the browser tests compare every number a page shows
with these. Heavier results (Gaussian fits, training runs, seeded rolls) are tabulated here
over every state the controls can reach and stored in the widget state.
"""

__all__: list[str] = []
