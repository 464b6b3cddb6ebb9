"""Reading the tables back: the data contract and reviewer flags (validate), comparisons across
papers (compare), scores against gold files (evaluate) and the dashboard (report). Nothing here
imports spaCy or the extract stage.
"""
