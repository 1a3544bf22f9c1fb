"""Pure use-cases over the model: layout, tallies, rankings, summaries."""
