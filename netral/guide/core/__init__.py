"""The public guide's pure core: guidance texts, reading a person's question, the
self-check's answer and the page views of the rules catalogue. No Django import here."""
