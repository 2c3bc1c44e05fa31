import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { seedGraph } from "../src/db/seed.js";
import { log } from "../src/log.js";
import { Annotation } from "../src/model/annotation.js";
import { count, DATABASE, driverForSuite, resetGraph } from "./support/neo4j.js";

const run = promisify(execFile);

/**
 * The curator's path, as the README walks it: `npm run extract` drafts a new article into a copy
 * of seed/, `npm run seed` imports it with its facts marked as drafts, the curator accepts the
 * draft by editing the file, and the next seed turns the facts curated.
 */
describe("reviewing a drafted article by hand (extract -> edit -> seed)", () => {
  const db = driverForSuite();
  let seed: string;
  const annotationFile = () => path.join(seed, "annotations", "905_draft.json");

  beforeAll(async () => {
    seed = await mkdtemp(path.join(tmpdir(), "seed-review-"));
    await cp("seed", seed, { recursive: true, filter: (src) => !/[/\\](dev|heldout)$/.test(src) });
    await cp("seed/dev/articles/104_cuhk_shenzhen_agreement.txt", path.join(seed, "articles", "905_draft.txt"));
    await run("node", [
      "--import",
      "tsx",
      "src/cli/extract.ts",
      path.join(seed, "articles", "905_draft.txt"),
      "--seed",
      seed,
      "--article-id",
      "article-905",
      "--out",
      annotationFile(),
    ]);
    await resetGraph(db.driver);
  });

  it("imports the draft with its facts marked as drafts, next to the curated seed", async () => {
    const draft = Annotation.parse(JSON.parse(await readFile(annotationFile(), "utf8")));
    expect(draft.relations.length).toBeGreaterThan(3);
    const summary = await seedGraph(db.driver, seed, DATABASE, log);
    expect(summary.perArticle.map((a) => a.id)).toContain("article-905");
    const drafted = await count(db.driver, "MATCH ()-[r]->() WHERE 'article-905' IN r.draftArticleIds RETURN count(r)");
    expect(drafted).toBeGreaterThan(3);
    expect(await count(db.driver, "MATCH (:Article {id: 'article-905'})-[m:MENTIONS {draft: true}]->() RETURN count(m)")).toBe(
      draft.entities.length,
    );
    expect(await count(db.driver, "MATCH ()-[r]->() WHERE r.draft = true AND NOT 'article-905' IN r.draftArticleIds RETURN count(r)")).toBe(
      0,
    );
  });

  it("a second seed changes nothing", async () => {
    const summary = await seedGraph(db.driver, seed, DATABASE, log);
    expect(summary.changed).toBe(0);
  });

  it("accepting the draft (removing its draft marks) makes its facts curated", async () => {
    const draft = JSON.parse(await readFile(annotationFile(), "utf8"));
    for (const fact of [...draft.entities, ...draft.relations, ...draft.measures]) delete fact.draft;
    await writeFile(annotationFile(), JSON.stringify(draft, null, 2));
    await seedGraph(db.driver, seed, DATABASE, log);
    expect(await count(db.driver, "MATCH ()-[r]->() WHERE r.draft = true RETURN count(r)")).toBe(0);
    expect(await count(db.driver, "MATCH ()-[r]->() WHERE 'article-905' IN r.articleIds RETURN count(r)")).toBeGreaterThan(3);
  });
});
