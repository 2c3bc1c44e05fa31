// Every entity the graph holds, for the extractor's gazetteer: id, kind label and all names.
// Read once per extraction run (or per API server), not per article.
MATCH (e:Entity)
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS kind, e.name AS name, coalesce(e.names, []) AS names
