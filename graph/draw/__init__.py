"""The graph as one offline HTML page: which nodes to show, where to place them, the page itself."""
