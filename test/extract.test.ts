import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDevSet } from "../src/extract/evaluate/run.js";
import { DEFAULT_MIN_CONFIDENCE, extractArticle, type Knowledge, loadKnowledge } from "../src/extract/index.js";
import { decodeArticle, ExtractInputError } from "../src/extract/input.js";
import { detectLanguage } from "../src/extract/language.js";
import { seedPaths } from "../src/ingest/load.js";
import { prepareImport } from "../src/ingest/prepare.js";
import { Annotation, type Mention } from "../src/model/annotation.js";

const run = promisify(execFile);
let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await loadKnowledge({ seedDir: "seed" });
});

const idOf = (m: Mention) => ("ref" in m ? m.ref : m.id);
const draft = async (text: string) => (await extractArticle({ text }, knowledge)).annotation;
const relation = (a: Annotation, type: string, from: string, to: string) =>
  a.relations.find((r) => r.type === type && r.from === from && r.to === to);

describe("extraction from raw text", () => {
  it("refers to one known entity whatever script names it", async () => {
    const zhHans = await draft("香港城市大学与宁德时代签署合作协议。");
    const zhHant = await draft("香港城市大學與寧德時代簽署合作協議。");
    for (const a of [zhHans, zhHant]) expect(a.entities.map(idOf)).toEqual(expect.arrayContaining(["cityu", "catl"]));
    expect(zhHans.article.language).toBe("zh-Hans");
    expect(zhHant.article.language).toBe("zh-Hant");
    expect(zhHant.entities.find((e) => idOf(e) === "cityu")?.seen).toEqual(["香港城市大學"]);
  });

  it("resolves a spun name to the known entity and keeps it as garbled", async () => {
    const a = await draft("中国科学院物理研讨所的团队在溧阳开展研究。");
    const cas = a.entities.find((e) => e.garbled?.includes("中国科学院物理研讨所"));
    expect(cas && idOf(cas)).toBe("cas-institute-of-physics");
  });

  it("drafts new organisations, people and the relations between them, every fact marked draft", async () => {
    const a = await draft("2024年3月5日，澳门大学与中山大学化学学院签署《联合实验室合作协议》，澳门大学校长宋永华出席签约仪式。");
    const uni = a.entities.find((e) => e.seen.includes("澳门大学"));
    const school = a.entities.find((e) => e.seen.includes("中山大学化学学院"));
    const song = a.entities.find((e) => e.seen.includes("宋永华"));
    const agreement = a.entities.find((e) => e.seen.includes("联合实验室合作协议"));
    expect(uni && "kind" in uni && uni.kind).toBe("Institution");
    expect(song && "kind" in song && song.kind).toBe("Person");
    expect(agreement && "kind" in agreement && agreement.kind).toBe("Agreement");
    const [u, s, p, g] = [uni, school, song, agreement].map((e) => idOf(e as Mention));
    expect(relation(a, "PARTY_TO", u as string, g as string)).toBeDefined();
    expect(relation(a, "PARTY_TO", s as string, g as string)).toBeDefined();
    expect(relation(a, "WORKS_AT", p as string, u as string)?.props?.title).toBe("校长");
    expect(a.article.publishedAt).toBe("2024-03-05");
    for (const fact of [...a.entities, ...a.relations, ...a.measures]) {
      expect(fact.draft).toBe(true);
      expect(fact.confidence).toBeGreaterThan(0);
      expect(fact.rule).toMatch(/\w/);
    }
  });

  it("drafts Korean, Japanese and English text", async () => {
    const ko = await draft("홍콩도시대학 류치 교수가 주도하는 연구팀이 동관시 과학기술협회와 협약을 체결했다.");
    expect(ko.article.language).toBe("ko");
    expect(ko.entities.map(idOf)).toEqual(expect.arrayContaining(["cityu", "liu-qi", "dongguan-association-for-science-and-technology"]));
    const agreement = ko.entities.find((e) => e.seen.includes("협약"));
    expect(agreement && "kind" in agreement && agreement.kind).toBe("Agreement");
    expect(relation(ko, "PARTY_TO", "dongguan-association-for-science-and-technology", idOf(agreement as Mention))).toBeDefined();
    expect(relation(ko, "WORKS_AT", "liu-qi", "cityu")?.props?.title).toBe("교수");
    const ja = await draft("山東省副省長の宋軍継氏は、香港貿易発展局と覚書を締結した。");
    expect(ja.article.language).toBe("ja");
    expect(ja.entities.map(idOf)).toEqual(expect.arrayContaining(["shandong", "hktdc"]));
    const en = await draft(
      "The Hong Kong University of Science and Technology signed an agreement with Shenzhen Institute of Advanced Research.",
    );
    expect(en.article.language).toBe("en");
    expect(en.entities.some((e) => e.seen.includes("Shenzhen Institute of Advanced Research"))).toBe(true);
  });

  it("quotes and surface forms occur verbatim, and a measure keeps its unit", async () => {
    const text = "天目湖先进储能技术研究院设备投入超过1.5亿元，已孵化5家新型储能科技公司。";
    const a = await draft(text);
    for (const s of [
      ...a.entities.flatMap((e) => [...e.seen, ...(e.garbled ?? [])]),
      ...a.relations.map((r) => r.quote),
      ...a.measures.map((m) => m.quote),
    ]) {
      expect(text).toContain(s);
    }
    expect(a.measures).toEqual(expect.arrayContaining([expect.objectContaining({ value: 1.5e8, unit: "CNY", qualifier: "over" })]));
  });
});

