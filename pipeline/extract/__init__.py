"""The extract stage: the spaCy pipeline and the rule steps that turn an abstract into number
mentions with their role, qualifier, direction, metric and baseline. spaCy objects never leave
this package: it hands frozen `core.records` on.

Every compiled module lives below this package, so importing it first decides whether the
mypyc-compiled modules or their sources run (`fast.compiled`); nothing else is imported here.
"""
from pipeline.extract.fast import compiled as compiled
