"""Custom fields: every field of the session answered for one company in one structured
model call, each value typed and backed by a quote that is checked on its page."""
