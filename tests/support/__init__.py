"""Shared test helpers: real X servers, rendered images."""
