"""Dot voting on one shared screen: set-up, turn-taking, tallies, reveal and ranking."""
