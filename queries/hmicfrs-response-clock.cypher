// name: hmicfrs-response-clock
// title: HMICFRS reports and the PCC's 56-day response
// description: Inspection reports whose publication date the minutes give: the response due 56 days later, the first meeting that recorded a response (a statement about the report that mentions a response), and whether the clock had run out by $as_of with none recorded. Set overdue_only to 1 for just those past the clock.
// param: as_of date today The date to judge the clock on
// param: overdue_only int 0 1: only reports past the clock with no recorded response
// param: limit int 500 Most rows returned
// columns: report, publisher, published, response_due, response_recorded_on, response, past_clock, report_key
MATCH (r:Report)
WHERE r.response_due IS NOT NULL
OPTIONAL MATCH (r)-[:PUBLISHED_BY]->(p:Body)
OPTIONAL MATCH (e)-[:ABOUT|ADDRESSES|UPDATES]->(r)
WHERE toLower(e.quote) CONTAINS 'respon'
WITH r, p, e ORDER BY e.meeting_date
WITH r, p, collect(e)[0] AS e
WITH r, p, e, e IS NULL AND r.response_due < $as_of AS past_clock
WHERE $overdue_only = 0 OR past_clock
RETURN r.title AS report, p.name AS publisher, r.published AS published, r.response_due AS response_due,
       e.meeting_date AS response_recorded_on, e.quote AS response, past_clock, r.key AS report_key
ORDER BY response_due, report
LIMIT $limit
