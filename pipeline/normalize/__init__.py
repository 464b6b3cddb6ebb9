"""The normalize stage: result quantities become claims with pint-checked units and base values.
"""