describe("confidence", () => {
  it("a relation's confidence is its rule's measured precision (eval:extract --calibrate), the hand-set one without calibration", async () => {
    const calibration = JSON.parse(await readFile("src/extract/lexicon/calibration.json", "utf8")) as {
      relations: Record<string, { confidence: number }>;
    };
    const text = "2024年5月10日，淄博市科技局与香港中文大学签署《新材料合作协议》。";
    const measured = (await extractArticle({ text }, knowledge)).annotation.relations;
    const handSet = (await extractArticle({ text, uncalibrated: true }, knowledge)).annotation.relations;
    expect(measured.length).toBeGreaterThan(0);
    for (const r of measured) {
      const expected = calibration.relations[r.rule as string]?.confidence;
      if (expected !== undefined) expect(r.confidence, r.rule).toBe(expected);
    }
    expect(handSet.map((r) => r.confidence)).not.toEqual(measured.map((r) => r.confidence));
  });

  it("leaves out relations whose rule is measured below the minimum confidence; 0 keeps them all", async () => {
    const text = await readFile("seed/dev/articles/102_polyu_huizhou_daya_bay.txt", "utf8");
    const all = (await extractArticle({ text, minConfidence: 0 }, knowledge)).annotation.relations;
    const kept = (await extractArticle({ text }, knowledge)).annotation.relations;
    const strict = (await extractArticle({ text, minConfidence: 0.6 }, knowledge)).annotation.relations;
    expect(kept.every((r) => (r.confidence as number) >= DEFAULT_MIN_CONFIDENCE)).toBe(true);
    expect(all.some((r) => (r.confidence as number) < DEFAULT_MIN_CONFIDENCE)).toBe(true);
    expect(strict.length).toBeLessThan(kept.length);
    expect(strict.every((r) => (r.confidence as number) >= 0.6)).toBe(true);
    const refused = await run("node", ["--import", "tsx", "src/cli/extract.ts", "-", "--min-confidence", "2"]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain("a number from 0 to 1");
  });
});

describe("robustness", () => {
  it("drafts a valid annotation from any slice of real articles, mixed scripts and odd characters, never throwing", async () => {
    const { readdir } = await import("node:fs/promises");
    const texts: string[] = [];
    for (const dir of ["seed/articles", "seed/dev/articles"])
      for (const f of (await readdir(dir)).filter((n) => n.endsWith(".txt"))) texts.push(await readFile(path.join(dir, f), "utf8"));
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const samples = texts.flatMap((t) =>
      Array.from({ length: 6 }, () => {
        const a = next() % t.length;
        return t.slice(a, a + 1 + (next() % 600));
      }),
    );
    samples.push(
      "香港🎉大学与🚀签署协议。",
      "《》《协议》签署签署签署",
      "、、、，，，。。。",
      "A".repeat(3000),
      "홍콩과 홍콩과 홍콩과 협력",
      "株式会社株式会社氏氏氏",
    );
    for (const text of samples) {
      if (!/\p{L}/u.test(text)) continue;
      const lang = (() => {
        try {
          return detectLanguage(text);
        } catch {
          return "zh-Hans" as const;
        }
      })();
      const { annotation } = await extractArticle({ text, lang }, knowledge);
      for (const r of annotation.relations) expect(text).toContain(r.quote);
    }
  });
});

describe("bad input", () => {
  const refuse = (bytes: Uint8Array, reason: RegExp) => expect(() => decodeArticle(bytes, "in.txt")).toThrow(reason);
  it("refuses empty, binary, non-UTF-8 and oversized input with the file named", () => {
    refuse(new Uint8Array(), /in\.txt: is empty/);
    refuse(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14]), /binary/);
    refuse(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]), /not valid UTF-8/);
    refuse(new Uint8Array(5 * 1024 * 1024).fill(0x61), /5\.0 MB; an article may be at most 1 MB/);
  });
  it("strips HTML markup and refuses a language it does not support", () => {
    expect(decodeArticle(Buffer.from("<html><body><p>香港城市大学</p><script>x</script></body></html>"), "a.html").text).toBe(
      "香港城市大学",
    );
    expect(() =>
      detectLanguage("Ceci est un article en français sur la coopération scientifique entre les universités.", "fr.txt"),
    ).toThrow(ExtractInputError);
  });
  it("detects English full of Chinese names (which tinyld alone takes for Indonesian), and every development article's language", async () => {
    expect(detectLanguage(await readFile("seed/dev/articles/113_hku_techno_entrepreneurship_academy_qianhai_en.txt", "utf8"))).toBe("en");
    for (const file of await readdir("seed/dev/articles")) {
      const expected = /_en\.txt$/.test(file) ? "en" : /_ko\.txt$/.test(file) ? "ko" : /_ja\.txt$/.test(file) ? "ja" : undefined;
      if (expected) expect(detectLanguage(await readFile(`seed/dev/articles/${file}`, "utf8")), file).toBe(expected);
    }
  });
  it("the CLI exits non-zero with the reason", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "extract-"));
    await writeFile(path.join(dir, "empty.txt"), "");
    const failed = await run("node", ["--import", "tsx", "src/cli/extract.ts", path.join(dir, "empty.txt")]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("empty.txt: is empty");
  });
  it("drafts a folder in one batch, writing every valid article and naming each one it refused", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "batch-in-"));
    const out = await mkdtemp(path.join(tmpdir(), "batch-out-"));
    await writeFile(path.join(dir, "a.txt"), "香港城市大学与宁德时代签署合作协议。");
    await writeFile(path.join(dir, "b.html"), "<html><body><p>홍콩도시대학 류치 교수가 주도했다.</p></body></html>");
    await writeFile(path.join(dir, "c.txt"), "");
    const failed = await run("node", ["--import", "tsx", "src/cli/extract.ts", dir, "--out", out]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/c\.txt: is empty[\s\S]*2 drafts written/);
    const a = Annotation.parse(JSON.parse(await readFile(path.join(out, "a.json"), "utf8")));
    expect(a.entities.map(idOf)).toEqual(expect.arrayContaining(["cityu", "catl"]));
    const b = Annotation.parse(JSON.parse(await readFile(path.join(out, "b.json"), "utf8")));
    expect(b.article.language).toBe("ko");
  });
  it("reads standard input with -", async () => {
    const child = execFile("node", ["--import", "tsx", "src/cli/extract.ts", "-", "--lang", "zh-Hant"]);
    child.stdin?.end("香港城市大學與寧德時代簽署合作協議。");
    let stdout = "";
    child.stdout?.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const draft = Annotation.parse(JSON.parse(stdout));
    expect(draft.article.language).toBe("zh-Hant");
    expect(draft.entities.map(idOf)).toEqual(expect.arrayContaining(["cityu", "catl"]));
  });
});

