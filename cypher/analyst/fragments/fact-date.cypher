// Fragment (not a query): the date of the stated fact `fact` (a relationship) as {d: date,
// p: 'year' | 'month' | 'day'}, or null when it has none. One rule for every analyst query
// (src/api/analyst/queries.ts writes it where a query says /*@factDate(r)*/ null):
// its own date (r.date), else the signing date of the agreement or the start date of the event
// it leads to, else the earliest publication date of its articles; each with its precision
// (d is the first day of the period p gives: a year-only date is YYYY-01-01, p 'year').
CASE
  WHEN fact.date IS NOT NULL THEN {d: fact.date, p: coalesce(fact.datePrecision, 'day')}
  WHEN endNode(fact):Agreement AND endNode(fact).signedOn IS NOT NULL
    THEN {d: endNode(fact).signedOn, p: coalesce(endNode(fact).signedOnPrecision, 'day')}
  WHEN endNode(fact):Event AND endNode(fact).startDate IS NOT NULL
    THEN {d: endNode(fact).startDate, p: coalesce(endNode(fact).startDatePrecision, 'day')}
  ELSE COLLECT { MATCH (fact_article:Article) WHERE fact_article.id IN fact.articleIds AND fact_article.publishedAt IS NOT NULL
                 RETURN {d: fact_article.publishedAt, p: coalesce(fact_article.publishedAtPrecision, 'day')}
                 ORDER BY fact_article.publishedAt LIMIT 1 }[0]
END
