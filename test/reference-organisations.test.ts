import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The hand-written list of well-known organisations (src/extract/gazetteer/data/organisations.json):
// checked for shape, unique ids and names, and a few names that must be right.

type Organisation = {
  id: string;
  kind: "Institution" | "Lab" | "Company";
  type?: string;
  en: string;
  zhHans: string;
  zhHant?: string;
  ja?: string;
  ko?: string;
  aliases: Partial<Record<"en" | "zh-Hans" | "zh-Hant" | "ja" | "ko", string[]>>;
};

const organisations = JSON.parse(
  readFileSync(new URL("../src/extract/gazetteer/data/organisations.json", import.meta.url), "utf8"),
) as Organisation[];
const byId = new Map(organisations.map((o) => [o.id, o]));
const get = (id: string): Organisation => {
  const found = byId.get(id);
  expect(found, id).toBeDefined();
  return found as Organisation;
};

const TYPES: Record<Organisation["kind"], string[] | null> = {
  Institution: [
    "university",
    "research-institute",
    "government",
    "association",
    "statutory-body",
    "tech-transfer-centre",
    "enterprise-group",
    "other",
  ],
  Lab: ["lab", "joint-lab", "research-centre", "research-institute", "innovation-centre", "pilot-platform", "incubator"],
  Company: null,
};
const LANGUAGES = ["en", "zh-Hans", "zh-Hant", "ja", "ko"];
const KEYS = ["id", "kind", "type", "en", "zhHans", "zhHant", "ja", "ko", "aliases"];
// How a name is compared across entries: width-folded (full-width brackets), case-folded.
const key = (name: string) => name.normalize("NFKC").toLowerCase();
const allNames = (o: Organisation) =>
  [o.en, o.zhHans, o.zhHant, o.ja, o.ko, ...Object.values(o.aliases).flat()].filter((n): n is string => !!n);

describe("reference organisations", () => {
  it("has about 150–200 entries", () => {
    expect(organisations.length).toBeGreaterThanOrEqual(150);
    expect(organisations.length).toBeLessThanOrEqual(220);
  });

  it("gives every entry a kebab-case id, a valid kind and type, and English and simplified Chinese names", () => {
    for (const o of organisations) {
      expect(o.id, JSON.stringify(o)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(
        Object.keys(o).filter((k) => !KEYS.includes(k)),
        o.id,
      ).toEqual([]);
      expect(Object.keys(TYPES), o.id).toContain(o.kind);
      const types = TYPES[o.kind];
      if (types === null) expect(o.type, o.id).toBeUndefined();
      else expect(types, o.id).toContain(o.type);
      expect(typeof o.en === "string" && o.en.trim() === o.en && o.en.length > 0, o.id).toBe(true);
      expect(typeof o.zhHans === "string" && o.zhHans.trim() === o.zhHans && o.zhHans.length > 0, o.id).toBe(true);
      for (const field of ["zhHant", "ja", "ko"] as const) {
        if (field in o) expect(typeof o[field] === "string" && (o[field] as string).trim().length > 0, `${o.id} ${field}`).toBe(true);
      }
      expect(typeof o.aliases === "object" && o.aliases !== null && !Array.isArray(o.aliases), o.id).toBe(true);
      for (const [language, list] of Object.entries(o.aliases)) {
        expect(LANGUAGES, `${o.id} ${language}`).toContain(language);
        expect(Array.isArray(list) && list.length > 0, `${o.id} ${language}`).toBe(true);
        for (const alias of list)
          expect(typeof alias === "string" && alias.trim() === alias && alias.length > 0, `${o.id} ${language}`).toBe(true);
      }
    }
  });

  it("has unique ids", () => {
    const ids = organisations.map((o) => o.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("shares no name or alias between two entries", () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const o of organisations) {
      for (const name of new Set(allNames(o).map(key))) {
        const other = owner.get(name);
        if (other !== undefined && other !== o.id) shared.push(`${name}: ${other}, ${o.id}`);
        owner.set(name, o.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it("leaves out abbreviations that name several organisations", () => {
    const names = new Set(organisations.flatMap(allNames));
    for (const ambiguous of ["中大", "科大", "理大", "UM", "MOE", "MOST", "CAE", "NTU"])
      expect(names.has(ambiguous), ambiguous).toBe(false);
  });

  it("reuses the ids the seed annotations use", () => {
    for (const id of [
      "hku",
      "cuhk",
      "cuhk-shenzhen",
      "hkust",
      "hkust-guangzhou",
      "polyu",
      "cityu",
      "hkbu",
      "university-of-macau",
      "tsinghua-university",
      "sun-yat-sen-university",
      "shanghai-jiao-tong-university",
      "fudan-university",
      "cas",
      "chinese-academy-of-engineering",
      "ministry-of-education",
      "hong-kong-sar-government",
      "itib",
      "hktdc",
      "hkstp",
      "cyberport",
      "qianhai-authority",
      "shenzhen-stic",
      "shenzhen-municipal-government",
      "catl",
      "atl",
      "siemens",
    ]) {
      get(id);
    }
  });

  it("names HKUST, CATL and others right in every script", () => {
    expect(get("hkust")).toMatchObject({
      kind: "Institution",
      type: "university",
      zhHans: "香港科技大学",
      zhHant: "香港科技大學",
      ja: "香港科技大学",
      ko: "홍콩과학기술대학교",
    });
    expect(get("hkust").aliases.en).toContain("HKUST");

    const catl = get("catl");
    expect(catl.kind).toBe("Company");
    expect(catl.type).toBeUndefined();
    expect(
      catl.zhHans === "宁德时代" || (catl.zhHans === "宁德时代新能源科技股份有限公司" && catl.aliases["zh-Hans"]?.includes("宁德时代")),
    ).toBe(true);
    expect(catl.aliases.en).toContain("CATL");

    expect(get("cityu")).toMatchObject({ zhHans: "香港城市大学", zhHant: "香港城市大學" });
    expect(get("cityu").aliases["zh-Hant"]).toContain("城大");
    expect(get("hku").aliases["zh-Hans"]).toContain("港大");
    expect(get("university-of-macau")).toMatchObject({ zhHans: "澳门大学", zhHant: "澳門大學" });
    expect(get("tsinghua-university").ko).toBe("칭화대학교");
    expect(get("tsinghua-university").aliases.ko).toContain("청화대학");
    expect(get("peking-university").aliases.ko).toContain("북경대학");
    expect(get("cas")).toMatchObject({ kind: "Institution", zhHans: "中国科学院", zhHant: "中國科學院" });
    expect(get("shenzhen-bay-laboratory")).toMatchObject({ kind: "Lab", type: "lab", zhHans: "深圳湾实验室" });
    expect(get("tsmc")).toMatchObject({ zhHant: "台積電" });
  });
});
