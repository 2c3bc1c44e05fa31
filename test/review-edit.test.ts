import { describe, expect, it } from "vitest";
import { relationDraftProps } from "../src/ingest/draft-marks.js";
import type { RawCorpus } from "../src/ingest/load.js";
import { Annotation } from "../src/model/annotation.js";
import { applyReview } from "../src/review/edit.js";
import { ReviewInputError } from "../src/review/errors.js";
import { articleReview } from "../src/review/facts.js";
import { fitDraft } from "../src/review/fit-draft.js";
import { handOverDefinitions } from "../src/review/hand-over.js";
import { pruneDraft } from "../src/review/prune.js";

// Pure parts of the review API, on small annotations (no database).
const draft = (over: Partial<Annotation> = {}): Annotation =>
  Annotation.parse({
    article: { id: "article-abc123", file: "abc123.txt", title: null, titleEn: "t", source: null, publishedAt: null, language: "zh-Hans" },
    entities: [
      { ref: "cityu", seen: ["香港城市大学"], draft: true, confidence: 0.9, rule: "gazetteer" },
      { id: "new-lab", kind: "Lab", type: "lab", name: "New Lab", seen: ["新实验室"], draft: true, confidence: 0.7, rule: "zh.suffix" },
    ],
    relations: [
      { type: "FOUNDED", from: "cityu", to: "new-lab", quote: "香港城市大学成立新实验室", draft: true, confidence: 0.6, rule: "zh.found" },
    ],
    measures: [{ entity: "new-lab", metric: "staff", value: 20, unit: "people", quote: "20人", draft: true, confidence: 0.4, rule: "m" }],
    ...over,
  });
const id = (rest: string) => `article-abc123/${rest}`;

describe("applyReview", () => {
  it("accepts a fact (draft -> false, marks kept) and counts only facts that were drafts", () => {
    const edit = applyReview(draft(), [id("entity/cityu")], []);
    expect(edit.accepted).toBe(1);
    expect(edit.annotation.entities[0]).toEqual({ ref: "cityu", seen: ["香港城市大学"], draft: false, confidence: 0.9, rule: "gazetteer" });
    expect(applyReview(edit.annotation, [id("entity/cityu")], []).accepted).toBe(0);
  });

  it("rejecting an entity removes the relations and measures that use it, and reports its definition", () => {
    const edit = applyReview(draft(), [], [id("entity/new-lab")]);
    expect(edit.rejected).toBe(3);
    expect(edit.annotation.entities.map((m) => ("ref" in m ? m.ref : m.id))).toEqual(["cityu"]);
    expect(edit.annotation.relations).toEqual([]);
    expect(edit.annotation.measures).toEqual([]);
    expect(edit.dropped.map((d) => d.id)).toEqual(["new-lab"]);
  });

  it.each([
    [[id("entity/atlantis")], [], /not facts of article-abc123/],
    [[id("entity/cityu")], [id("entity/cityu")], /both accepted and rejected/],
    [[id("relation/cityu|FOUNDED|new-lab")], [id("entity/new-lab")], /uses an entity this review rejects/],
  ])("refuses %j / %j", (accept, reject, message) => {
    expect(() => applyReview(draft(), accept, reject)).toThrow(ReviewInputError);
    expect(() => applyReview(draft(), accept, reject)).toThrow(message);
  });
});

describe("articleReview", () => {
  it("lists entities, relations and measures with stable ids, names from the graph and highlights", () => {
    const names = new Map([
      ["cityu", { kind: "Institution" as const, name: "City University of Hong Kong" }],
      ["new-lab", { kind: "Lab" as const, name: "New Lab" }],
    ]);
    const review = articleReview(draft(), "text", names);
    expect(review.facts.map((f) => [f.id, f.status, f.label, f.text, f.isNew])).toEqual([
      [id("entity/cityu"), "DRAFT", "INSTITUTION", "City University of Hong Kong", false],
      [id("entity/new-lab"), "DRAFT", "LAB", "New Lab", true],
      [id("relation/cityu|FOUNDED|new-lab"), "DRAFT", "FOUNDED", "City University of Hong Kong -> New Lab", null],
      [id("measure/new-lab|staff"), "DRAFT", "staff", "20 people", null],
    ]);
  });

  it("makes one fact of a relation stated twice: a draft while either statement is, with both quotes", () => {
    const twice = draft({
      relations: [
        { type: "FOUNDED", from: "cityu", to: "new-lab", quote: "香港城市大学成立新实验室", draft: false, confidence: 0.6, rule: "a" },
        { type: "FOUNDED", from: "cityu", to: "new-lab", quote: "新实验室", draft: true, confidence: 0.8, rule: "b" },
      ],
    });
    const facts = articleReview(twice, "", new Map()).facts.filter((f) => f.category === "RELATION");
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ status: "DRAFT", confidence: 0.8, rule: "a", highlights: ["香港城市大学成立新实验室", "新实验室"] });
  });
});

