"""The blind labelled web: a fifth web, written apart from the pipeline's matching and
extraction code for first-contact figures."""
