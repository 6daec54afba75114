// name: accountability-record
// title: A person's or an office's record: asked, was asked, answered, promised, delivered
// description: Everything the minutes attribute to one person or office (name contains $who), in meeting order. A person's record includes what was said by or owed by an office at a meeting where they held it ("via"); a promise shows its status and, when delivered, what delivered it.
// param: who string required Person or office name contains, e.g. "sterling" or "chief constable"
// param: body string null Body name contains
// param: limit int 500 Most rows returned
// columns: who, action, via, meeting_date, body, quote, status, delivered_by, event_key, source
OPTIONAL MATCH (p:Person) WHERE toLower(p.name) CONTAINS toLower($who)
WITH collect(p) AS people
OPTIONAL MATCH (o:Role) WHERE toLower(o.name) CONTAINS toLower($who)
WITH people, collect(o) AS offices
UNWIND people + offices AS x
MATCH (e)-[r:ASKED_BY|ADDRESSED_TO|GIVEN_BY|OWED_BY]->(x)
MATCH (e)-[:EVIDENCED_BY]->(d)-[:RECORDS]->(m)
OPTIONAL MATCH (m)-[:HELD_BY]->(b)
WITH x, r, e, d, m, b
WHERE $body IS NULL OR toLower(b.name) CONTAINS toLower($body)
WITH x, r, e, d, m, b ORDER BY x.name, m.date, coalesce(d.url, d.source), e.start, e.key LIMIT $limit
OPTIONAL MATCH (via:Role {key: r.via})
OPTIONAL MATCH (e)-[f:FULFILLED_BY]->()
WITH x, r, e, d, m, b, via, f ORDER BY f.meeting_date, f.confidence DESC, f.quote
WITH x, r, e, d, m, b, via, collect(f.quote)[0] AS delivered_by
RETURN x.name AS who,
       CASE type(r) WHEN 'ASKED_BY' THEN 'asked' WHEN 'ADDRESSED_TO' THEN 'was asked'
            WHEN 'GIVEN_BY' THEN 'answered'
            ELSE CASE WHEN e.status = 'fulfilled' THEN 'promised, delivered' ELSE 'promised' END END AS action,
       via.name AS via, m.date AS meeting_date, b.name AS body, e.quote AS quote,
       e.status AS status, delivered_by, e.key AS event_key, coalesce(d.url, d.source) AS source
ORDER BY who, meeting_date, source, e.start, e.key
LIMIT $limit
