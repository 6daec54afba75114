// name: answers-without-follow-up
// title: Answers with no follow-up
// description: Answers after which nothing was promised: no commitment arises from the question they answer, and the answer is not itself a commitment.
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: meeting_date, body, answered_by, answer, question, answer_key, source
MATCH (m:Meeting)
WHERE $body IS NULL OR toLower(m.body) CONTAINS toLower($body)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-(d)<-[:EVIDENCED_BY]-(a:Answer)
OPTIONAL MATCH (a)<-[:ARISES_FROM]-(ca:Commitment)
WITH a, d, m, b, ca WHERE ca IS NULL
OPTIONAL MATCH (a)-[:ANSWERS]->(q:Question)
OPTIONAL MATCH (q)<-[:ARISES_FROM]-(cq:Commitment)
WITH a, d, m, b, q, cq WHERE cq IS NULL
OPTIONAL MATCH (same:Commitment {doc: a.doc, start: a.start})
WITH a, d, m, b, q, same WHERE same IS NULL
WITH a, d, m, b, q ORDER BY m.date, coalesce(d.url, d.source), a.start, a.key LIMIT $limit
OPTIONAL MATCH (a)-[gw:GIVEN_BY]->(speaker)
WITH a, d, m, b, q, gw, speaker WHERE gw IS NULL OR coalesce(gw.derived, false) = false
RETURN m.date AS meeting_date, b.name AS body, speaker.name AS answered_by, a.quote AS answer,
       q.quote AS question, a.key AS answer_key, coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, a.start, a.key
LIMIT $limit
