"""The board: stage columns, cards, the strip of numbers, filters and the close-reason dialog."""
