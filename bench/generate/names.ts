import type { Random } from "./random.js";

// Syllables with their romanisation, Simplified and Traditional characters, Korean and Japanese
// readings, so every synthetic name exists in all five forms the real articles use.
const SYLLABLES: Array<[string, string, string, string, string]> = [
  ["Hua", "华", "華", "화", "カ"],
  ["Xin", "新", "新", "신", "シン"],
  ["Guang", "光", "光", "광", "コウ"],
  ["Long", "龙", "龍", "룡", "リュウ"],
  ["Tian", "天", "天", "천", "テン"],
  ["Hai", "海", "海", "해", "カイ"],
  ["Dong", "东", "東", "동", "トウ"],
  ["Nan", "南", "南", "남", "ナン"],
  ["Jin", "金", "金", "금", "キン"],
  ["Feng", "风", "風", "풍", "フウ"],
  ["Zhong", "中", "中", "중", "チュウ"],
  ["Guo", "国", "國", "국", "コク"],
  ["Yuan", "远", "遠", "원", "エン"],
  ["Cheng", "城", "城", "성", "ジョウ"],
  ["Ming", "明", "明", "명", "メイ"],
  ["Kang", "康", "康", "강", "コウ"],
  ["Rui", "瑞", "瑞", "서", "ズイ"],
  ["Sheng", "盛", "盛", "성", "セイ"],
  ["Tai", "泰", "泰", "태", "タイ"],
  ["Wei", "维", "維", "유", "イ"],
  ["Jia", "嘉", "嘉", "가", "カ"],
  ["Ning", "宁", "寧", "녕", "ネイ"],
  ["Bo", "博", "博", "박", "ハク"],
  ["Heng", "恒", "恆", "항", "コウ"],
];
const SURNAMES: Array<[string, string, string, string, string]> = [
  ["Wang", "王", "王", "왕", "オウ"],
  ["Li", "李", "李", "이", "リ"],
  ["Zhang", "张", "張", "장", "チョウ"],
  ["Liu", "刘", "劉", "류", "リュウ"],
  ["Chen", "陈", "陳", "진", "チン"],
  ["Huang", "黄", "黃", "황", "コウ"],
  ["Zhao", "赵", "趙", "조", "チョウ"],
  ["Zhou", "周", "周", "주", "シュウ"],
  ["Wu", "吴", "吳", "오", "ゴ"],
];

export interface Names {
  en: string;
  "zh-Hans": string;
  "zh-Hant": string;
  ko: string;
  ja: string;
}

/** Suffix words by kind, in the same five forms. */
export const SUFFIX: Record<string, Names> = {
  Region: { en: "", "zh-Hans": "", "zh-Hant": "", ko: "", ja: "" },
  Institution: { en: " University", "zh-Hans": "大学", "zh-Hant": "大學", ko: "대학", ja: "大学" },
  Lab: { en: " Innovation Centre", "zh-Hans": "创新中心", "zh-Hant": "創新中心", ko: "혁신센터", ja: "イノベーションセンター" },
  Company: {
    en: " Technology Co., Ltd.",
    "zh-Hans": "科技有限公司",
    "zh-Hant": "科技有限公司",
    ko: "과학기술유한회사",
    ja: "科技有限公司",
  },
  ProductionLine: { en: " Pilot Line", "zh-Hans": "中试线", "zh-Hant": "中試線", ko: "중간테스트라인", ja: "パイロットライン" },
  Technology: { en: " Battery Material", "zh-Hans": "电池材料", "zh-Hant": "電池材料", ko: "배터리소재", ja: "電池材料" },
  Event: { en: " Innovation Forum", "zh-Hans": "创新论坛", "zh-Hant": "創新論壇", ko: "혁신포럼", ja: "イノベーションフォーラム" },
  Agreement: { en: " Cooperation Agreement", "zh-Hans": "合作协议", "zh-Hant": "合作協議", ko: "협력협정", ja: "協力協定" },
};

/** A name of two or three syllables plus the kind's suffix, unique through `serial`. */
export function entityNames(rng: Random, kind: string, serial: number): Names {
  if (kind === "Person") {
    const s = rng.pick(SURNAMES);
    const g1 = rng.pick(SYLLABLES);
    const g2 = rng.pick(SYLLABLES);
    const tag = serial.toString(36);
    return {
      en: `${s[0]} ${g1[0]}${g2[0].toLowerCase()} ${tag}`,
      "zh-Hans": `${s[1]}${g1[1]}${g2[1]}${tag}`,
      "zh-Hant": `${s[2]}${g1[2]}${g2[2]}${tag}`,
      ko: `${s[3]}${g1[3]}${g2[3]}${tag}`,
      ja: `${s[4]}${g1[4]}${g2[4]}${tag}`,
    };
  }
  const a = rng.pick(SYLLABLES);
  const b = rng.pick(SYLLABLES);
  const tag = serial.toString(36).toUpperCase();
  const suffix = SUFFIX[kind] ?? (SUFFIX.Region as Names);
  return {
    en: `${a[0]}${b[0].toLowerCase()} ${tag}${suffix.en}`,
    "zh-Hans": `${a[1]}${b[1]}${tag}${suffix["zh-Hans"]}`,
    "zh-Hant": `${a[2]}${b[2]}${tag}${suffix["zh-Hant"]}`,
    ko: `${a[3]}${b[3]}${tag}${suffix.ko}`,
    ja: `${a[4]}${b[4]}${tag}${suffix.ja}`,
  };
}
