// name: reports-never-raised
// title: Reports and findings never raised by a question after publication
// description: Reports and findings the minutes mention that no member's question or challenge was ever about, at a meeting on or after the report's publication date (any meeting when the date is unknown), with where they were mentioned.
// param: body string null Body name contains (where the report was mentioned)
// param: limit int 500 Most rows returned
// columns: kind, title, published, first_mentioned, body, subject_key
OPTIONAL MATCH (r:Report)
WITH collect(r) AS reports
OPTIONAL MATCH (f:Finding)
WITH reports, collect(f) AS findings
UNWIND reports + findings AS s
OPTIONAL MATCH (s)-[:IN_REPORT]->(pr:Report)
WITH s, coalesce(s.published, pr.published) AS published
MATCH (s)-[:MENTIONED_IN|EVIDENCED_BY]->(d:Document)-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body)
WITH s, published, min(m.date) AS first_mentioned, min(b.name) AS body
// a question before publication does not count; one after it does, whatever came before
OPTIONAL MATCH (q:Question)-[:ABOUT]->(s)
WHERE published IS NULL OR q.meeting_date >= published
WITH s, published, first_mentioned, body, count(q) AS questions
WHERE questions = 0 AND ($body IS NULL OR toLower(coalesce(body, '')) CONTAINS toLower($body))
RETURN labels(s)[0] AS kind, s.title AS title, published, first_mentioned, body, s.key AS subject_key
ORDER BY kind DESC, first_mentioned, title
LIMIT $limit
