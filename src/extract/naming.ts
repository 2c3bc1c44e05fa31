import { romanize } from "es-hangul";
import { pinyin } from "pinyin-pro";
import { toRomaji } from "wanakana";
import { japaneseToSimplified, toSimplified } from "../model/chinese-script.js";
import type { EntityKind } from "../model/entity.js";
import { isPersonName } from "./recognise/chinese.js";
import { tagChinese } from "./recognise/jieba.js";
import { slug } from "./slug.js";

/** English renderings of name endings; the rest of a Chinese name is romanised with pinyin. */
const ENDINGS: Array<[string, string]> = [
  ["股份有限公司", "Co., Ltd."],
  ["有限责任公司", "Co., Ltd."],
  ["有限公司", "Co., Ltd."],
  ["公司", "Company"],
  ["集团", "Group"],
  ["联合实验室", "Joint Laboratory"],
  ["重点实验室", "Key Laboratory"],
  ["实验室", "Laboratory"],
  ["研究中心", "Research Centre"],
  ["创新中心", "Innovation Centre"],
  ["中心", "Centre"],
  ["研究院", "Research Institute"],
  ["研究所", "Institute"],
  ["科学院", "Academy of Sciences"],
  ["大学", "University"],
  ["学院", "College"],
  ["协会", "Association"],
  ["委员会", "Committee"],
  ["人民政府", "People's Government"],
  ["政府", "Government"],
  ["科技局", "Science and Technology Bureau"],
  ["局", "Bureau"],
  ["厅", "Department"],
  ["联络处", "Liaison Office"],
  ["论坛", "Forum"],
  ["大会", "Conference"],
  ["会议", "Meeting"],
  ["博览会", "Expo"],
  ["交流会", "Exchange Meeting"],
  ["对接会", "Matchmaking Meeting"],
  ["大赛", "Competition"],
  ["框架协议", "Framework Agreement"],
  ["合作协议", "Cooperation Agreement"],
  ["协议", "Agreement"],
  ["合作备忘录", "Cooperation Memorandum of Understanding"],
  ["备忘录", "Memorandum of Understanding"],
  ["中试线", "Pilot Line"],
  ["生产线", "Production Line"],
  ["平台", "Platform"],
  ["基地", "Base"],
  ["孵化器", "Incubator"],
  ["高新区", "High-tech Zone"],
  ["开发区", "Development Zone"],
  ["产业园", "Industrial Park"],
  ["科技园", "Science Park"],
  ["技术", "Technology"],
  ["材料", "Materials"],
];
const KO_ENDINGS: Array<[string, string]> = [
  ["대학교", "University"],
  ["대학", "University"],
  ["연구소", "Institute"],
  ["연구원", "Research Institute"],
  ["협회", "Association"],
  ["유한회사", "Co., Ltd."],
  ["회사", "Company"],
  ["그룹", "Group"],
  ["센터", "Center"],
  ["포럼", "Forum"],
  ["박람회", "Expo"],
  ["업무협약", "Business Agreement"],
  ["협약", "Agreement"],
  ["양해각서", "Memorandum of Understanding"],
  ["위원회", "Committee"],
];

const title = (w: string) => (w ? w[0]?.toUpperCase() + w.slice(1) : w);

/** A canonical English name for a newly found entity, derived from how the article names it. */
/** English names of known entities named inside a new name (淄博 -> Zibo), by their place in it. */
export type KnownNamesIn = (surface: string) => Array<{ start: number; end: number; name: string }>;

export function englishName(surface: string, kind: EntityKind, knownIn: KnownNamesIn = () => []): string {
  if (/^[\x20-\x7e]+$/.test(surface)) return surface;
  if (/\p{Script=Hangul}/u.test(surface)) return koreanName(surface, kind);
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(surface) && !/\p{Script=Han}/u.test(surface)) return title(toRomaji(surface));
  return chineseName(toSimplified(japaneseToSimplified(surface)), kind, knownIn);
}

function chineseName(name: string, kind: EntityKind, knownIn: KnownNamesIn): string {
  if (kind === "Person" && isPersonName(name)) {
    const surnameLength = name.length === 4 ? 2 : 1;
    return `${romanise(name.slice(0, surnameLength))} ${romanise(name.slice(surnameLength))}`;
  }
  const whole = ENDINGS.find(([zh]) => name === zh);
  if (whole) return whole[1];
  const ending = ENDINGS.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  const stem = ending ? name.slice(0, -ending[0].length) : name;
  const words: string[] = [];
  let at = 0;
  for (const known of knownIn(stem)) {
    words.push(...romaniseWords(stem.slice(at, known.start)), known.name);
    at = known.end;
  }
  words.push(...romaniseWords(stem.slice(at)));
  return [...words.filter(Boolean), ...(ending ? [ending[1]] : [])].join(" ").replace(/\s*[—–-]\s*/g, " – ");
}

function romaniseWords(han: string): string[] {
  return tagChinese(han).map((t) => (/\p{Script=Han}/u.test(t.word) ? romanise(t.word) : t.word.trim()));
}

function romanise(han: string): string {
  return title(pinyin(han, { toneType: "none", type: "array", nonZh: "consecutive" }).join("").replace(/ü/g, "u").replace(/v/g, "u"));
}

function koreanName(surface: string, kind: EntityKind): string {
  if (kind === "Person") {
    const [surname, ...rest] = [...surface.replace(/\s+/g, "")];
    return `${title(romanize(surname ?? ""))} ${title(romanize(rest.join("")))}`.trim();
  }
  const whole = KO_ENDINGS.find(([ko]) => surface === ko);
  if (whole) return whole[1];
  const ending = KO_ENDINGS.find(([ko]) => surface.endsWith(ko) && surface.length > ko.length);
  const stem = ending ? surface.slice(0, -ending[0].length) : surface;
  const words = stem
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => title(romanize(w)));
  return [...words, ...(ending ? [ending[1]] : [])].join(" ");
}

/** A readable id not yet taken: the slug of the English name, numbered when needed. */
export function newId(name: string, kind: EntityKind, taken: (id: string) => boolean): string {
  const base = slug(name) || `${slug(kind)}-entity`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
