"""The command-line adapter: each module parses arguments, calls the domain, and renders."""
