"""The Analytics page: charts, planning, targets and health findings."""
