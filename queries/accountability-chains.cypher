// name: accountability-chains
// title: Report or finding -> who asked -> who answered -> what was promised -> what fulfilled it
// description: One row per commitment: the report or finding it concerns, the question it arose from and who asked it, the answer and who gave it, the owner (as the minutes name them, and the person who held that office then), due date, status, and the later item or update that fulfilled it, each with its quote and meeting date. Filters are case-insensitive substrings; null means all.
// param: body string null Body name contains, e.g. "durham"
// param: subject string null Report or finding title contains, e.g. "PEEL"
// param: owner string null Owner (office or person) name contains, e.g. "commissioner"
// param: status string null open, overdue, fulfilled or superseded
// param: since date null Meetings on or after this date
// param: until date null Meetings on or before this date
// param: limit int 200 Most rows returned
// columns: meeting_date, body, subject, asker, question, answered_by, answer, owner, holder, commitment, due, due_date, status, fulfilled_on, fulfilled_by, fulfilment_method, commitment_key, source
MATCH (m:Meeting)
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-(d)<-[:EVIDENCED_BY]-(c:Commitment)
WITH c, d, m, b WHERE $status IS NULL OR c.status = $status
OPTIONAL MATCH (c)-[ow:OWED_BY]->(o)
WITH c, d, m, b, ow, o WHERE ow IS NULL OR coalesce(ow.derived, false) = false
OPTIONAL MATCH (c)-[hw:OWED_BY]->(h:Person)
WITH DISTINCT c, d, m, b, o, CASE WHEN hw.derived = true THEN h END AS h
WHERE $owner IS NULL OR toLower(coalesce(o.name, '')) CONTAINS toLower($owner)
   OR toLower(coalesce(h.name, '')) CONTAINS toLower($owner)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(q1:Question)
OPTIONAL MATCH (c)-[:ADDRESSES]->(s1)
OPTIONAL MATCH (q1)-[:ABOUT]->(s2)
WITH c, d, m, b, o, h, coalesce(s1.title, s2.title) AS subject
WHERE $subject IS NULL OR toLower(coalesce(subject, '')) CONTAINS toLower($subject)
WITH DISTINCT c, d, m, b, o, h
ORDER BY m.date, coalesce(d.url, d.source), c.start, c.key
LIMIT $limit
OPTIONAL MATCH (c)-[:ARISES_FROM]->(q:Question)
OPTIONAL MATCH (q)-[aw:ASKED_BY]->(asker) WHERE coalesce(aw.derived, false) = false
OPTIONAL MATCH (ans:Answer)-[:ANSWERS]->(q)
OPTIONAL MATCH (ans)-[gw:GIVEN_BY]->(speaker) WHERE coalesce(gw.derived, false) = false
OPTIONAL MATCH (c)-[:ADDRESSES]->(s1)
OPTIONAL MATCH (q)-[:ABOUT]->(s2)
OPTIONAL MATCH (c)-[f:FULFILLED_BY]->()
WITH c, d, m, b, o, h, q, asker, ans, speaker, f, coalesce(s1.title, s2.title) AS subject
WHERE $subject IS NULL OR toLower(coalesce(subject, '')) CONTAINS toLower($subject)
WITH c, d, m, b, o, h, q, asker, ans, speaker, f, subject
// ties broken by position in the minutes, so both stores pick the same question and answer
ORDER BY f.meeting_date, f.confidence DESC, f.quote, q.start, ans.start, asker.name, speaker.name, subject
WITH c, d, m, b, o, h, collect(subject)[0] AS subject, collect(q)[0] AS q, collect(asker.name)[0] AS asker,
     collect(ans)[0] AS ans, collect(speaker.name)[0] AS speaker, collect(f)[0] AS f
RETURN m.date AS meeting_date, b.name AS body, subject, asker, q.quote AS question,
       speaker AS answered_by, ans.quote AS answer, o.name AS owner, h.name AS holder,
       c.quote AS commitment, c.due AS due, c.due_date AS due_date, c.status AS status,
       c.fulfilled_on AS fulfilled_on, f.quote AS fulfilled_by, f.method AS fulfilment_method,
       c.key AS commitment_key, coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, c.start, c.key
LIMIT $limit
