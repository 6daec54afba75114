// name: report-trail
// title: The full trail of one report or finding across meetings
// description: Every question, answer, commitment and status update about a report (or one of its findings) whose title contains $subject, in meeting order across all bodies.
// param: subject string required Report or finding title contains, e.g. "both sides of the coin"
// param: limit int 500 Most rows returned
// columns: subject, meeting_date, body, kind, who, quote, status, event_key, source
OPTIONAL MATCH (r:Report) WHERE toLower(r.title) CONTAINS toLower($subject)
WITH collect(r) AS reports
OPTIONAL MATCH (f:Finding)
OPTIONAL MATCH (f)-[:IN_REPORT]->(fr:Report)
WITH reports, CASE WHEN toLower(f.title) CONTAINS toLower($subject)
                     OR toLower(coalesce(fr.title, '')) CONTAINS toLower($subject) THEN f END AS f
WITH reports, collect(DISTINCT f) AS findings
UNWIND reports + findings AS s
MATCH (e)-[:ABOUT|ADDRESSES|UPDATES]->(s)
MATCH (e)-[:EVIDENCED_BY]->(d:Document)-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH s, e, d, m, b ORDER BY m.date, coalesce(d.url, d.source), e.start, e.key LIMIT $limit
OPTIONAL MATCH (e)-[w:ASKED_BY|GIVEN_BY|OWED_BY]->(who)
WITH s, e, d, m, b, w, who WHERE w IS NULL OR coalesce(w.derived, false) = false
RETURN s.title AS subject, m.date AS meeting_date, b.name AS body, labels(e)[0] AS kind,
       who.name AS who, e.quote AS quote, e.status AS status, e.key AS event_key,
       coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, e.start, e.key
LIMIT $limit
