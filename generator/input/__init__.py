"""Reading the input: articles and YAML with every value's place, JSON Schemas, and the checks that turn them into a model or a list of located problems."""
