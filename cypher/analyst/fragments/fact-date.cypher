// Fragment (not a query): the date of the stated fact `fact` (a relationship) as {d: date,
// p: 'year' | 'month' | 'day'}, or null when it has none. One rule for every analyst query
// (src/api/analyst/queries.ts writes it where a query says /*@factDate(r)*/ null):
// its own date (r.date), else the signing date of the agreement or the start date of the event
// it leads to, else the earliest publication date of its articles; each with its precision
// (d is the first day of the period p gives: a year-only date is YYYY-01-01, p 'year').
// The earliest article is found with reduce rather than ORDER BY … LIMIT 1 in the subquery: the
// same answer, and Neo4j plans a query holding several copies of this fragment in a third of the
// time (planning, not running, was what took seconds).
CASE
  WHEN fact.date IS NOT NULL THEN {d: fact.date, p: coalesce(fact.datePrecision, 'day')}
  WHEN endNode(fact):Agreement AND endNode(fact).signedOn IS NOT NULL
    THEN {d: endNode(fact).signedOn, p: coalesce(endNode(fact).signedOnPrecision, 'day')}
  WHEN endNode(fact):Event AND endNode(fact).startDate IS NOT NULL
    THEN {d: endNode(fact).startDate, p: coalesce(endNode(fact).startDatePrecision, 'day')}
  ELSE reduce(fact_earliest = null, fact_published IN COLLECT { MATCH (fact_article:Article)
                                                            WHERE fact_article.id IN fact.articleIds AND fact_article.publishedAt IS NOT NULL
                                                            RETURN {d: fact_article.publishedAt, p: coalesce(fact_article.publishedAtPrecision, 'day')} }
              | CASE WHEN fact_earliest IS NULL OR fact_published.d < fact_earliest.d THEN fact_published ELSE fact_earliest END)
END
