"""What every room shares: fields, formats, palette, asking, messages, undo, events."""
