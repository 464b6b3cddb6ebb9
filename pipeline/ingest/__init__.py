"""Read papers from poster-session text, JSONL, CSV (plain or gzip) and the arXiv metadata snapshot.
"""
