"""Benchmarks: each ``bench_*.py`` module has a ``main()`` that measures and prints its figures."""
