"""The weekly funnel report (销售漏斗周报): data, HTML, charts, PDF and print."""
