// Fragment (not a query): true when the relationship `fact` passes the time window of
// since/until: no window, or a gazetteer fact (general knowledge such as "Zibo is in Shandong":
// no article, no date, true at any time), or its date (fact-date.cypher) overlaps the window
// (date-in-window.cypher). An undated stated fact fails any window.
(NOT $window
 OR coalesce(fact.basis, '') = 'gazetteer'
 OR all(fact_date IN [/*@factDate(fact)*/ null] WHERE /*@dateInWindow(fact_date)*/ true))
