// Indexes still populating or failed: the API reports unhealthy until all are ONLINE.
SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE' RETURN count(*) AS notOnline
