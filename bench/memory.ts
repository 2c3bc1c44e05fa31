import type { Driver } from "neo4j-driver";

/** Neo4j's JVM heap in use (MB), read through JMX, which Community exposes as a procedure. */
export async function neo4jHeapMb(driver: Driver, database: string): Promise<number | undefined> {
  try {
    const { records } = await driver.executeQuery(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used",
      {},
      { database },
    );
    const used = records[0]?.get("used") as number | undefined;
    return used === undefined ? undefined : Math.round(used / 2 ** 20);
  } catch {
    return undefined;
  }
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}
