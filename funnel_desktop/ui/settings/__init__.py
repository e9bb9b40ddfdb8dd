"""Settings: the settings dialog, pipelines and their stages, the kept lists."""
