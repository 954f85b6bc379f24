"""The seventh labelled web: written apart from the pipeline's matching and extraction code
for first-contact figures, in site builders, languages, scripts and lander styles no other
web has."""
