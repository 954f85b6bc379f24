"""Qualification against product criteria: per company, evidence from its own pages and
the criteria's searches, one model call per product, every quote checked on its page,
then the product rules of shared/criteria/rules.py."""
