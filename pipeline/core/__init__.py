"""The foundation every stage stands on: records and the one vocabulary, errors, the rules loader,
config and defaults, table schemas and writers, the pint registry, the per-paper deadline.
It imports no other subpackage of pipeline.
"""
