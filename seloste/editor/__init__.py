"""`seloste edit FILE`: a local web editor over one controller file.

The schema becomes a guided Finnish form (`form`), every change is carried onto the YAML text without touching
other lines (`yamltext`), and the text is analysed by the same library as `seloste check` and previewed by the
same renderer as `seloste build` (`session`). The server (`server`) listens on 127.0.0.1 only.
"""
