// Rejected measures (with their HAS_MEASURE edge). $ids: [string].
UNWIND $ids AS id
MATCH (m:Measure {id: id})
DETACH DELETE m
