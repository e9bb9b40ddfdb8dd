"""Domain values and the funnel numbers: pure Python, no Qt, no database."""
