"""Single-company enrichment: requests from the gateway answered by the pipeline."""
