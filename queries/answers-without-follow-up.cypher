// name: answers-without-follow-up
// title: Answers with no follow-up
// description: Answers after which nothing was promised: no commitment arises from the question they answer, and the answer is not itself a commitment.
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: meeting_date, body, answered_by, answer, question, answer_key, source
MATCH (a:Answer)-[:EVIDENCED_BY]->(d:Document)-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body)
WITH a, d, m, b
WHERE $body IS NULL OR toLower(b.name) CONTAINS toLower($body)
OPTIONAL MATCH (a)-[:ANSWERS]->(q:Question)
OPTIONAL MATCH (same:Commitment {doc: a.doc, start: a.start})
WITH a, d, m, b, q, same
WHERE same IS NULL AND (q IS NULL OR NOT (q)<-[:ARISES_FROM]-(:Commitment))
  AND NOT (a)<-[:ARISES_FROM]-(:Commitment)
OPTIONAL MATCH (a)-[gw:GIVEN_BY]->(speaker) WHERE coalesce(gw.derived, false) = false
RETURN m.date AS meeting_date, b.name AS body, speaker.name AS answered_by, a.quote AS answer,
       q.quote AS question, a.key AS answer_key, coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, a.start
LIMIT $limit
