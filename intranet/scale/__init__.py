"""Synthetic data at province and national scale, for tests and benchmarks (`flask gen-data`)."""
