"""ThreatLens model recipe: encoder export, features, heads, evaluation."""

__version__ = "0.1.0"
