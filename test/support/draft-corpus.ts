import { writeFile } from "node:fs/promises";
import path from "node:path";
import { copySeed } from "./seed-corpus.js";

// A sixth article whose facts are partly drafts, as `npm run extract` leaves them: a draft mention
// of a catalogue entity, a drafted new entity, a relation only drafts state, a draft statement of a
// relation article-000 states by hand, and a drafted measure.
export const DRAFT_TEXT =
  "香港城市大学与宁德时代签署合作协议。香港城市大学教授刘奇创立苏方新能源科技。双方在东莞共建新能源联合实验室，投资1.5亿元。苏方中试线向香港城市大学送样。";
export const DRAFT_ANNOTATION = {
  article: {
    id: "article-905",
    file: "905_drafts.txt",
    title: null,
    titleEn: "CityU and CATL (drafted)",
    source: null,
    publishedAt: "2025-03",
    language: "zh-Hans",
  },
  entities: [
    { ref: "cityu", seen: ["香港城市大学"], draft: true, confidence: 0.93, rule: "gazetteer.annotation" },
    { ref: "catl", seen: ["宁德时代"] },
    { ref: "sufang-new-energy-technology", seen: ["苏方新能源科技"], draft: true, confidence: 0.6, rule: "zh.suffix" },
    { ref: "dongguan", seen: ["东莞"], draft: true, confidence: 0.95, rule: "gazetteer.catalogue" },
    { ref: "sufang-li-rich-cathode-pilot-line", seen: ["苏方中试线"], draft: true, confidence: 0.5, rule: "zh.suffix" },
    {
      id: "cityu-catl-new-energy-joint-lab",
      kind: "Lab",
      type: "joint-lab",
      name: "New Energy Joint Laboratory",
      names: { "zh-Hans": "新能源联合实验室" },
      seen: ["新能源联合实验室"],
      draft: true,
      confidence: 0.7,
      rule: "zh.suffix",
    },
  ],
  relations: [
    {
      type: "COOPERATES_WITH",
      from: "cityu",
      to: "catl",
      quote: "香港城市大学与宁德时代签署合作协议",
      draft: true,
      confidence: 0.55,
      rule: "zh.trigger.sign",
    },
    {
      type: "SPUN_OFF",
      from: "cityu",
      to: "sufang-new-energy-technology",
      quote: "香港城市大学教授刘奇创立苏方新能源科技",
      draft: true,
      confidence: 0.5,
      rule: "zh.trigger.found",
    },
    {
      type: "CO_FOUNDED",
      from: "cityu",
      to: "cityu-catl-new-energy-joint-lab",
      quote: "双方在东莞共建新能源联合实验室",
      draft: true,
      confidence: 0.7,
      rule: "zh.trigger.co-found",
    },
    {
      type: "LOCATED_IN",
      from: "cityu-catl-new-energy-joint-lab",
      to: "dongguan",
      quote: "在东莞共建新能源联合实验室",
      draft: true,
      confidence: 0.6,
      rule: "zh.trigger.held-in",
    },
    {
      type: "SUPPLIES",
      from: "sufang-li-rich-cathode-pilot-line",
      to: "cityu",
      quote: "苏方中试线向香港城市大学送样",
      props: { kind: "sample" },
      draft: true,
      confidence: 0.65,
      rule: "zh.trigger.supply",
    },
  ],
  measures: [
    {
      entity: "cityu-catl-new-energy-joint-lab",
      metric: "investment",
      value: 150000000,
      unit: "CNY",
      quote: "投资1.5亿元",
      draft: true,
      confidence: 0.45,
      rule: "cjk.measure.number-unit",
    },
  ],
};

/** Writes the drafted article (or another annotation of it) into a copy of seed/. */
export async function writeDraftArticle(dir: string, annotation: unknown = DRAFT_ANNOTATION): Promise<void> {
  await writeFile(path.join(dir, "articles", "905_drafts.txt"), DRAFT_TEXT);
  await writeFile(path.join(dir, "annotations", "905_drafts.json"), JSON.stringify(annotation, null, 2));
}

/** A private copy of seed/ with the drafted article added. */
export async function draftCorpus(): Promise<string> {
  const dir = await copySeed();
  await writeDraftArticle(dir);
  return dir;
}
