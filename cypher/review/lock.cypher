// Taken first by every review write transaction (ingest, accept, reject): each reads the stored
// annotations, links them with seed/ and writes the result, so two at once would overwrite each
// other's evidence; the lock makes the second wait for the first to commit. See 004_review.cypher.
MERGE (l:ReviewLock {id: 'review'})
WITH l
CALL apoc.lock.nodes([l])
RETURN l.id AS lock
