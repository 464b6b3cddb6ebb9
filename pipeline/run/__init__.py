"""Running the stages: the one extract → normalize chain, streaming in chunks, the single-process
and Dask engines over one chunk contract, the DVC stage commands and `claims check`.
"""
