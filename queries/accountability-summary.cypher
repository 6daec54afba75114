// name: accountability-summary
// title: Meetings, bodies and commitments by status: the story line of scrutiny report
// description: How many meetings of how many bodies are loaded (and how many meetings name no body), how many commitments they record by status, and how many open ones come from the last loaded meeting of their body (or a meeting with no date or body), which no later minutes could have closed yet. Filters are case-insensitive substrings; null means all.
// param: body string null Body name contains, e.g. "kent"
// columns: meetings, bodies, meetings_without_body, commitments, fulfilled, overdue, open, superseded, open_without_later_meeting
MATCH (d:Document)-[:RECORDS]->(m:Meeting)
WHERE d.complete = true AND ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
WITH DISTINCT m
WITH m.body AS body, max(m.date) AS last_date, collect(m) AS meetings
UNWIND meetings AS m
OPTIONAL MATCH (m)<-[:RECORDS]-(:Document)<-[:EVIDENCED_BY]-(c:Commitment)
WITH m, body, c, (body IS NOT NULL AND m.date IS NOT NULL AND m.date < last_date) AS later_loaded
RETURN count(DISTINCT m) AS meetings, count(DISTINCT body) AS bodies,
       count(DISTINCT CASE WHEN body IS NULL THEN m END) AS meetings_without_body,
       count(DISTINCT c) AS commitments,
       count(DISTINCT CASE WHEN c.status = 'fulfilled' THEN c END) AS fulfilled,
       count(DISTINCT CASE WHEN c.status = 'overdue' THEN c END) AS overdue,
       count(DISTINCT CASE WHEN c.status = 'open' THEN c END) AS open,
       count(DISTINCT CASE WHEN c.status = 'superseded' THEN c END) AS superseded,
       count(DISTINCT CASE WHEN c.status = 'open' AND NOT later_loaded THEN c END) AS open_without_later_meeting
