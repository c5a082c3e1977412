"""assistant — a private, offline describer of screens and pictures for blind and low-vision people."""

__version__ = "0.1.0"
