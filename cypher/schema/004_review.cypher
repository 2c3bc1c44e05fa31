// The review API (graphql/review.graphql) serialises its writes on one (:ReviewLock {id: 'review'})
// node, MERGEd and locked at the start of each write transaction; the constraint makes MERGE
// safe when two servers create it at once.
CREATE CONSTRAINT review_lock_id IF NOT EXISTS FOR (n:ReviewLock) REQUIRE n.id IS UNIQUE;
// Finding an article by its text (SHA-256, written by the importer), so ingesting the same text
// again returns the article already stored.
CREATE INDEX article_text_hash IF NOT EXISTS FOR (n:Article) ON (n.textHash);
