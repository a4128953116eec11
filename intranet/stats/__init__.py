"""Dashboards: task figures per plan and per unit, server-side SVG charts, the emulation ranking."""
