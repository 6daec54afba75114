// name: unresolved-references
// title: References a person should check: unattributed, ambiguous, weakly closed
// description: Questions with no named asker, answers with no named speaker, commitments with no named owner, offices whose holder at that date is unknown or ambiguous, and closures too weak to count, each with its quote. What `scrutiny review` prints.
// param: body string null Body name contains
// param: limit int 1000 Most rows returned
// columns: meeting_date, body, kind, reason, quote, event_key, source
MATCH (m:Meeting)
WHERE $body IS NULL OR toLower(m.body) CONTAINS toLower($body)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-(d)<-[:EVIDENCED_BY]-(e)
WITH e, d, m, b WHERE e.review IS NOT NULL OR e.review_link IS NOT NULL
RETURN m.date AS meeting_date, b.name AS body, labels(e)[0] AS kind,
       CASE WHEN e.review IS NULL THEN e.review_link WHEN e.review_link IS NULL THEN e.review
            ELSE e.review + '; ' + e.review_link END AS reason,
       e.quote AS quote, e.key AS event_key, coalesce(d.url, d.source) AS source
ORDER BY meeting_date, source, e.start, e.key
LIMIT $limit
