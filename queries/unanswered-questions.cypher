// name: unanswered-questions
// title: Questions with no recorded answer
// description: Questions and challenges that no answer in the minutes responds to, with who asked, whom, and where.
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: meeting_date, body, asker, addressee, question, challenge, question_key, source
MATCH (q:Question)-[:EVIDENCED_BY]->(d:Document)-[:RECORDS]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_BY]->(b:Body)
WITH q, d, m, b
WHERE ($body IS NULL OR toLower(b.name) CONTAINS toLower($body))
  AND NOT (q)<-[:ANSWERS]-(:Answer)
OPTIONAL MATCH (q)-[aw:ASKED_BY]->(asker) WHERE coalesce(aw.derived, false) = false
OPTIONAL MATCH (q)-[tw:ADDRESSED_TO]->(addressee) WHERE coalesce(tw.derived, false) = false
RETURN m.date AS meeting_date, b.name AS body, asker.name AS asker, addressee.name AS addressee,
       q.quote AS question, q.challenge AS challenge, q.key AS question_key,
       coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, q.start
LIMIT $limit
