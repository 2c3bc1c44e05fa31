import type { Driver } from "neo4j-driver";
import { type Knowledge, loadKnowledge } from "../../extract/index.js";

/**
 * The extractor's gazetteer, loaded once per server (seed/ plus the graph's entities) and loaded
 * again after the review API has written, so that the next draft knows the entities the last one
 * defined. A failed load is not kept.
 */
export class KnowledgeCache {
  private current?: Promise<Knowledge>;

  constructor(private readonly seedDir: string) {}

  get(driver: Driver, database: string): Promise<Knowledge> {
    if (this.current) return this.current;
    const loading = loadKnowledge({ seedDir: this.seedDir, driver, database });
    this.current = loading;
    loading.catch(() => {
      if (this.current === loading) this.current = undefined;
    });
    return loading;
  }

  invalidate(): void {
    this.current = undefined;
  }
}
