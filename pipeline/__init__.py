"""claimscope: quantitative result claims of ML-systems papers, as checked, comparable tables."""

__version__ = "0.1.0"
