// Names of the schema files applied to this database (see src/db/schema.ts).
MATCH (m:SchemaMigration) RETURN collect(m.name) AS applied
