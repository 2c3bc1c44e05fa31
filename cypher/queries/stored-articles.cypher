// Articles ingested through the review API keep their annotation (JSON) on their :Article node;
// `npm run seed` and the review API link them together with seed/ so that no import loses them.
MATCH (a:Article)
WHERE a.annotation IS NOT NULL
RETURN a.id AS articleId, a.annotation AS json, a.text AS text
ORDER BY articleId
