// name: who-asks-most
// title: Who asks most, per body and period
// description: Questions and challenges asked per asker (person, office or "Panel Member"), per body, for meetings in the period.
// param: body string null Body name contains
// param: since date null Meetings on or after this date
// param: until date null Meetings on or before this date
// param: limit int 100 Most rows returned
// columns: body, asker, questions, challenges, meetings
MATCH (m:Meeting)
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-()<-[:EVIDENCED_BY]-(q:Question)-[aw:ASKED_BY]->(a)
WITH q, a, m, b, aw WHERE coalesce(aw.derived, false) = false
RETURN b.name AS body, a.name AS asker, count(q) AS questions,
       count(CASE WHEN q.challenge THEN 1 END) AS challenges, count(DISTINCT m) AS meetings
ORDER BY questions DESC, body, asker
LIMIT $limit
