import type { Driver } from "neo4j-driver";

/** Where the extractor learns known entities from. */
export interface KnowledgeSources {
  /** seed folder: catalogue.json and annotations/. */
  seedDir: string;
  /** When given, entities stored in the graph are known too. */
  driver?: Driver;
  database?: string;
  /** Leave out what only these article ids define (leave-one-out evaluation). */
  excludeArticles?: string[];
}

/** Everything the extractor knows before reading an article: the gazetteer. */
export interface Knowledge {
  readonly entityCount: number;
}

export async function loadKnowledge(_sources: KnowledgeSources): Promise<Knowledge> {
  throw new Error("loadKnowledge: not implemented yet");
}
