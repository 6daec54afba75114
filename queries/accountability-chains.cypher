// name: accountability-chains
// title: Who was asked to account, what was promised, and its status
// description: Every commitment with its owner, the question it arose from and who asked it, the meeting date, status and the exact quote, optionally for one body.
// param: body string null Body key (lower-case name), e.g. "durham police and crime panel"; all bodies when null
// param: limit int 200 Most rows returned
// columns: meeting_date, body, asker, question, owner, commitment, due, status, source
MATCH (c:Commitment)-[:EVIDENCED_BY]->(d:Document)-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body)
WITH c, d, m, b
WHERE $body IS NULL OR b.key = $body
OPTIONAL MATCH (c)-[:OWED_BY]->(owner)
OPTIONAL MATCH (c)-[:ARISES_FROM]->(q:Question)
OPTIONAL MATCH (q)-[:ASKED_BY]->(asker)
RETURN m.date AS meeting_date, b.name AS body, asker.name AS asker, q.quote AS question,
       owner.name AS owner, c.quote AS commitment, c.due AS due, c.status AS status,
       coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, c.start
LIMIT $limit
