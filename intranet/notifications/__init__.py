"""In-app notifications, daily deadline reminders (`flask remind`) and their e-mails."""
