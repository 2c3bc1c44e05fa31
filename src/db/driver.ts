import neo4j, { type Driver } from "neo4j-driver";

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
}

/** One driver per process; the embedded server has auth disabled, so any credentials pass there. */
export async function connect(target: Neo4jTarget): Promise<Driver> {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    // A dead or restarting server fails a request within about a second (SERVICE_UNAVAILABLE)
    // instead of after the driver's default 30 s of retries: one retry after ~1 s (its first
    // backoff), none after that. The driver reconnects by itself once the server is back.
    maxTransactionRetryTime: 500,
    connectionTimeout: 2_000,
    disableLosslessIntegers: true,
  });
  try {
    await driver.verifyConnectivity();
  } catch (err) {
    await driver.close();
    throw new Error(`cannot reach Neo4j at ${target.uri}: ${(err as Error).message}`);
  }
  return driver;
}
