// name: search-quotes
// title: Full-text search over the exact quotes
// description: Questions, answers, commitments, resolutions, status updates and findings whose quote matches $text, best first. The store's own full-text index finds the hits (FalkorDB's or Neo4j's, chosen in one place: Store.fulltext); this query places them in their meetings. In Neo4j Browser, set $hits with: CALL db.index.fulltext.queryNodes('quote_words', 'estates') YIELD node, score RETURN collect({key: node.key, label: labels(node)[0], quote: node.quote, doc: node.doc, score: score})
// fulltext: text
// param: text string required Words to find, e.g. "call handling"
// param: limit int 50 Most rows returned
// columns: score, kind, meeting_date, body, quote, event_key, source
UNWIND $hits AS hit
MATCH (d:Document {key: hit.doc})-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body)
RETURN hit.score AS score, hit.label AS kind, m.date AS meeting_date, b.name AS body,
       hit.quote AS quote, hit.key AS event_key, coalesce(d.url, d.source) AS source
ORDER BY score DESC, meeting_date, event_key
LIMIT $limit
