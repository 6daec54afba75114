// name: graph-counts
// title: Nodes per label and relationships per type
// description: Housekeeping: how many nodes the graph holds of each label and relationships of each type.
// columns: kind, name, count
MATCH (n)
WITH labels(n)[0] AS name, count(n) AS count ORDER BY name
WITH collect({kind: 'node', name: name, count: count}) AS nodes
OPTIONAL MATCH ()-[r]->()
WITH nodes, type(r) AS name, count(r) AS count ORDER BY name
WITH nodes, collect(CASE WHEN name IS NOT NULL THEN {kind: 'relationship', name: name, count: count} END) AS rels
UNWIND nodes + rels AS row
RETURN row.kind AS kind, row.name AS name, row.count AS count
