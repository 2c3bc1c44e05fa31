// Full-text search over every name and alias. `searchNames` holds each name and alias plus its
// Simplified/Traditional Chinese counterpart (written by the importer with OpenCC), so either
// script finds the other. The CJK analyzer indexes Chinese, Japanese and Korean text as
// overlapping character bigrams, which matches inside unsegmented CJK words; Latin text is
// tokenised by words as usual.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
