/** A start-up failure the user can act on: what went wrong, what to do, and the alternatives. */
export class StartupError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super([message, hint, ALTERNATIVES].filter(Boolean).join("\n"));
    this.name = "StartupError";
  }
}

const ALTERNATIVES =
  "Alternatives: `docker compose up` runs Neo4j 5.26 with APOC in a container, or set NEO4J_URI " +
  "(with NEO4J_USER and NEO4J_PASSWORD) to use any Neo4j 5.23+ server with APOC core, e.g. Aura.";
