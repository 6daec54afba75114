// name: graph-counts
// title: Nodes per label
// description: How many nodes the graph holds of each label (housekeeping).
// columns: label, count
MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label