describe("fitting a draft into the corpus", () => {
  const corpus = (kinds: Record<string, string>): RawCorpus =>
    ({
      catalogue: { entities: Object.entries(kinds).map(([id, kind]) => ({ id, kind })), relations: [] },
      annotations: [],
      texts: new Map(),
    }) as unknown as RawCorpus;

  it("refers to an entity the corpus defines with the same kind, keeping the sightings and marks", () => {
    const fitted = fitDraft(draft(), corpus({ cityu: "Institution", "new-lab": "Lab" }));
    expect(fitted.entities[1]).toEqual({ ref: "new-lab", seen: ["新实验室"], draft: true, confidence: 0.7, rule: "zh.suffix" });
  });

  it("gives an entity the corpus defines with another kind a free id, everywhere in the draft", () => {
    const fitted = fitDraft(draft(), corpus({ cityu: "Institution", "new-lab": "Company", "new-lab-2": "Lab" }));
    expect(fitted.entities[1]).toMatchObject({ id: "new-lab-3", kind: "Lab" });
    expect(fitted.relations[0]).toMatchObject({ to: "new-lab-3" });
    expect(fitted.measures[0]).toMatchObject({ entity: "new-lab-3" });
  });
});

describe("pruneDraft", () => {
  it("leaves out the facts the linker refuses, and what used a refused entity", () => {
    const pruned = pruneDraft(draft(), [{ file: "graph:article-abc123", path: "entities[1].seen[0]", message: "not found" }]);
    expect(pruned?.entities).toHaveLength(1);
    expect(pruned?.relations).toEqual([]);
    expect(pruned?.measures).toEqual([]);
  });

  it("cannot prune a problem with the article block", () => {
    expect(pruneDraft(draft(), [{ file: "f", path: "article.id", message: "taken" }])).toBeUndefined();
  });
});

describe("handOverDefinitions", () => {
  it("gives a dropped definition to the first other article that refers to it, with that article's sightings", () => {
    const [dropped] = applyReview(draft(), [], [id("entity/new-lab")]).dropped;
    const other = draft({
      article: { ...draft().article, id: "article-def456", file: "def456.txt" },
      entities: [{ ref: "new-lab", seen: ["该实验室"], draft: true, confidence: 0.5, rule: "graph" }],
      relations: [],
      measures: [],
    });
    const [heir] = handOverDefinitions(dropped ? [dropped] : [], [{ articleId: "article-def456", annotation: other }]);
    expect(heir?.annotation.entities[0]).toEqual({
      id: "new-lab",
      kind: "Lab",
      type: "lab",
      name: "New Lab",
      seen: ["该实验室"],
      draft: true,
      confidence: 0.5,
      rule: "graph",
    });
  });
});

describe("relationDraftProps", () => {
  const s = (articleId: string, draft?: boolean, confidence?: number, rule?: string) => ({
    articleId,
    quote: "q",
    marks: { draft, confidence, rule },
  });

  it("gives a relation no draft stated nothing", () => {
    expect(relationDraftProps([s("a"), s("b", false, 0.5, "r")])).toEqual({});
  });

  it("marks a relation every statement of which is a draft, with the highest confidence and each rule once", () => {
    expect(relationDraftProps([s("a", true, 0.4, "x"), s("b", true, 0.7, "y"), s("c", true, 0.5, "x")])).toEqual({
      draftArticleIds: ["a", "b", "c"],
      draft: true,
      confidence: 0.7,
      rule: "x, y",
    });
  });

  it("keeps a relation some hand-made statement supports curated, naming the drafts' articles", () => {
    expect(relationDraftProps([s("a"), s("b", true, 0.4, "x")])).toEqual({ draftArticleIds: ["b"], draft: false });
  });
});
