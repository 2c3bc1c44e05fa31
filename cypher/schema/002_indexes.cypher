// Range indexes for what the API filters and sorts on most: names (list sorting and
// `name_STARTS_WITH` filters), region levels (region hierarchy walks) and event dates.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX event_start IF NOT EXISTS FOR (n:Event) ON (n.startDate);
CREATE INDEX measure_metric IF NOT EXISTS FOR (n:Measure) ON (n.metric);
