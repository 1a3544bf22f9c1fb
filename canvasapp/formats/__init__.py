"""Files other people send and receive (pydantic v2, versioned JSON). Pydantic stays here."""