describe("review by hand: a draft goes through validation", () => {
  it("a drafted dev-set article, copied into a seed folder, validates and links with the curated data", async () => {
    const seed = await mkdtemp(path.join(tmpdir(), "seed-"));
    await cp("seed", seed, { recursive: true, filter: (src) => !src.includes(`${path.sep}dev`) });
    const file = "103_um_sysu_joint_lab";
    const text = await readFile(`seed/dev/articles/${file}.txt`, "utf8");
    await cp(`seed/dev/articles/${file}.txt`, path.join(seed, "articles", "900_draft.txt"));
    const { annotation } = await extractArticle({ text, article: { id: "article-900", file: "900_draft.txt" } }, knowledge);
    await writeFile(path.join(seed, "annotations", "900_draft.json"), JSON.stringify(annotation, null, 2));
    const plan = await prepareImport(seedPaths(seed));
    expect(plan.articles.map((a) => a.id)).toContain("article-900");
    expect(
      plan.relations.filter(
        (r) =>
          (r.props.draftArticleIds as string[] | undefined)?.includes("article-900") ||
          (r.props.articleIds as string[]).includes("article-900"),
      ).length,
    ).toBeGreaterThan(3);
  });
});

describe("scoring", () => {
  it("scores the development set against its gold annotations", async () => {
    const { scores } = await evaluateDevSet("seed", "seed/dev");
    expect(scores.length).toBeGreaterThanOrEqual(8);
    const found = scores.reduce((n, s) => n + s.entities.correct, 0);
    expect(found).toBeGreaterThan(50);
    for (const s of scores) expect(s.verbatim.ok).toBe(s.verbatim.total);
  });
});
