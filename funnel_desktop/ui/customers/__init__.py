"""Customers: the list, the profile form and their item models."""
