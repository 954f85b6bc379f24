"""The sixth labelled web: written apart from the pipeline's matching and extraction code
for first-contact figures, in builders, languages and search wordings no other web has."""
