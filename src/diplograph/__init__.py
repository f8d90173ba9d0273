"""diplograph: Vietnamese diplomacy news articles to an RDF knowledge graph.

The library API mirrors the CLI: `diplograph.build.build_graph` maps articles to a graph,
`diplograph.query` runs canned SPARQL, `diplograph.viz` renders the HTML view.
"""

__version__ = "0.1.0"
