"""The HTTP clients the fetch benchmark compares."""
