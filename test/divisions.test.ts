import { describe, expect, it } from "vitest";
import { type Division, loadDivisions } from "../src/extract/gazetteer/divisions.js";

const divisions = loadDivisions();
const byName = (zhHans: string, parent?: string): Division => {
  const found = divisions.filter((d) => d.zhHans === zhHans && (parent === undefined || d.parent === parent));
  expect(found, zhHans).toHaveLength(1);
  return found[0] as Division;
};

describe("divisions gazetteer", () => {
  it("loads once and caches", () => {
    expect(loadDivisions()).toBe(divisions);
    expect(divisions.length).toBeGreaterThan(3000);
  });

  it("has prefecture-level cities with codes, parents and pinyin names", () => {
    expect(byName("淄博市")).toEqual({ code: "370300", level: "city", zhHans: "淄博市", short: "淄博", en: "Zibo", parent: "370000" });
    expect(byName("东莞市")).toMatchObject({ code: "441900", level: "city", parent: "440000", en: "Dongguan" });
    expect(byName("六安市").en).toBe("Lu'an");
    expect(byName("蚌埠市").en).toBe("Bengbu");
    expect(byName("厦门市").en).toBe("Xiamen");
    expect(byName("长沙市").en).toBe("Changsha");
  });

  it("has districts under their city", () => {
    const shenzhen = byName("深圳市");
    expect(byName("南山区", shenzhen.code)).toMatchObject({ level: "district", short: "南山", en: "Nanshan District" });
    expect(byName("张店区", "370300").en).toBe("Zhangdian District");
  });

  it("uses English conventions for provinces", () => {
    expect(byName("重庆市")).toMatchObject({ code: "500000", level: "province", en: "Chongqing", parent: null });
    expect(byName("陕西省").en).toBe("Shaanxi");
    expect(byName("山西省").en).toBe("Shanxi");
    expect(byName("内蒙古自治区")).toMatchObject({ short: "内蒙古", en: "Inner Mongolia" });
    expect(byName("西藏自治区").en).toBe("Tibet");
    expect(byName("广西壮族自治区")).toMatchObject({ short: "广西", en: "Guangxi" });
  });

  it("attaches municipal districts to the municipality, with no pseudo cities", () => {
    expect(divisions.filter((d) => /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(d.zhHans))).toEqual([]);
    expect(byName("渝中区").parent).toBe("500000");
    expect(byName("浦东新区")).toMatchObject({ parent: "310000", short: "浦东" });
    expect(byName("仙桃市").parent).toBe("420000");
  });

  it("strips ethnic autonomous suffixes", () => {
    expect(byName("延边朝鲜族自治州")).toMatchObject({ level: "city", short: "延边" });
    expect(byName("长阳土家族自治县")).toMatchObject({ short: "长阳", en: "Changyang Autonomous County" });
  });

  it("has Hong Kong, Macao and Taiwan", () => {
    expect(byName("香港特别行政区")).toMatchObject({ code: "810000", level: "province", short: "香港", en: "Hong Kong" });
    const hk = divisions.filter((d) => d.parent === "810000");
    expect(hk).toHaveLength(18);
    expect(hk.every((d) => d.level === "district" && d.en.endsWith(" District"))).toBe(true);
    expect(byName("中西区", "810000")).toMatchObject({ short: "中西", en: "Central and Western District" });
    expect(byName("澳门特别行政区")).toMatchObject({ code: "820000", en: "Macau" });
    expect(byName("花地玛堂区", "820000").level).toBe("district");
    expect(byName("台湾省")).toMatchObject({ code: "710000", level: "province", short: "台湾", en: "Taiwan" });
  });

  it("is consistent: unique codes, existing parents of the level above, no one-character shorts", () => {
    const byCode = new Map(divisions.map((d) => [d.code, d]));
    expect(byCode.size).toBe(divisions.length);
    const above = { province: [], city: ["province"], district: ["city", "province"] } as const;
    for (const d of divisions) {
      if (d.level === "province") expect(d.parent, d.zhHans).toBeNull();
      else expect(above[d.level] as readonly string[], d.zhHans).toContain(byCode.get(d.parent ?? "")?.level);
      if (d.short !== undefined) expect(d.short.length > 1 && d.short !== d.zhHans, d.zhHans).toBe(true);
    }
  });
});
