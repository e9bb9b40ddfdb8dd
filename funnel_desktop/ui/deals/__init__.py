"""Deals: the deal editor."""
