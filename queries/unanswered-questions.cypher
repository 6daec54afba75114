// name: unanswered-questions
// title: Questions with no recorded answer
// description: Questions and challenges that no answer in the minutes responds to, with who asked, whom, and where.
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: meeting_date, body, asker, addressee, question, challenge, question_key, source
MATCH (m:Meeting)
WHERE $body IS NULL OR toLower(m.body) CONTAINS toLower($body)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-(d)<-[:EVIDENCED_BY]-(q:Question)
OPTIONAL MATCH (q)<-[:ANSWERS]-(ans:Answer)
WITH q, d, m, b, ans WHERE ans IS NULL
WITH q, d, m, b ORDER BY m.date, coalesce(d.url, d.source), q.start, q.key LIMIT $limit
OPTIONAL MATCH (q)-[aw:ASKED_BY]->(asker)
WITH q, d, m, b, aw, asker WHERE aw IS NULL OR coalesce(aw.derived, false) = false
OPTIONAL MATCH (q)-[tw:ADDRESSED_TO]->(addressee)
WITH q, d, m, b, asker, tw, addressee WHERE tw IS NULL OR coalesce(tw.derived, false) = false
RETURN m.date AS meeting_date, b.name AS body, asker.name AS asker, addressee.name AS addressee,
       q.quote AS question, q.challenge AS challenge, q.key AS question_key,
       coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, q.start, q.key
LIMIT $limit
