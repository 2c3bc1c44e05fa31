import { describe, expect, it } from "vitest";
import { gql, seededApiForSuite } from "./support/api.js";

const seeded = seededApiForSuite();
const Q = `query ($id: ID!, $since: String, $until: String) {
  timeline(id: $id, since: $since, until: $until) { id periods { period facts articleIds } undated }
}`;

interface Period {
  period: string;
  facts: number;
  articleIds: string[];
}

describe("timeline", () => {
  it("counts an entity's stated facts per month, with the articles that state them", async () => {
    const r = await gql<{ timeline: { periods: Period[]; undated: number } }>(seeded.api, Q, { id: "hkbu" });
    expect(r.errors).toBeUndefined();
    const periods = r.data?.timeline.periods ?? [];
    // HKBU's agreement with Shandong Normal University was signed at the Zibo conference, 2023-02.
    const feb2023 = periods.find((p) => p.period === "2023-02");
    expect(feb2023?.facts).toBeGreaterThan(0);
    expect(feb2023?.articleIds).toContain("article-003");
    // In order, each a month or a year.
    expect(periods.map((p) => p.period)).toEqual([...periods.map((p) => p.period)].sort());
    for (const p of periods) expect(p.period).toMatch(/^\d{4}(-\d{2})?$/);
  });

  it("for a region, counts the facts of everything placed in it, and a window keeps only the dated facts within it", async () => {
    const all = await gql<{ timeline: { periods: Period[] } }>(seeded.api, Q, { id: "shandong" });
    const total = (all.data?.timeline.periods ?? []).reduce((n, p) => n + p.facts, 0);
    expect(total).toBeGreaterThan(5);
    const window = await gql<{ timeline: { periods: Period[] } }>(seeded.api, Q, { id: "shandong", since: "2023-02", until: "2023-02" });
    const periods = window.data?.timeline.periods ?? [];
    expect(periods.map((p) => p.period)).toEqual(["2023-02"]);
    expect(periods[0]?.facts).toBe((all.data?.timeline.periods ?? []).find((p) => p.period === "2023-02")?.facts);
  });

  it("refuses a malformed date and answers NOT_FOUND for an unknown id", async () => {
    const bad = await gql(seeded.api, Q, { id: "hkbu", since: "Feb 2023" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await gql(seeded.api, Q, { id: "no-such-entity" });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
