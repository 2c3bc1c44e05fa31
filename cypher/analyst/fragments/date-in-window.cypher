// Fragment (not a query): true when the fact date `fact` ({d, p} as fact-date.cypher gives it)
// overlaps the window [$since, $until] (dates: the resolver turns "2023" into 2023-01-01 for
// since and 2023-12-31 for until), or when there is no window ($window false). A date covers its
// whole period: a month-precise 2023-02 is in a window from 2023-02-15, a year-precise 2019 in one
// until 2019-03. A null date (undated fact) is in no window.
(NOT $window
 OR (fact IS NOT NULL AND fact.d <= $until
     AND CASE fact.p WHEN 'year' THEN fact.d + duration('P1Y') - duration('P1D')
                     WHEN 'month' THEN fact.d + duration('P1M') - duration('P1D')
                     ELSE fact.d END >= $since))
