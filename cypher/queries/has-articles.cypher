// Whether any article has been imported: `npm start` seeds an empty graph, and only then.
RETURN EXISTS { MATCH (:Article) } AS seeded
