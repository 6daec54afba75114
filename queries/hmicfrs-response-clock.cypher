// name: hmicfrs-response-clock
// title: HMICFRS reports and the PCC's 56-day response
// description: Inspection reports whose publication date the minutes give: the response due 56 days later, the first meeting (on or before $as_of) whose minutes say the response was published, the date they give for it, and whether the clock ran out by $as_of: no response recorded, or one the minutes date after the clock. Set overdue_only to 1 for just those past the clock.
// param: as_of date today The date to judge the clock on
// param: overdue_only int 0 1: only reports past the clock with no response in time
// param: limit int 500 Most rows returned
// columns: report, publisher, published, response_due, response_recorded_on, response_published, response, past_clock, report_key
MATCH (r:Report)
WHERE r.response_due IS NOT NULL
OPTIONAL MATCH (r)-[:PUBLISHED_BY]->(p:Body)
OPTIONAL MATCH (e:StatusUpdate)-[:UPDATES]->(r)
WHERE e.key CONTAINS '#response@' AND e.meeting_date <= $as_of
WITH r, p, e ORDER BY e.meeting_date, e.start, e.key
WITH r, p, collect(e)[0] AS e
WITH r, p, e, r.response_due < $as_of
     AND (e IS NULL OR coalesce(e.refers_to_date, '') > r.response_due) AS past_clock
WHERE $overdue_only = 0 OR past_clock
RETURN r.title AS report, p.name AS publisher, r.published AS published, r.response_due AS response_due,
       e.meeting_date AS response_recorded_on, e.refers_to_date AS response_published,
       e.quote AS response, past_clock, r.key AS report_key
ORDER BY response_due, report, report_key
LIMIT $limit
