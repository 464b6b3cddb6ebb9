"""claimscope: quantitative result claims of ML-systems papers, as checked, comparable tables."""

from . import compiled as compiled  # before any other module: decides whether the compiled extraction modules run

__version__ = "0.1.0"
