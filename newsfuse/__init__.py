"""newsfuse: many outlets' reports of the same news, fused into one cited story."""

__version__ = "0.1.0"
