"""A third labelled web, unseen by the pipeline's tuning: other builders, languages and
search wordings than the development and held-out webs."""
