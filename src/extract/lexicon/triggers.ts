import type { EntityKind } from "../../model/entity.js";
import type { Lang } from "../../model/primitives.js";
import type { RelationType } from "../../model/relation.js";

/** Which mention a trigger takes as one end of the relation. */
export interface Argument {
  kinds: readonly EntityKind[];
  /** Where the mention stands relative to the trigger word. */
  side: "before" | "after" | "any";
  /** Take every fitting mention on that side (parties to an agreement), not only the nearest. */
  all?: boolean;
}

/** A trigger word pattern and the relation it states between the nearest fitting mentions of its sentence. */
export interface Trigger {
  name: string;
  type: RelationType;
  pattern: RegExp;
  from: Argument;
  to: Argument;
  confidence: number;
}

const ORG: EntityKind[] = ["Institution", "Lab", "Company"];
const ACTOR: EntityKind[] = [...ORG, "Person", "Region"];
const PARTY: EntityKind[] = [...ORG, "Region"];

type Patterns = Partial<Record<"zh" | "ja" | "ko" | "en", RegExp>>;

/** One relation's trigger in every language, with the same arguments. */
function rule(name: string, type: RelationType, patterns: Patterns, from: Argument, to: Argument, confidence: number): Trigger[] {
  return Object.entries(patterns).map(([lang, pattern]) => ({ name: `${lang}.trigger.${name}`, type, pattern, from, to, confidence }));
}

const before = (kinds: readonly EntityKind[], all = false): Argument => ({ kinds, side: "before", all });
const after = (kinds: readonly EntityKind[]): Argument => ({ kinds, side: "after" });
const any = (kinds: readonly EntityKind[]): Argument => ({ kinds, side: "any" });

/**
 * The trigger table: per relation, the words that state it in Chinese (matched on Simplified
 * text; Traditional and Japanese Kanji are converted first), Japanese, Korean and English.
 */
