"""Page views, one module per area. Each view makes one service or selector call per
concern; billing rules live in the services."""
