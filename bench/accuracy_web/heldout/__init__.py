"""A labelled web held out from tuning: other page templates, wordings, languages, search
result wordings and lander styles than the development web, written separately from it."""
