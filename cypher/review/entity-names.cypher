// Kind label and canonical name of each entity an article's facts name, for the review's texts.
// $ids: [string].
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS kind, e.name AS name
