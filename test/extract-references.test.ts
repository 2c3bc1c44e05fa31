import { beforeAll, describe, expect, it } from "vitest";
import { extractArticle, type Knowledge, loadKnowledge } from "../src/extract/index.js";
import { quotedNames } from "../src/extract/recognise/quoted-names.js";
import type { Annotation, Mention } from "../src/model/annotation.js";

// How the extractor follows an entity through an article once it is named: short forms the
// article defines, quoted names typed by the word after them, phrases pointing back (同社, 该中心),
// and the short forms Hong Kong news uses for its universities.
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await loadKnowledge({ seedDir: "seed" });
});

const idOf = (m: Mention) => ("ref" in m ? m.ref : m.id);
const draft = async (text: string, lang?: "ja" | "ko" | "zh-Hant" | "zh-Hans" | "en") =>
  (await extractArticle({ text, lang }, knowledge)).annotation;
const entityNamed = (a: Annotation, surface: string) => a.entities.find((e) => e.seen.includes(surface));
const pairs = (a: Annotation) => a.relations.map((r) => `${r.from} ${r.type} ${r.to}`);

describe("following an entity through an article", () => {
  it("takes a short form the article defines in brackets as the entity, and lets it win over a place inside it", async () => {
    const a = await draft(
      "深圳市人民政府、香港中文大學(中大)和香港中文大學(深圳)[中大(深圳)]舉行簽署儀式。中大(深圳)校長徐揚生教授出席。",
      "zh-Hant",
    );
    const cuhkShenzhen = a.entities.find((e) => idOf(e) === "cuhk-shenzhen");
    expect(cuhkShenzhen?.seen).toEqual(expect.arrayContaining(["香港中文大學(深圳)", "中大(深圳)"]));
    expect(a.entities.find((e) => idOf(e) === "cuhk")?.seen).toContain("中大");
    // 深圳 inside 中大(深圳) is not Shenzhen the city here: the person works at CUHK-Shenzhen.
    expect(pairs(a)).toContain(`${idOf(entityNamed(a, "徐揚生") as Mention)} WORKS_AT cuhk-shenzhen`);
  });

  it("does not take a photo position or a date in brackets for a short form", async () => {
    const a = await draft("香港浸會大學(左六)與山東師範大學(2023年)簽署協議。", "zh-Hant");
    for (const e of a.entities) expect(e.seen).not.toContain("左六");
    expect(a.entities.some((e) => e.seen.includes("2023年"))).toBe(false);
  });

  it("types quoted names by the word after them, a quoted list by the word after its last item", async () => {
    const a = await draft(
      "센터는 최근 몇 년간 약 160개의 프로젝트를 '송산호컵', '창객광둥' 등 혁신창업대회에 추천했다. 회사는 '고안전 아연기반 배터리' 프로젝트를 소개했다.",
      "ko",
    );
    expect((entityNamed(a, "송산호컵") as { kind?: string })?.kind).toBe("Event");
    // A quoted name the gazetteer knows stays the known entity.
    expect(idOf(entityNamed(a, "창객광둥") as Mention)).toBe("maker-guangdong-competition");
    // A technology is drafted only with a fact about it; the recogniser still types it.
    const quoted = quotedNames("회사는 '고안전 아연기반 배터리' 프로젝트를 소개했다.", "ko");
    expect(quoted.map((m) => [m.surface, m.kind])).toEqual([["고안전 아연기반 배터리", "Technology"]]);
  });

  it("resolves a phrase pointing back (该中心 / 同社) to the entity named before it, without making it a name", async () => {
    const zh = await draft("大公坊鲁港技术转移中心今日揭牌。该中心与山东大学签署合作协议。", "zh-Hans");
    const centre = entityNamed(zh, "大公坊鲁港技术转移中心") as Mention;
    expect(centre.seen).not.toContain("该中心");
    expect(zh.relations.some((r) => r.from === idOf(centre) && r.type === "PARTY_TO")).toBe(true);
    const ja = await draft("香港城市大学は寧德時代と協力する。同大学の劉奇教授は材料を開発した。", "ja");
    expect(ja.entities.find((e) => idOf(e) === "cityu")?.seen).not.toContain("同大学");
  });

  it("knows 科大 and 港科大 as HKUST in an article that names HKUST in full, and not otherwise", async () => {
    const named = await draft("香港科技大学副校长表示，科大于2007年在广州设立香港科大霍英东研究院。", "zh-Hans");
    expect(named.entities.find((e) => idOf(e) === "hkust")?.seen).toEqual(expect.arrayContaining(["香港科技大学", "科大"]));
    const unnamed = await draft("科大讯飞在合肥发布新一代语音模型。", "zh-Hans");
    expect(unnamed.entities.some((e) => idOf(e) === "hkust")).toBe(false);
  });
});