export const TRIGGERS: Trigger[] = [
  ...rule(
    "sign",
    "PARTY_TO",
    {
      zh: /签署|签订|签约|签定|签下|缔结|达成(?=[^，。]{0,8}(?:协议|协定|备忘录))/g,
      ja: /締結|調印|署名|結んだ/g,
      ko: /체결|서명|맺었|맺은/g,
      en: /\bsign(?:ed|s|ing)?\b|\bconclud(?:ed|es)\b/gi,
    },
    // The signatories too: 所长汤子康与院长毛宗万签署了合作备忘录.
    before(ACTOR, true),
    any(["Agreement"]),
    0.7,
  ),
  // "signed an MoU with the Shenzhen government": the party after "with", the agreement before it.
  ...rule(
    "sign-with",
    "PARTY_TO",
    { en: /\b(?:MoUs?|MOUs?|agreements?|memorand(?:um|a) of understanding|contracts?)\s+with\b/gi },
    { kinds: PARTY, side: "after" },
    { kinds: ["Agreement"], side: "before" },
    0.6,
  ),
  ...rule(
    "sign-by",
    "PARTY_TO",
    // "signed by Professor A, …, and Mr B, …": the signatories too.
    { en: /\bsigned by\b|\bbetween\b/gi },
    { kinds: [...PARTY, "Person"], side: "after", all: true },
    any(["Agreement"]),
    0.6,
  ),
  ...rule(
    "co-found",
    "CO_FOUNDED",
    {
      zh: /联合共建|合作共建|共建|共同建设|联合建设|共同成立|联合成立|合作成立|合作建立|共同设立|联合设立|共同创办|联合创办|共同打造|携手打造|联合组建|共同组建/g,
      ja: /共同設立|共同で設立|共同設置|共同で設置|共同創設|共同で開設|共同運営/g,
      ko: /공동\s?설립|공동으로\s?설립|공동\s?설치|공동\s?구축|공동\s?건설/g,
      en: /\bco-?found(?:ed|s)?\b|\bjointly (?:established|set up|founded|built|launched)\b|\bco-?establish(?:ed)?\b/gi,
    },
    before(PARTY, true),
    after([...ORG, "Event"]),
    0.7,
  ),
  ...rule(
    "found",
    "FOUNDED",
    {
      zh: /(?<!共同|联合|合作)(?:成立|设立|创办|创建|组建)/g,
      ja: /(?<!共同)(?:設立|創設)/g,
      ko: /(?<!공동\s?)(?:설립|창립)/g,
      en: /\b(?:founded|established|set up)\b/gi,
    },
    before(ACTOR),
    after(ORG),
    0.45,
  ),
  ...rule(
    "organise",
    "ORGANIZED",
    { zh: /联合主办|共同主办|主办|合办|牵头举办|举办/g, ja: /主催|共催/g, ko: /주최/g },
    before(ACTOR, true),
    any(["Event"]),
    0.7,
  ),
  ...rule(
    "organised-by",
    "ORGANIZED",
    { en: /\b(?:organi[sz]ed|convened) by\b/gi },
    { kinds: ACTOR, side: "after", all: true },
    any(["Event"]),
    0.7,
  ),
  ...rule("attended-by", "PARTICIPATED_IN", { en: /\battended by\b/gi }, { kinds: ACTOR, side: "after", all: true }, any(["Event"]), 0.6),
  ...rule("hosted-by", "HOSTED", { en: /\bhosted by\b/gi }, { kinds: ACTOR, side: "after", all: true }, any(["Event"]), 0.65),
  // "HKU and the Qianhai Authority held an unveiling ceremony": the subject organised what it held.
  ...rule(
    "held",
    "ORGANIZED",
    { en: /\b(?:held|organi[sz]ed|convened|staged|hosted)\b(?!\s+(?:by|in|at|on)\b)/gi },
    before(ACTOR, true),
    after(["Event"]),
    0.55,
  ),
  ...rule(
    "host",
    "HOSTED",
    { zh: /承办|协办|主持/g, ja: /主宰|司会|運営/g, ko: /주관|공동\s?주최/g, en: /\bco-?organi[sz]ed\b|\bco-?hosted\b/gi },
    before(ACTOR, true),
    any(["Event"]),
    0.65,
  ),
  ...rule(
    "participate",
    "PARTICIPATED_IN",
    {
      zh: /出席|参加|参与|参会|致辞|发言|演讲|莅临|见证/g,
      ja: /出席|参加|登壇|あいさつ|挨拶/g,
      ko: /참석|참가|참여|축사|발표/g,
      en: /\battend(?:ed|s)?\b|\bspoke at\b|\bparticipat(?:ed|es) in\b|\btook part in\b/gi,
    },
    before(ACTOR, true),
    any(["Event"]),
    0.6,
  ),
  // 張新竹氏が述べた: a person quoted in a Japanese report on an event spoke at it. (The Chinese
  // 指出/表示 measured 1 in 7 right: Chinese reports quote people who were not there.)
  ...rule(
    "speak",
    "PARTICIPATED_IN",
    // 新華社 style ends a reported statement with the noun: …と指摘。/ …と紹介。
    {
      ja: /述べた|語った|強調した|指摘した|紹介した|説明した|と(?:指摘|強調|紹介|説明|表明)(?=[。、]|$)/g,
      ko: /말했다|강조했다|설명했다|발표했다|공유했다|소개했다/g,
    },
    before(["Person"], true),
    any(["Event"]),
    0.5,
  ),
  ...rule(
    "held-in",
    "LOCATED_IN",
    {
      zh: /举行|举办|召开|开幕|闭幕|落幕|启幕/g,
      ja: /開催|開かれ|行われ|開幕|閉幕/g,
      ko: /개최|거행|열렸|열린|개막|폐막/g,
    },
    any(["Event"]),
    // 在淄博齐盛宾馆举行 / 青島で開催 / 수원에서 개최: the place stands before the verb.
    before(["Region"]),
    0.65,
  ),
  ...rule(
    "held-in-after",
    "LOCATED_IN",
    { en: /\b(?:held|took place|opened|closed) (?:in|at)\b/gi },
    any(["Event"]),
    after(["Region"]),
    0.65,
  ),
  ...rule(
    "based-in",
    "LOCATED_IN",
    {
      zh: /落户|位于|坐落|入驻|落地|设在/g,
      ja: /に位置|に拠点|に本社|に所在/g,
      ko: /위치|소재|입주/g,
      en: /\b(?:based|located|headquartered) in\b/gi,
    },
    before(ORG),
    after(["Region"]),
    0.6,
  ),
  ...rule(
    "spin-off",
    "SPUN_OFF",
    { zh: /衍生|孵化出|成果转化成立|走出/g, ja: /スピンオフ|発ベンチャー/g, ko: /스핀오프/g, en: /\bspun off\b|\bspin-?off\b/gi },
    before(["Lab", "Institution", "Person"]),
    after(["Company"]),
    0.6,
  ),
  ...rule(
    "incubate",
    "INCUBATED",
    { zh: /孵化|培育/g, ja: /インキュベート|育成/g, ko: /인큐베이팅|보육|육성/g, en: /\bincubat(?:ed|es|ing)\b/gi },
    before([...ORG, "Region"]),
    after(["Company", "Technology"]),
    0.55,
  ),
  ...rule(
    "supply",
    "SUPPLIES",
    {
      zh: /送样|供货|供应|交付|出货|批量供应|客户/g,
      ja: /供給|納入|出荷|納品/g,
      ko: /공급|납품|고객사|샘플/g,
      en: /\bsuppl(?:y|ies|ied)\b|\bdeliver(?:ed|s)?\b|\bcustomers?\b/gi,
    },
    before(["ProductionLine", "Company", "Lab"]),
    after([...ORG, "Region"]),
    0.55,
  ),
  ...rule(
    "operate",
    "OPERATES",
    {
      zh: /建成|建设|投产|运营|拥有|建有|投建|布局/g,
      ja: /稼働|運営|建設/g,
      ko: /가동|운영|구축|건설/g,
      en: /\b(?:operat(?:es|ed)|built|runs)\b/gi,
    },
    before(ORG),
    after(["ProductionLine"]),
    0.6,
  ),
  ...rule(
    "develop",
    "DEVELOPS",
    {
      zh: /研发|开发|研制|推出|发布|生产|展出|攻克/g,
      ja: /開発|研究開発|発表|生産/g,
      ko: /개발|연구개발|출시|생산/g,
      en: /\b(?:develop(?:ed|s)?|launch(?:ed|es)|produc(?:ed|es))\b/gi,
    },
    before([...ORG, "Person"]),
    after(["Technology"]),
    0.55,
  ),
  ...rule(
    "support",
    "SUPPORTS",
    { zh: /支持|指导|资助|扶持/g, ja: /支援|後援/g, ko: /지원|후원/g },
    before(ACTOR),
    after([...ORG, "Event", "Technology"]),
    0.5,
  ),
  ...rule(
    "supported-by",
    "SUPPORTS",
    { en: /\b(?:supported|funded|sponsored) by\b/gi },
    { kinds: ACTOR, side: "after" },
    { kinds: [...ORG, "Event", "Technology"], side: "before" },
    0.55,
  ),
  ...rule(
    "invest",
    "INVESTED_IN",
    { zh: /投资|出资|注资|领投/g, ja: /出資|投資/g, ko: /투자/g, en: /\binvest(?:ed|s)? in\b/gi },
    before(ACTOR),
    after([...ORG, "ProductionLine", "Technology"]),
    0.5,
  ),
  // The place visited after the verb: Chinese and English (Japanese and Korean put it before: visit-object).
  ...rule(
    "visit",
    "VISITED",
    { zh: /访问|考察|调研|参观|到访|走访/g, en: /\b(?:visited|toured)\b/gi },
    before(ACTOR),
    after([...ORG, "Region"]),
    0.5,
  ),
  ...rule(
    "visit-to",
    "VISITED",
    {
      zh: /前往|赴|到访|走访|访问了|参观了/g,

      en: /\b(?:visited|toured|went to)\b/gi,
    },
    before(ACTOR),
    { kinds: [...ORG, "Region"], side: "after", all: true },
    0.5,
  ),
  ...rule(
    "field",
    "DEVELOPS",
    { zh: /领域|方向|范畴|等项目|等产品|等技术/g, ja: /分野|領域/g, ko: /분야/g, en: /\b(?:fields?|areas?|sectors?)\b/gi },
    before([...ORG, "Person"]),
    { kinds: ["Technology"], side: "before", all: true },
    0.5,
  ),
  ...rule(
    "focus",
    "DEVELOPS",
    {
      zh: /聚焦|围绕|专注于?|重点发展|深耕|致力于/g,
      ja: /注力|重点/g,
      ko: /집중|주력/g,
      en: /\b(?:focus(?:es|ed)? on|specialis(?:es|ed) in|specializ(?:es|ed) in)\b/gi,
    },
    before([...ORG, "Person"]),
    { kinds: ["Technology"], side: "after", all: true },
    0.5,
  ),
  // Japanese and Korean put the place visited before the verb: 京都大学を訪問 / 경기도를 방문.
  ...rule(
    "visit-object",
    "VISITED",
    { ja: /を(?:訪問|訪れ|視察)(?!し[たた]\S)/g, ko: /[을를]\s?(?:방문|찾)(?:했|하|해|하였)/g },
    before(ACTOR),
    before([...ORG, "Region"]),
    0.5,
  ),
  // …を訪問した○○ / …를 방문한 ○○: the visitor follows the verb.
  ...rule(
    "visit-object-relative",
    "VISITED",
    { ja: /を(?:訪問|訪れ)した/g, ko: /[을를]\s?방문한/g },
    after(["Person", ...ORG]),
    before([...ORG, "Region"]),
    0.5,
  ),
  ...rule(
    "exhibit",
    "EXHIBITED_AT",
    { zh: /展出|参展|展示|亮相/g, ja: /出展|展示/g, ko: /전시|출품/g, en: /\b(?:exhibited|showcased)\b/gi },
    before([...ORG, "Technology", "Region"]),
    any(["Event"]),
    0.5,
  ),
  ...rule(
    "part-of",
    "PART_OF",
    { zh: /旗下|下属|所属|隶属/g, ja: /傘下|所属/g, ko: /산하|소속/g, en: /\b(?:a subsidiary of|part of|under)\b/gi },
    any(ORG),
    any(ORG),
    0.45,
  ),
  ...rule(
    "lead",
    "LEADS",
    { zh: /牵头|领衔|带领|率领|主导/g, ja: /主導|率いる/g, ko: /주도|이끄는|이끌/g, en: /\bled by\b/gi },
    before(["Person", ...ORG]),
    after([...ORG, "Technology", "Event"]),
    0.45,
  ),
];

/** The triggers for one language (Traditional Chinese uses the Chinese table on its Simplified view). */
export function triggersFor(lang: Lang): Trigger[] {
  const prefix = lang.startsWith("zh") ? "zh" : lang;
  return TRIGGERS.filter((t) => t.name.startsWith(`${prefix}.`));
}
