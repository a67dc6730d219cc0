"""Analytics over the store as a networkx graph: projections and exports, rankings and communities,
regions, shortest paths between two nodes, the report of it all, and the report of merged names."""
