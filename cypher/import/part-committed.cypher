// Whether an import part already committed. The driver retries a transaction whose commit it did
// not hear back about (a dropped connection); a part that did commit must then not run again, or
// its CREATEd relationships would be doubled. Each part records itself (mark-part.cypher) in its
// own transaction, so the mark exists exactly when the part's writes do. $part: string.
OPTIONAL MATCH (p:ImportPart {id: $part})
RETURN p IS NOT NULL AS committed
