"""Words for people: codes and numbers from core/ rendered as translated sentences (tr())."""
