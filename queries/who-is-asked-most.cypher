// name: who-is-asked-most
// title: Who is asked most, per body and period
// description: Questions put to each person or office, per body, for meetings in the period: addressed to them, or answered by them when the minutes name no addressee.
// param: body string null Body name contains
// param: since date null Meetings on or after this date
// param: until date null Meetings on or before this date
// param: limit int 100 Most rows returned
// columns: body, asked, questions, meetings
MATCH (m:Meeting)
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-()<-[:EVIDENCED_BY]-(q:Question)
OPTIONAL MATCH (q)-[tw:ADDRESSED_TO]->(t)
WITH q, m, b, tw, t WHERE tw IS NULL OR coalesce(tw.derived, false) = false
OPTIONAL MATCH (q)<-[:ANSWERS]-(ans:Answer)
OPTIONAL MATCH (ans)-[gw:GIVEN_BY]->(g)
WITH q, m, b, t, gw, g WHERE gw IS NULL OR coalesce(gw.derived, false) = false
WITH q, m, b, coalesce(t, g) AS asked
WHERE asked IS NOT NULL
RETURN b.name AS body, asked.name AS asked, count(DISTINCT q) AS questions, count(DISTINCT m) AS meetings
ORDER BY questions DESC, body, asked
LIMIT $limit
