"""Budgets that hold for the whole deployment (see `protocol.py`)."""
