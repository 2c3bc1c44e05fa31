// Records, inside the part's own transaction, that this part of import run $run is written
// (see part-committed.cypher). $part, $run: string.
CREATE (:ImportPart {id: $part, run: $run, at: datetime()})
