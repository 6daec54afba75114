// name: document-count
// title: Documents and meetings loaded
// description: How many complete documents and distinct meetings the graph holds.
// columns: documents, meetings
MATCH (d:Document)
WHERE d.complete = true
OPTIONAL MATCH (d)-[:RECORDS]->(m:Meeting)
RETURN count(DISTINCT d) AS documents, count(DISTINCT m) AS meetings
