"""The model: frozen records, their indexes and backlinks, and the network of actors they imply."""
