"""The graph out to the tools people already use: GraphML and GEXF (Gephi, networkx, R's
igraph), CSV (spreadsheets, pandas, ``neo4j-admin database import``) and FollowTheMoney
(Aleph).  Every exporter is a pure function of a ``model.Graph`` (read by ``snapshot``).
"""
