"""A fourth labelled web (`--set fresh`), written apart from the pipeline's matching code,
for first-contact figures."""
