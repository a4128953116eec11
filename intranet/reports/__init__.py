"""The reporting cycle: periods, unit reports, contributions and the consolidated report."""
