"""Product criteria: the model of a criteria file, reading it from rows, and the rules that
turn per-criterion verdicts into a product verdict."""
