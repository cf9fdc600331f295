"""Batch ROUGE evaluation of Chorus against extractive baselines: `chorus eval --help`.

Layout: `datasets` reads clusters, `systems` makes summaries, `protocols` says how they are
cut and scored, `scoring` computes ROUGE, `aggregate` makes intervals and comparisons,
`runner` maps the per-cluster work over an executor, `report` writes the results.
"""
