"""Browser journeys in Chromium through Playwright."""
