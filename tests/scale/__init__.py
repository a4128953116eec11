"""Tests of the generated province and nation data."""
