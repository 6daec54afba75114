// name: closed-commitments
// title: Commitments closed, with their evidence and days from promise to fulfilment
// description: Fulfilled commitments with the later minutes that show it (quote, meeting date, how the link was made and how sure it is) and the days between the promise and that meeting.
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: body, owner, promised_on, commitment, fulfilled_on, days_to_fulfil, evidence, method, confidence, evidence_source, commitment_key
MATCH (m:Meeting)
WHERE $body IS NULL OR toLower(m.body) CONTAINS toLower($body)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-()<-[:EVIDENCED_BY]-(c:Commitment)
WITH c, m, b WHERE c.status = 'fulfilled'
MATCH (c)-[f:FULFILLED_BY]->()
WITH c, f, m, b ORDER BY b.name, m.date, c.start, c.key, f.meeting_date, f.quote LIMIT $limit
OPTIONAL MATCH (c)-[ow:OWED_BY]->(o)
WITH c, f, m, b, ow, o WHERE ow IS NULL OR coalesce(ow.derived, false) = false
OPTIONAL MATCH (ed:Document {key: f.doc})
RETURN b.name AS body, o.name AS owner, m.date AS promised_on, c.quote AS commitment,
       f.meeting_date AS fulfilled_on, c.days_to_fulfil AS days_to_fulfil, f.quote AS evidence,
       f.method AS method, f.confidence AS confidence, coalesce(ed.url, ed.source) AS evidence_source,
       c.key AS commitment_key
ORDER BY body, promised_on, c.start, c.key, fulfilled_on, evidence
LIMIT $limit
