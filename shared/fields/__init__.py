"""Custom fields: questions a user adds to a session, answered per company with a cited,
typed value."""
