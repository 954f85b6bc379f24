"""A labelled local web for the accuracy benchmark: company sites generated from templates,
LinkedIn behind its sign-in wall, directories, and search engines answering from them."""
