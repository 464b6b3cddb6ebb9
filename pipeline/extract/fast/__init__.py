"""Speed devices of the extract stage, each output-neutral: the compiled-build import hook, the
trie ruler and its pattern trie, token columns, the regex gates, the interrupt checkpoint.
Nothing here imports from the rest of `pipeline.extract` (a test fences it); each states its
measured gain in docs/speed.md.
"""
