// name: graph-counts
// title: Nodes per label and relationships per type
// description: Housekeeping: how many nodes the graph holds of each label and relationships of each type. The store's own counts fill $counts (Store.counts: FalkorDB's db.meta.stats, Neo4j's count store), since scanning every node and relationship takes seconds on a large graph. In Neo4j Browser, set $counts with: MATCH (n) WITH labels(n)[0] AS name, count(n) AS count RETURN collect({kind: 'node', name: name, count: count})
// statistics: counts
// columns: kind, name, count
UNWIND $counts AS row
WITH row WHERE row.count > 0
RETURN row.kind AS kind, row.name AS name, row.count AS count
ORDER BY kind, name
