// name: open-commitments
// title: Open and overdue commitments, by owner and body
// description: Commitments not fulfilled or superseded, with the owner as the minutes name them and the person who held that office, the due date on the body's calendar, and whether it is overdue on the given date. Grouped by body and owner.
// param: body string null Body name contains
// param: owner string null Owner (office or person) name contains
// param: as_of date today Overdue means due before this date
// param: limit int 500 Most rows returned
// columns: body, owner, holder, meeting_date, commitment, due_date, status, commitment_key, source
MATCH (m:Meeting)
WHERE $body IS NULL OR toLower(m.body) CONTAINS toLower($body)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH m, b
MATCH (m)<-[:RECORDS]-(d)<-[:EVIDENCED_BY]-(c:Commitment)
WITH c, d, m, b WHERE c.status IN ['open', 'overdue']
OPTIONAL MATCH (c)-[ow:OWED_BY]->(o)
WITH c, d, m, b, ow, o WHERE ow IS NULL OR coalesce(ow.derived, false) = false
OPTIONAL MATCH (c)-[hw:OWED_BY]->(h:Person)
WITH DISTINCT c, d, m, b, o, CASE WHEN hw.derived = true THEN h END AS h
WHERE ($owner IS NULL OR toLower(coalesce(o.name, '')) CONTAINS toLower($owner)
       OR toLower(coalesce(h.name, '')) CONTAINS toLower($owner))
WITH c, d, m, b, o, h,
     CASE WHEN c.due_date IS NOT NULL AND c.due_date < $as_of THEN 'overdue' ELSE 'open' END AS status
RETURN b.name AS body, o.name AS owner, h.name AS holder, m.date AS meeting_date,
       c.quote AS commitment, c.due_date AS due_date, status,
       c.key AS commitment_key, coalesce(d.url, d.source) AS source
ORDER BY body, owner, meeting_date, c.start, c.key
LIMIT $limit