describe("Korean news' ways of naming people and organisations", () => {
  it("reads name, organisation, post (이종호 과학기술정보통신부 장관) as a person working there", async () => {
    const a = await draft("세션 이후에는 이종호 과학기술정보통신부 장관을 만나 협력 방안을 논의했다.", "ko");
    const person = entityNamed(a, "이종호") as Mention;
    const ministry = entityNamed(a, "과학기술정보통신부") as Mention;
    expect((person as { kind?: string }).kind).toBe("Person");
    expect((ministry as { kind?: string }).kind).toBe("Institution");
    expect(pairs(a)).toContain(`${idOf(person)} WORKS_AT ${idOf(ministry)}`);
  });

  it("takes a Latin name before a person and post as a company, and foreign names in two words", async () => {
    const a = await draft(
      "VC 세션에서 Zhijin Capital 양위 설립자는 발표했다. 먼저, 홍콩 중문대학교 센터장인 왕 캄화이 교수는 설명했다.",
      "ko",
    );
    expect((entityNamed(a, "Zhijin Capital") as { kind?: string }).kind).toBe("Company");
    expect(a.entities.some((e) => e.seen.includes("VC"))).toBe(false);
    expect((entityNamed(a, "양위") as { kind?: string }).kind).toBe("Person");
    expect((entityNamed(a, "왕 캄화이") as { kind?: string }).kind).toBe("Person");
    // 홍콩 중문대학교 (with a space) is CUHK, which the gazetteer knows as 홍콩중문대학교.
    expect(idOf(entityNamed(a, "홍콩 중문대학교") as Mention)).toBe("cuhk");
  });
});

describe("who does what, by each language's word order", () => {
  it("Korean: subjects marked as such, posts after names and on places, no date or person inside a body's name", async () => {
    const a = await draft(
      "경기도는 13일 홍콩무역발전국과 업무협약을 체결했다. 이날 협약식에는 김동연 경기도지사와 마크 웨이 홍콩무역발전국 사무총장이 참석했다. 대표단은 서울 강남구에 있는 스타트업 지원센터를 방문했다.",
      "ko",
    );
    const id = (surface: string) => idOf(entityNamed(a, surface) as Mention);
    expect(a.entities.some((e) => e.seen.some((s) => /13일|웨이 홍콩/.test(s)))).toBe(false);
    expect(pairs(a)).toEqual(
      expect.arrayContaining([
        `hktdc PARTY_TO ${id("업무협약")}`,
        `${id("김동연")} WORKS_AT ${id("경기도")}`,
        `${id("마크 웨이")} WORKS_AT hktdc`,
        `${id("김동연")} PARTICIPATED_IN ${id("협약식")}`,
      ]),
    );
    // 대표단은 (a delegation the draft cannot name) visited, not 강남구 where the centre is.
    expect(a.relations.filter((r) => r.type === "VISITED")).toEqual([]);
  });

  it("Japanese: the partner before と cooperates with the subject before は; a place right after its city is part of it", async () => {
    const a = await draft(
      "香港科技大学は7日、深セン市福田区とイノベーション・起業の分野で協力することで合意した。香港科技大の史維学長が出席した。",
      "ja",
    );
    const futian = idOf(entityNamed(a, "福田区") as Mention);
    expect(pairs(a)).toEqual(
      expect.arrayContaining([
        `hkust COOPERATES_WITH ${futian}`,
        `${futian} PART_OF shenzhen`,
        `${idOf(entityNamed(a, "史維") as Mention)} WORKS_AT hkust`,
      ]),
    );
  });

  it("English: a post after a name gives the employer it names, or the article's own organisation", async () => {
    const a = await draft(
      "A delegation from Hong Kong Baptist University (HKBU) visited Shenzhen. The HKBU delegation was led by Professor Alexander Wai, President and Vice-Chancellor. It was received by Mr Zhang Lin, Deputy Director of the Science, Technology and Innovation Commission of Shenzhen Municipality.",
      "en",
    );
    expect(pairs(a)).toEqual(
      expect.arrayContaining([
        `${idOf(entityNamed(a, "Alexander Wai") as Mention)} WORKS_AT hkbu`,
        `${idOf(entityNamed(a, "Zhang Lin") as Mention)} WORKS_AT shenzhen-stic`,
      ]),
    );
    expect(a.entities.some((e) => e.seen.some((s) => /^(?:General|Professor |Mr )/.test(s)))).toBe(false);
  });
});

describe("names every article uses", () => {
  it("a generic name an annotation saw (战略合作协议, 签约仪式, the MoU) is no gazetteer name of that agreement or event", async () => {
    const a = await draft("11月20日，广州市科技局与香港科技大学（广州）签署战略合作协议。广州市副市长王华出席签约仪式。", "zh-Hans");
    const agreement = entityNamed(a, "战略合作协议");
    expect(agreement && "ref" in agreement).toBe(false);
    expect(entityNamed(a, "签约仪式") && "ref" in (entityNamed(a, "签约仪式") as Mention)).toBe(false);
    expect(pairs(a)).toContain(`hkust-guangzhou PARTY_TO ${idOf(agreement as Mention)}`);
  });
});
