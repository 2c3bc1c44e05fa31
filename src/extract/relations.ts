import type { EntityKind } from "../model/entity.js";
import type { Lang } from "../model/primitives.js";
import { joins, type RelationType } from "../model/relation.js";
import { EN_POST_HEADS, EN_POST_MODIFIERS, EN_TITLES, isKoreanPost, JA_TITLES, KO_TITLES, ZH_TITLES } from "./lexicon/people.js";
import { type Argument, type Trigger, triggersFor } from "./lexicon/triggers.js";
import { clauseSpans, sentenceSpans } from "./text-spans.js";
import type { EntityMention, FoundRelation, Span } from "./types.js";

const MAX_ALL = 8;
/** How far (characters) from its trigger an argument may stand; Korean and English words are longer. */
const REACH: Record<Lang, number> = { "zh-Hans": 40, "zh-Hant": 40, ja: 50, ko: 70, en: 120 };

/**
 * Relations stated inside one sentence: each trigger word (签署, 共同設立, 체결, signed) joins the
 * nearest mentions of fitting kinds on its sides; a person named beside a title next to an
 * organisation works there. The quote is the run of clauses from the first to the last word used.
 * `view` is the text triggers are matched on (Simplified for Chinese and Japanese), same offsets.
 */
export function findRelations(text: string, view: string, lang: Lang, mentions: EntityMention[]): FoundRelation[] {
  const out: FoundRelation[] = [];
  const focal = focalEvent(mentions, lang.startsWith("zh") ? view : text);
  const principal = principalOrganisation(mentions);
  for (const sentence of sentenceSpans(text)) {
    const inside = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (inside.length < 1) continue;
    const clauses = clauseSpans(text, sentence);
    const phrases = phraseSpans(text, sentence);
    const quote = (...spans: Span[]) => quoteSpan(clauses, spans);
    for (const trigger of triggersFor(lang)) {
      const source = lang === "ja" || lang === "ko" || lang === "en" ? text : view;
      const slice = source.slice(sentence.start, sentence.end);
      for (const m of slice.matchAll(trigger.pattern)) {
        const at: Span = { start: sentence.start + (m.index ?? 0), end: sentence.start + (m.index ?? 0) + m[0].length };
        if (insideAName(at, inside)) continue;
        const phrase = phrases.find((p) => p.start <= at.start && at.start < p.end) ?? sentence;
        const found = peopleListed(lang, trigger.to, at, inside) ?? pick(inside, trigger.to, at, REACH[lang], phrase, new Set(), source);
        // Both ends before the verb (Korean and Japanese objects: 경기도를 방문): the subject is the next one back.
        // 科大于…在南山区建立了…研究院: a place after 在/于 is where it happened, not who did it.
        const actors = inside.filter((m) => m.kind !== "Region" || !isLocative(lang.startsWith("zh") ? view : text, m));
        const froms =
          subjectMarked(lang, trigger, found, actors, at, source) ??
          peopleListed(lang, trigger.from, at, actors) ??
          pick(actors, trigger.from, at, REACH[lang], phrase, new Set(found.map(entityKey)), source);
        // "出席了活动" names no event: the article's event is meant (news reports are about one).
        const useFocal = found.length === 0 && focal && trigger.to.kinds.length === 1 && trigger.to.kinds[0] === "Event";
        const tos = useFocal ? [focal] : found;
        const confidence = useFocal ? trigger.confidence * 0.8 : trigger.confidence;
        for (const from of froms)
          for (const to of tos) {
            if (!joinable(trigger.type, from, to)) continue;
            const quoted = useFocal ? quote(from, at) : quote(from, at, to);
            out.push({
              type: trigger.type,
              from,
              to,
              quote: quoted,
              rule: useFocal ? `${trigger.name}.article-event` : trigger.name,
              confidence,
            });
          }
      }
    }
    out.push(...placeInPlace(text, inside));
    out.push(...presentAtEvent(lang.startsWith("zh") || lang === "ja" ? view : text, lang, inside, quote));
    if (focal) out.push(...announcedAt(lang.startsWith("zh") || lang === "ja" ? view : text, lang, sentence, inside, focal, quote));
    out.push(...worksAt(lang.startsWith("zh") ? view : text, lang, inside, clauses, principal));
    out.push(...developsListed(inside, quote));
    if (lang.startsWith("zh")) out.push(...agreementSubjects(view, sentence, inside, quote), ...setUpIn(view, inside, quote));
    out.push(...cooperation(lang.startsWith("zh") ? view : text, lang, sentence, inside, quote));
  }
  return dedupe(out);
}

/**
 * The mentions a trigger argument takes: every fitting one on its side in the sentence (a list of
 * parties, 甲、乙、丙…签署), or the nearest within reach, preferring the trigger's own phrase.
 */
function pick(
  mentions: EntityMention[],
  arg: Argument,
  at: Span,
  reach: number,
  phrase: Span,
  exclude = new Set<string>(),
  text = "",
): EntityMention[] {
  const all = mentions.filter((m) => arg.kinds.includes(m.kind) && !exclude.has(entityKey(m)));
  const inPhrase = all.filter((m) => m.start >= phrase.start && m.end <= phrase.end);
  // Prefer the trigger's own phrase: the parties of 甲与乙签署 are not the witnesses listed before the comma.
  const fits = inPhrase.some((m) => (arg.side === "after" ? m.start >= at.end : arg.side === "before" ? m.end <= at.start : true))
    ? inPhrase
    : all;
  const limit = arg.all ? Number.POSITIVE_INFINITY : reach;
  const before = fits.filter((m) => m.end <= at.start && at.start - m.end <= limit).sort((a, b) => b.end - a.end);
  const after = fits.filter((m) => m.start >= at.end && m.start - at.end <= limit).sort((a, b) => a.start - b.start);
  if (arg.side === "before")
    return arg.all ? distinct(untilClauseBreak(before, at, text)).slice(0, MAX_ALL) : withListed(before[0], before, text);
  if (arg.side === "after") return arg.all ? distinct(after).slice(0, MAX_ALL) : withListed(after[0], after, text);
  const nearest = [...before.slice(0, 1), ...after.slice(0, 1)].sort((a, b) => gap(a, at) - gap(b, at));
  return nearest.slice(0, 1);
}

/**
 * "hosted by Mr Wu Kunsheng, Deputy Secretary-General of …, Ms Liang Ke, Deputy Secretary of …, and
 * …": in English a list of people each followed by a post runs over commas to the sentence's end;
 * every person in it is meant, not the organisations of their posts.
 */
function peopleListed(lang: Lang, arg: Argument, at: Span, inside: EntityMention[]): EntityMention[] | undefined {
  if (lang !== "en" || arg.side !== "after" || !arg.all || !arg.kinds.includes("Person")) return undefined;
  const after = inside.filter((m) => m.start >= at.end).sort((a, b) => a.start - b.start);
  if (after[0]?.kind !== "Person") return undefined;
  return distinct(after.filter((m) => m.kind === "Person")).slice(0, MAX_ALL);
}

/** Actors' names hold trigger words (선전시 holds 전시 "exhibition"): a trigger inside one states nothing. */
function insideAName(at: Span, mentions: EntityMention[]): boolean {
  return mentions.some((m) => NAMED_ACTORS.includes(m.kind) && m.start <= at.start && at.end <= m.end && !m.anaphor);
}
const NAMED_ACTORS: readonly EntityKind[] = ["Region", "Institution", "Company", "Lab", "Person"];

/** Between two items of one list: 、 / 和 / 及 / と / 와 / and (not the Chinese clause comma). */
const LIST_JOINER = /^\s*(?:[、,・&/]|和|与|與|及|以及|并|並|及び|と|や|및|와|과|,?\s*and|,?\s*or)?\s*$/;

/**
 * The nearest mention and the ones listed with it (聚焦石油化工、新能源材料、人工智能及智能制造:
 * all four), walking away from the trigger while only a list joiner stands between two items.
 * `ordered` runs away from the trigger (nearest first).
 */
function withListed(nearest: EntityMention | undefined, ordered: EntityMention[], text: string, sameKind = true): EntityMention[] {
  if (!nearest || !text) return nearest ? [nearest] : [];
  const out = [nearest];
  for (const next of ordered.slice(1)) {
    const last = out.at(-1) as EntityMention;
    const gap = next.start >= last.end ? text.slice(last.end, next.start) : text.slice(next.end, last.start);
    if (gap.length > 6 || !LIST_JOINER.test(gap) || (sameKind && next.kind !== nearest.kind)) break;
    out.push(next);
    if (out.length >= MAX_ALL) break;
  }
  return distinct(out);
}

/**
 * 天目湖研究院已开展高性能正极、高容量负极、钠离子电池等多个项目: the technologies of an enumeration
 * are developed by the nearest organisation before the list in the sentence.
 */
function developsListed(mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  const out: FoundRelation[] = [];
  for (const tech of mentions.filter((m) => m.rule.endsWith("enumerated-technology"))) {
    const owner = mentions
      .filter((m) => ["Institution", "Lab", "Company"].includes(m.kind) && m.end <= tech.start && tech.start - m.end <= 30)
      .sort((a, b) => b.end - a.end)[0];
    if (owner)
      out.push({ type: "DEVELOPS", from: owner, to: tech, quote: quote(owner, tech), rule: "zh.develops-listed", confidence: 0.5 });
  }
  return out;
}

const SETS_UP = /成立|共建|设立|建设|建立|打造|组建|揭牌/;
/** 在广州设立…研究院 (the new body after the verb) / 于广州南沙开校 (the subject before the place). */
const SET_UP_AFTER = /^(?:了)?(?:成立|设立|建立|创办|开设|组建|共建|设有)了?/;
const SET_UP_HERE = /^(?:开校|落户|落地|入驻|开业|揭牌|办学|成立)/;

/**
 * 科大于2007年在广州设立香港科大霍英东研究院: what is set up in a place (在/于 + place + verb) lies
 * there; 港科大(广州)于广州南沙开校: what opens in a place lies there.
 */
function setUpIn(view: string, mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  const out: FoundRelation[] = [];
  const bodies = mentions.filter((m) => ["Institution", "Lab", "Company"].includes(m.kind));
  for (const place of mentions.filter((m) => m.kind === "Region" && isLocative(view, m))) {
    // The last place of a run (广州南沙): the most precise one.
    const rest = view.slice(place.end, place.end + 12);
    const after = SET_UP_AFTER.exec(rest);
    const body = after
      ? bodies.find((m) => m.start >= place.end + after[0].length && m.start - place.end - after[0].length <= 2)
      : SET_UP_HERE.test(rest)
        ? bodies.filter((m) => m.end <= place.start && place.start - m.end <= 4).at(-1)
        : undefined;
    if (body && joinable("LOCATED_IN", body, place))
      out.push({ type: "LOCATED_IN", from: body, to: place, quote: quote(body, place), rule: "zh.set-up-in", confidence: 0.6 });
  }
  return out;
}

/**
 * What an agreement is about (CONCERNS): 签署合作备忘录，成立"教育部联合重点实验室" (the lab set up
 * after it), 就共建"香港理工大学大亚湾技术创新研究院"达成合作协议 (the lab named after 就).
 */
function agreementSubjects(view: string, sentence: Span, mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  const out: FoundRelation[] = [];
  const subjects = mentions.filter((m) => ["Lab", "Technology", "Company", "Institution"].includes(m.kind) && !m.knownId);
  for (const agreement of mentions.filter((m) => m.kind === "Agreement")) {
    const after = subjects.find(
      (m) => m.start >= agreement.end && m.start - agreement.end <= 25 && SETS_UP.test(view.slice(agreement.end, m.start)),
    );
    const before = subjects
      .filter((m) => m.end <= agreement.start && agreement.start - m.end <= 20 && /就[^，,。]*$/.test(view.slice(sentence.start, m.start)))
      .at(-1);
    for (const subject of [after, before])
      if (subject)
        out.push({
          type: "CONCERNS",
          from: agreement,
          to: subject,
          quote: quote(agreement, subject),
          rule: "zh.agreement-concerns",
          confidence: 0.5,
        });
  }
  return out;
}

/** 在淄博签署 / 于香港举行: a place introduced by a locative word is where, not who. */
function isLocative(text: string, m: EntityMention): boolean {
  return (
    /(?:在|于|於|赴|at|in)\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start)) || /^\s*(?:에서|で)/.test(text.slice(m.end, m.end + 4))
  );
}

/**
 * 동관시 과학기술협회가 주최하고 … 센터가 주관하는: a list of parties gathered back from a verb stops
 * at the previous clause's verb (…하고, …し、, "and was"), whose parties are its own. (Commas are
 * left to the phrase preference: 港城大教授表示，双方将共建… still names its parties before the comma.)
 */
const CLAUSE_BREAK = /(?:하고|하며|하여|했고|했으며|되고|되며|하는|한)\s|して|し、|であり|\band\s+(?:was|were|is|are|has|have)\b/;

function untilClauseBreak(before: EntityMention[], at: Span, text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of before) {
    if (text && CLAUSE_BREAK.test(text.slice(m.end, at.start))) break;
    out.push(m);
  }
  return out;
}

/** The event an article is about: the one it names most often (first named on a tie), if named twice or surely. */
/** A province or city, then a place in it: 深セン市福田区 / 广东省深圳市 / 선전시 푸톈구. */
const OUTER_PLACE = /(?:省|市|道|성|시|도)$/u;
const INNER_PLACE = /(?:市|区|區|县|縣|镇|鎮|新区|新區|구|군|시|군|町|村)$/u;

/** 深セン市福田区: a place named right after a larger one that contains it is part of it. */
function placeInPlace(text: string, mentions: EntityMention[]): FoundRelation[] {
  const out: FoundRelation[] = [];
  const regions = mentions.filter((m) => m.kind === "Region" && !m.anaphor).sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < regions.length; i++) {
    const [outer, inner] = [regions[i] as EntityMention, regions[i + 1] as EntityMention];
    if (!/^ ?$/.test(text.slice(outer.end, inner.start)) || entityKey(outer) === entityKey(inner)) continue;
    if (!OUTER_PLACE.test(outer.surface) || !INNER_PLACE.test(inner.surface)) continue;
    // The two names are the whole statement: 深セン市福田区.
    out.push({
      type: "PART_OF",
      from: inner,
      to: outer,
      quote: { start: outer.start, end: inner.end },
      rule: "place-in-place",
      confidence: 0.6,
    });
  }
  return out;
}

/** Right after an event's name, words placing what follows at it: 揭牌仪式上， / フォーラムでは / 세미나에서는. */
const AT_EVENT_AFTER: Record<"zh" | "ja" | "ko", RegExp> = {
  zh: /^[」”"》]?(?:上|期间|现场|中)[，,、]/,
  ja: /^[」”"]?(?:で(?:は|も)?|の場で|において)[、,]/,
  ko: /^['’"”]?(?:에서(?:는|도)?|에는)\s/,
};
/** Right before an event's name: "At the signing ceremony, …". */
const AT_EVENT_BEFORE = /(?:^|[.;]\s+|\n)(?:At|During)\s+(?:the\s+)?$/;

/**
 * 揭牌仪式上，中山大学校长高松为徐安龙颁发了聘书 / 이날 세미나의 첫 번째 세션에서는 … / At the forum,
 * …: a sentence that opens by placing itself at an event puts every person it names there.
 */
function presentAtEvent(text: string, lang: Lang, mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  const key = lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en");
  const event = mentions.find((m) => {
    if (m.kind !== "Event") return false;
    if (key === "en") return AT_EVENT_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start));
    return AT_EVENT_AFTER[key].test(text.slice(m.end, m.end + 6));
  });
  if (!event) return [];
  return mentions
    .filter((m) => m.kind === "Person" && m.start > event.end)
    .map((person) => ({
      type: "PARTICIPATED_IN",
      from: person,
      to: event,
      quote: quote(event, person),
      rule: `${key}.present-at-event`,
      confidence: 0.55,
    }));
}

/** Words saying an event took place, soon after its name: 开幕, 開催された, 개최됐다, was held. */
const HELD = /举行|举办|召开|开幕|開催|開かれ|開幕|개최|열렸|열린|개막|\bwas held\b|\btook place\b|\bopened\b/;

function focalEvent(mentions: EntityMention[], text: string): EntityMention | undefined {
  const counts = new Map<string, { first: EntityMention; n: number }>();
  for (const m of mentions.filter((x) => x.kind === "Event")) {
    const c = counts.get(entityKey(m));
    if (c) c.n++;
    else counts.set(entityKey(m), { first: m, n: 1 });
  }
  // Named as often, the one the article says was held is what it reports on (not the series it belongs to).
  const held = (m: EntityMention) => Number(HELD.test(text.slice(m.end, m.end + 40)));
  // Named once, an event is not what the whole article is about (or was misread as one).
  const best = [...counts.values()].sort((a, b) => b.n - a.n || held(b.first) - held(a.first) || a.first.start - b.first.start)[0];
  return best && (best.n >= 2 || best.first.confidence >= 0.75) ? best.first : undefined;
}

/** Phrases: the pieces of a sentence between commas, semicolons and colons (not enumeration commas). */
function phraseSpans(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i <= sentence.end; i++) {
    if (i === sentence.end || /[，,；;：:]/.test(text[i] as string)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function gap(m: Span, at: Span) {
  return m.end <= at.start ? at.start - m.end : m.start - at.end;
}

function distinct(ms: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const key = entityKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function entityKey(m: EntityMention): string {
  return m.knownId ?? `new:${m.kind}:${m.sameAs ?? m.surface}`;
}

function joinable(type: RelationType, from: EntityMention, to: EntityMention): boolean {
  if (entityKey(from) === entityKey(to)) return false;
  return joins(type, from.kind, to.kind);
}

const TITLES: Record<Lang, string[]> = { "zh-Hans": ZH_TITLES, "zh-Hant": ZH_TITLES, ja: JA_TITLES, ko: KO_TITLES, en: EN_TITLES };

/**
 * 联络处主任黄志辉 / 青島市長の趙豪志氏 / 센터 주임 우신궈 / 홍콩도시대학 류치 교수: an organisation (or
 * region) followed, within a few characters holding a title, by a person: the person works there.
 * `text` is the Simplified view for Chinese (titles are listed in Simplified), the text itself otherwise.
 */
function worksAt(text: string, lang: Lang, mentions: EntityMention[], clauses: Span[], principal?: Principal): FoundRelation[] {
  const out: FoundRelation[] =
    lang === "en" ? worksAtEnglish(text, mentions, clauses, principal) : lang === "ko" ? worksAtKorean(text, mentions, clauses) : [];
  const titles = TITLES[lang];
  for (const person of mentions.filter((m) => m.kind === "Person")) {
    const orgs = mentions.filter(
      (m) => m.end <= person.start && person.start - m.end <= 16 && ["Institution", "Lab", "Company", "Region"].includes(m.kind),
    );
    const byNearness = orgs.sort((a, b) => b.end - a.end);
    const org = byNearness.find((m) => m.kind !== "Region") ?? byNearness[0];
    if (!org) continue;
    const between = text.slice(org.end, person.start);
    // 孫海生(そん・かいせい)庁長: the title comes after the name's reading.
    const afterName = text
      .slice(person.end, person.end + 24)
      .replace(/^[(（][^)）]{1,16}[)）]/, "")
      .slice(0, 8);
    const title = titles.find((t) => between.includes(t)) ?? titles.find((t) => afterName.trimStart().startsWith(t));
    const inBetween = mentions.filter((m) => m.start >= org.end && m.end <= person.start);
    // 淄博市委常委、副市长宋振波: titles may be listed with 、 or ・, but a comma ends the person's titles.
    // 淄博市科技局熊欣: a person named right after an organisation, without a title, speaks for it.
    const adjacent = !title && between === "" && org.kind !== "Region";
    // 김동연 경기도지사와 마크 웨이 …: a post joined by 와/과 belongs to the person before.
    if ((!title && !adjacent) || /[。！？!?；;，,]|(?:와|과)\s/.test(between) || inBetween.some((m) => m.kind !== "Region")) continue;
    const end = title && afterName.trimStart().startsWith(title) ? person.end + afterName.indexOf(title) + title.length : person.end;
    const prefix = lang.startsWith("zh") ? "zh" : lang;
    const employer = (title && governmentOf(org, title, mentions, text)) || org;
    out.push({
      type: "WORKS_AT",
      from: person,
      to: employer,
      quote: quoteSpan(clauses, [org, { start: person.start, end }]),
      rule: `${prefix}.works-at.title`,
      confidence: adjacent ? 0.5 : employer.kind === "Region" ? 0.5 : 0.75,
      ...(title ? { props: { title } } : {}),
    });
    // 中大校长兼中大(深圳)理事长段崇智 / 淄博市委常委、副市长宋振波: each organisation of a chain of titles.
    for (const [earlier, earlierTitle] of titleChain(org, mentions, text, titles))
      out.push({
        type: "WORKS_AT",
        from: person,
        to: governmentOf(earlier, earlierTitle, mentions, text) ?? earlier,
        quote: quoteSpan(clauses, [earlier, { start: person.start, end }]),
        rule: `${prefix}.works-at.title-chain`,
        confidence: 0.6,
        props: { title: earlierTitle },
      });
  }
  return out;
}

/** Words that join two posts one person holds: 兼, 、, ・, 및. */
const POST_JOINER = /^(.*?)(?:兼|、|・|·|및|,\s*)$/;

/** The organisations named earlier in a chain of posts ending at `org`: [organisation, its title]. */
function titleChain(org: EntityMention, mentions: EntityMention[], text: string, titles: string[]): Array<[EntityMention, string]> {
  const out: Array<[EntityMention, string]> = [];
  let current = org;
  for (let step = 0; step < 3; step++) {
    // The chain is one person's posts: it ends at another person (甲、乙: two people, two posts).
    const earlier = mentions.filter((m) => m.end <= current.start && current.start - m.end <= 12).at(-1);
    if (!earlier || earlier.kind === "Person") break;
    const joined = POST_JOINER.exec(text.slice(earlier.end, current.start));
    const title = joined && titles.find((t) => (joined[1] as string).includes(t));
    if (!title || /[。，,；;]/.test(joined?.[1] ?? "")) break;
    out.push([earlier, title]);
    current = earlier;
  }
  return out;
}

/** Posts of a city's or province's government (市长, 시장, 市長, Mayor). */
const GOVERNMENT_POSTS = /市长|省长|区长|县长|州长|市長|省長|区長|県知事|知事|시장|성장|구청장|mayor|governor/i;

/**
 * 深圳市市长覃伟中 works at Shenzhen's government, not at Shenzhen: a government post after a
 * place (or its party committee) means the government of that place, when the article names it.
 */
function governmentOf(org: EntityMention, title: string, mentions: EntityMention[], text: string): EntityMention | undefined {
  if (!GOVERNMENT_POSTS.test(title)) return undefined;
  const place = text.slice(org.start, org.end).replace(/(?:市委|省委|区委|党委|委员会|委員会)$/, "");
  const stem = place.replace(/[市省区県현시도]$/, "");
  if (stem.length < 2) return undefined;
  return mentions.find((m) => {
    const name = text.slice(m.start, m.end);
    return m.kind === "Institution" && name.startsWith(stem) && /政府|시청|도청|government/i.test(name);
  });
}

const PARTIES: readonly EntityKind[] = ["Institution", "Lab", "Company", "Region"];
/** The verb, not the noun in 合作协议 / 合作发展 / 협력협약 (those state other facts, or none). */
const COOPERATE: Record<"zh" | "ja" | "ko", { verb: RegExp; withMarker: RegExp }> = {
  zh: {
    verb: /合作(?!协议|协定|备忘录|框架|发展|空间|典范|模式|项目|平台|基地|机制|关系|区|共赢)|协作|携手|联手/g,
    withMarker: /[与同跟]/g,
  },
  ja: { verb: /協力(?!協定|覚書)|提携|連携|協業/g, withMarker: /と/g },
  ko: { verb: /협력(?!협약|각서)|제휴|협업|손잡/g, withMarker: /(?<=\S)(?:와|과)(?:의)?(?=\s)/g },
};

/**
 * 科大与佛山市就产学研开展合作 / 山東と香港は…協力 / 경기도와 … 협력: who is before the "with" word
 * cooperates with every party between it and the verb. Without a "with" word, the parties listed
 * together before the verb (광둥, 홍콩, 마카오가 … 협력) cooperate with each other.
 */
function cooperation(view: string, lang: Lang, sentence: Span, mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  if (lang === "en") return cooperationEnglish(view, sentence, mentions, quote);
  const key = lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko");
  const { verb, withMarker } = COOPERATE[key];
  const out: FoundRelation[] = [];
  const parties = mentions.filter((m) => PARTIES.includes(m.kind));
  const slice = view.slice(sentence.start, sentence.end);
  const add = (from: EntityMention, to: EntityMention, at: Span, rule: string, confidence: number) => {
    if (joinable("COOPERATES_WITH", from, to))
      out.push({ type: "COOPERATES_WITH", from, to, quote: quote(from, at, to), rule, confidence });
  };
  for (const v of slice.matchAll(verb)) {
    const at = { start: sentence.start + (v.index ?? 0), end: sentence.start + (v.index ?? 0) + v[0].length };
    // Marker, partners and verb stand in one phrase (no comma between them).
    const phraseStart =
      sentence.start + Math.max(...[...slice.slice(0, v.index).matchAll(/[，,；;：:]/g)].map((m) => (m.index ?? 0) + 1), 0);
    const inPhrase = parties.filter((p) => p.start >= phraseStart && p.end <= at.start);
    const markers = [...view.slice(phraseStart, at.start).matchAll(withMarker)].map((m) => phraseStart + (m.index ?? 0));
    const marker = markers
      .reverse()
      .find((pos) => inPhrase.some((p) => p.start > pos) && !inPhrase.some((p) => p.start < pos && pos < p.end));
    if (marker !== undefined) {
      const subject = parties.filter((p) => p.end <= marker).sort((a, b) => b.end - a.end)[0];
      if (!subject) continue;
      for (const partner of inPhrase.filter((p) => p.start > marker)) add(subject, partner, at, `${key}.cooperate.with`, 0.6);
      continue;
    }
    // 香港科技大学は7日、深セン市福田区と…協力 / 경기도는 홍콩무역발전국과 협력: the partner stands right
    // before と/와, the subject (marked は/が/는/가) before it, across commas.
    if (key === "ja" || key === "ko") {
      const partner = inPhrase.filter((p) => PARTNER_MARK[key].test(view.slice(p.end, p.end + 3))).at(-1);
      const subject = partner && parties.filter((p) => p.end <= partner.start && TOPIC_MARK[key].test(view.slice(p.end, p.end + 3))).at(-1);
      if (partner && subject) {
        add(subject, partner, at, `${key}.cooperate.topic-with`, 0.55);
        continue;
      }
    }
    const listed = inPhrase.filter((p) => at.start - p.end <= REACH[lang]);
    for (let i = 0; i + 1 < listed.length; i++) {
      const [a, b] = [listed[i] as EntityMention, listed[i + 1] as EntityMention];
      // Listed together: HUAWEI 등 선전의 … is a company and where it is, not two partners.
      const gap = view.slice(a.end, b.start);
      if (LIST_JOINER.test(gap) || /^[-·]$/.test(gap)) add(a, b, at, `${key}.cooperate.listed`, 0.45);
    }
  }
  return out;
}

/**
 * Japanese and Korean put subject and object before the verb (대표단은 서울 강남구에 있는 센터를
 * 방문): the subject is the one marked as such (は/が, 은/는/이/가), not the nearest name back
 * (강남구에, a place). Undefined when nothing before the object is so marked.
 */
function subjectMarked(lang: Lang, trigger: Trigger, found: EntityMention[], actors: EntityMention[], at: Span, text: string) {
  if ((lang !== "ja" && lang !== "ko") || trigger.from.side !== "before" || trigger.to.side !== "before" || trigger.from.all)
    return undefined;
  const object = found[0];
  if (!object) return undefined;
  const before = actors.filter((m) => trigger.from.kinds.includes(m.kind) && m.end <= object.start && at.start - m.end <= 2 * REACH[lang]);
  // 선전시 대표단이 서울을 방문: a place's or body's delegation is the place or body visiting.
  const delegation = before.filter((m) => DELEGATION[lang].test(text.slice(m.end, m.end + 8))).at(-1);
  if (delegation) return [delegation];
  const marked = before.filter((m) => TOPIC_MARK[lang].test(text.slice(m.end, m.end + 3))).at(-1);
  if (marked) return [marked];
  // 대표단은 … 센터를 방문: the subject is a word that names no entity; no one found is it.
  const sentenceStart = Math.max(0, text.lastIndexOf(lang === "ja" ? "。" : ".", object.start) + 1);
  return UNNAMED_TOPIC[lang].test(text.slice(sentenceStart, object.start)) ? [] : undefined;
}

/** A delegation after a name: 선전시 대표단이 / 深セン市代表団は. */
const DELEGATION = {
  ja: /^(?:の)?(?:代表団|視察団|訪問団|一行)(?:は|が)/,
  ko: /^\s?(?:대표단|사절단|방문단|시찰단|일행)(?:은|는|이|가)\s/,
};
/** A topic word that is no name (대표단은, 一行は): the sentence is about someone the draft cannot name. */
const UNNAMED_TOPIC = {
  ja: /(?:^|[、\s])(?:代表団|視察団|訪問団|一行|同団)は/,
  ko: /(?:^|\s)(?:대표단|사절단|방문단|시찰단|일행|이들|참가자들|참여자들)(?:은|는|이|가)\s/,
};

/** The particle after a partner: 福田区と / 발전국과 (the with-word comes after the name in Japanese and Korean). */
const PARTNER_MARK = { ja: /^と(?!し|いう|の)/, ko: /^(?:와|과)\s/ };
/** The particle after a sentence's subject or topic: 大学は / 경기도는. */
const TOPIC_MARK = { ja: /^(?:は|が)/, ko: /^(?:은|는|이|가)\s/ };

/** "A will collaborate with B", "a partnership with B", "cooperation between A and B", "A and B will cooperate". */
const EN_COOPERATE = /\b(?:co-?operat\w*|collaborat\w*|partner(?:ship|ed|s)?|team(?:ed)? up)\b/gi;
/** What may stand between a list of parties and the verb they are the subject of: "will", "have agreed to", "closely". */
const EN_SUBJECT_GAP =
  /^\s*(?:(?:will|would|shall|to|have|has|had|agreed|are|is|was|were|be|been|further|closely|jointly|also|continue|deepen|strengthen|expand|enhance|plan|planning|their|its|in|a|an|the|strategic|close|long-term|deeper|further)\s+)*$/i;

/**
 * English puts the partner after the verb: "HKU will collaborate with Tencent", "a partnership with
 * CATL", "cooperation between HKUST and Guangzhou", "CityU and BYD will cooperate". The subject is
 * the party (or list of parties) right before the verb in its clause.
 */
function cooperationEnglish(text: string, sentence: Span, mentions: EntityMention[], quote: (...s: Span[]) => Span): FoundRelation[] {
  const out: FoundRelation[] = [];
  const parties = mentions.filter((m) => PARTIES.includes(m.kind) && !isPlaceOnly(text, m));
  const add = (from: EntityMention, to: EntityMention, at: Span, rule: string, confidence: number) => {
    if (joinable("COOPERATES_WITH", from, to))
      out.push({ type: "COOPERATES_WITH", from, to, quote: quote(from, at, to), rule, confidence });
  };
  const slice = text.slice(sentence.start, sentence.end);
  for (const v of slice.matchAll(EN_COOPERATE)) {
    const at = { start: sentence.start + (v.index ?? 0), end: sentence.start + (v.index ?? 0) + v[0].length };
    const after = text.slice(at.end, sentence.end);
    const between = /^\s+(?:(?:closely|further|actively|jointly)\s+)?between\s+/i.exec(after);
    if (between) {
      const pair = listAfter(parties, at.end + between[0].length, text).slice(0, 2);
      if (pair.length === 2) add(pair[0] as EntityMention, pair[1] as EntityMention, at, "en.cooperate.between", 0.6);
      continue;
    }
    const subjects = listBefore(parties, at.start, text);
    const withWord = /^\s+(?:(?:closely|further|actively|jointly|more)\s+)?(?:with|alongside)\s+/i.exec(after);
    const partners = withWord ? listAfter(parties, at.end + withWord[0].length, text) : [];
    if (subjects.length && partners.length) {
      for (const from of subjects) for (const to of partners) add(from, to, at, "en.cooperate.with", 0.6);
    } else if (!withWord && subjects.length >= 2) {
      for (let i = 0; i + 1 < subjects.length; i++)
        add(subjects[i] as EntityMention, subjects[i + 1] as EntityMention, at, "en.cooperate.listed", 0.45);
    }
  }
  return out;
}

/** The parties listed right before `at` ("HKUST and CATL will …"), nearest last; none if other words stand between. */
function listBefore(parties: EntityMention[], at: number, text: string): EntityMention[] {
  const before = parties.filter((p) => p.end <= at).sort((a, b) => b.end - a.end);
  const first = before[0];
  if (!first || !EN_SUBJECT_GAP.test(text.slice(first.end, at).replace(/\([^)]*\)/g, ""))) return [];
  return withListed(first, before, text, false).reverse();
}

/** The party starting right at `at` and the ones listed with it ("with HKU, CUHK and PolyU"). */
function listAfter(parties: EntityMention[], at: number, text: string): EntityMention[] {
  const after = parties.filter((p) => p.start >= at).sort((a, b) => a.start - b.start);
  const first = after[0];
  if (!first || !/^\s*(?:the\s+)?$/i.test(text.slice(at, first.start))) return [];
  return withListed(first, after, text, false);
}

/** "in Shenzhen": a place where something happens, not a party. */
function isPlaceOnly(text: string, m: EntityMention): boolean {
  return m.kind === "Region" && /\b(?:in|at|from|to|across|within)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.start - 12), m.start));
}

const ANNOUNCE: Record<"zh" | "ja" | "ko" | "en", { act: RegExp; atEvent: RegExp }> = {
  zh: {
    act: /签署|签订|签约|揭牌|成立|启动|发布|亮相|落地/,
    atEvent: /现场|会上|会议上|期间|活动中|活动上|大会上|仪式上|论坛上|当天|会议中/,
  },
  ja: { act: /締結|調印|署名|除幕|設立|発足|発表|始動/, atEvent: /会議中|イベント中|期間中|会場で|席上|当日/ },
  ko: { act: /체결|서명|현판|출범|개소|발표|설립/, atEvent: /행사에서|자리에서|현장에서|회의에서|포럼에서|기간/ },
  en: {
    act: /\b(?:signed|unveiled|launched|inaugurated|established|announced)\b/i,
    atEvent: /\b(?:at the (?:event|forum|conference|ceremony|meeting|expo)|during the)\b/i,
  },
};

/**
 * 会议现场为"大公坊鲁港技术转移中心"揭牌 / 会議中、…覚書を締結: an agreement signed, or a lab or centre
 * launched, at the article's event (the sentence names the event, or says "at the event").
 */
function announcedAt(
  view: string,
  lang: Lang,
  sentence: Span,
  mentions: EntityMention[],
  focal: EntityMention,
  quote: (...s: Span[]) => Span,
): FoundRelation[] {
  const key = lang.startsWith("zh") ? "zh" : (lang as "ja" | "ko" | "en");
  const words = view.slice(sentence.start, sentence.end);
  const { act, atEvent } = ANNOUNCE[key];
  if (!act.test(words)) return [];
  const namesEvent = mentions.some((m) => entityKey(m) === entityKey(focal));
  // 香港浸会大学与山东师范大学线上签订《…》: in a report on one event, an agreement signed is signed at it.
  const inReport = !namesEvent && !atEvent.test(words);
  return mentions
    .filter((m) => m.kind === "Agreement" || (!inReport && (m.kind === "Lab" || m.kind === "Technology") && !m.knownId))
    .filter((m) => joinable("ANNOUNCED_AT", m, focal))
    .map((m) => ({
      type: "ANNOUNCED_AT",
      from: m,
      to: focal,
      quote: quote(m),
      rule: inReport ? `${key}.announced-at-article-event` : `${key}.announced-at-event`,
      confidence: inReport ? 0.4 : namesEvent ? 0.55 : 0.45,
    }));
}

/** 이종호 과학기술정보통신부 장관 / 김신철 홍콩과기대 연구개발 부총장: name, organisation, then the post. */
/** Posts written onto a place's name in one word: 경기도지사, 서울시장, 강남구청장. */
const PLACE_POSTS = /^(?:도지사|지사|시장|구청장|청장|군수|성장|주석|서기|부시장|부지사)(?:은|는|이|가|을|를|의|과|와|도)?$/u;

/** 김동연 경기도지사: the person heads the place named in the post (its government where the draft names one). */
function headOfPlace(text: string, person: EntityMention, mentions: EntityMention[], clauses: Span[]): FoundRelation[] {
  const place = mentions.find((m) => m.kind === "Region" && m.start > person.end && m.start - person.end <= 2);
  if (!place) return [];
  const rest = /^\S*/u.exec(text.slice(place.end))?.[0] ?? "";
  if (!PLACE_POSTS.test(rest)) return [];
  const title = rest.replace(/(?:은|는|이|가|을|를|의|과|와|도)$/u, "");
  const employer = governmentOf(place, "시장", mentions, text) ?? place;
  const end = place.end + title.length;
  return [
    {
      type: "WORKS_AT",
      from: person,
      to: employer,
      quote: quoteSpan(clauses, [person, { start: place.start, end }]),
      rule: "ko.works-at.head-of-place",
      confidence: 0.6,
      props: { title: `${place.surface}${title}` },
    },
  ];
}

function worksAtKorean(text: string, mentions: EntityMention[], clauses: Span[]): FoundRelation[] {
  const out: FoundRelation[] = [];
  for (const person of mentions.filter((m) => m.kind === "Person")) {
    // 낸시 입(Nancy Ip) 홍콩과기대 총장: the name's Latin spelling may stand between.
    const spelled = /^\s?\([A-Za-z .'-]{2,40}\)/.exec(text.slice(person.end))?.[0].length ?? 0;
    const org = mentions.find(
      (m) => m.start >= person.end && m.start - person.end - spelled <= 2 && ["Institution", "Lab", "Company"].includes(m.kind),
    );
    if (!org) {
      out.push(...headOfPlace(text, person, mentions, clauses));
      continue;
    }
    // The post is one of the next three words, before its particle (부총장은).
    const next = text
      .slice(org.end, org.end + 24)
      .split(/\s+/)
      .slice(0, 4);
    const at = next.findIndex((w) => isKoreanPost(w.replace(/(?:은|는|이|가|을|를|의|과|와|도)$/, "")));
    if (at < 0 || next.slice(0, at).some((w) => /[,.]$/.test(w))) continue;
    const title = (next[at] as string).replace(/(?:은|는|이|가|을|를|의|과|와|도)$/, "");
    const postEnd = org.end + text.slice(org.end).indexOf(title) + title.length;
    out.push({
      type: "WORKS_AT",
      from: person,
      to: org,
      quote: quoteSpan(clauses, [person, { start: org.start, end: postEnd }]),
      rule: "ko.works-at.name-org-title",
      confidence: 0.7,
      props: { title },
    });
  }
  return out;
}

const EMPLOYERS: readonly EntityKind[] = ["Institution", "Lab", "Company"];
/** A post: its head word, after at most three qualifying words ("Financial Secretary", "Deputy Executive Director-general"). */
const POST_WORD = new RegExp(
  String.raw`^(?:(?:${EN_POST_MODIFIERS.join("|")}|[A-Z][\w-]*)[\s-]+){0,3}(?:${EN_POST_HEADS.join("|")})\b`,
  "i",
);
/** Where a post given after a name ends: the sentence's end, a semicolon, or the next person named. */
const APPOSITIVE_END = /[;.]\s|[;.]$|,\s+(?:and\s+)?(?:Mr|Ms|Mrs|Dr|Prof|Professor)\b|\s+and\s+(?:Mr|Ms|Mrs|Dr|Prof|Professor)\b/;

/**
 * A post given after a name (English appositive): "Mr Zhang Lin, Deputy Director of the Science,
 * Technology and Innovation Commission" works at the organisation the post names; "Professor
 * Alexander Wai, President and Vice-Chancellor", naming none, at the organisation the article is
 * about (the one named most), when this sentence names it too.
 */
function worksAtEnglish(text: string, mentions: EntityMention[], clauses: Span[], principal?: Principal): FoundRelation[] {
  const out: FoundRelation[] = [];
  for (const person of mentions.filter((m) => m.kind === "Person")) {
    const rest = text.slice(person.end, clauses.at(-1)?.end ?? text.length);
    const lead = /^,\s+(?:the\s+)?/.exec(rest);
    if (!lead || !POST_WORD.test(rest.slice(lead[0].length))) continue;
    const stop = APPOSITIVE_END.exec(rest.slice(lead[0].length));
    const appositive: Span = {
      start: person.end + lead[0].length,
      end: person.end + lead[0].length + (stop?.index ?? rest.length - lead[0].length),
    };
    const inside = mentions.filter((m) => m.start >= appositive.start && m.end <= appositive.end);
    if (inside.some((m) => m.kind === "Person")) continue;
    const org = inside.find((m) => EMPLOYERS.includes(m.kind));
    const post = text
      .slice(appositive.start, org ? org.start : appositive.end)
      .replace(/\s+(?:of|at|in)(?:\s+the)?\s*$/, "")
      .trim();
    if (org) {
      out.push(employment(person, org, post, quoteSpan(clauses, [person, org]), "en.works-at.appositive", 0.7));
      continue;
    }
    // "Mr Gong Zheng, Mayor of Shanghai": the city's government where the graph knows it, else the city.
    const region = inside.find((m) => m.kind === "Region");
    if (region) {
      const employer = governmentOf(region, post, mentions, text) ?? region;
      if (joinable("WORKS_AT", person, employer))
        out.push(employment(person, employer, post, quoteSpan(clauses, [person, region]), "en.works-at.appositive-region", 0.5));
      continue;
    }
    // No organisation in the post: the article's own, if it is named in this sentence.
    const here = principal?.at.some((at) => Math.abs(at - person.start) <= PRINCIPAL_NEAR);
    if (principal && here && !/\b(?:and|or)\s+other\b/.test(post) && !PUBLIC_OFFICE.test(post))
      out.push(employment(person, principal.m, post, quoteSpan(clauses, [person, appositive]), "en.works-at.post-of-principal", 0.45));
  }
  return out;
}

function employment(
  person: EntityMention,
  org: EntityMention,
  title: string,
  quote: Span,
  rule: string,
  confidence: number,
): FoundRelation {
  return { type: "WORKS_AT", from: person, to: org, quote, rule, confidence, ...(title ? { props: { title } } : {}) };
}

/** Posts in government, not in a university or company: "Financial Secretary" is no post at the article's university. */
const PUBLIC_OFFICE =
  /\b(?:Secretary|Minister|Mayor|Governor|Commissioner|Consul|Ambassador|Legislat\w*|Council+or|Chief Executive|Party|Deputy to)\b/i;

/** The organisation named most often in the article (a press release's own university, say), if one stands out. */
function principalOrganisation(mentions: EntityMention[]): Principal | undefined {
  const counts = new Map<string, Principal>();
  for (const m of mentions.filter((x) => EMPLOYERS.includes(x.kind))) {
    const c = counts.get(entityKey(m)) ?? { m, at: [] };
    c.at.push(m.start);
    counts.set(entityKey(m), c);
  }
  const [first, second] = [...counts.values()].sort((a, b) => b.at.length - a.at.length);
  return first && first.at.length >= 2 && first.at.length > (second?.at.length ?? 0) ? first : undefined;
}

/** The article's own organisation and where it is named. */
interface Principal {
  m: EntityMention;
  at: number[];
}
/** How near (characters) a post without an organisation must stand to the article's own organisation. */
const PRINCIPAL_NEAR = 300;

/** From the start of the clause holding the first span to the end of the clause holding the last. */
function quoteSpan(clauses: Span[], spans: Span[]): Span {
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  const first = clauses.find((c) => c.start <= start && start < c.end);
  const last = clauses.find((c) => c.start < end && end <= c.end);
  return { start: Math.min(first?.start ?? start, start), end: Math.max(last?.end ?? end, end) };
}

/** One relation per (from, type, to): the most confident statement of it. */
function dedupe(rels: FoundRelation[]): FoundRelation[] {
  const best = new Map<string, FoundRelation>();
  for (const r of rels) {
    const key = `${entityKey(r.from)}|${r.type}|${entityKey(r.to)}`;
    const had = best.get(key);
    if (
      !had ||
      r.confidence > had.confidence ||
      (r.confidence === had.confidence && r.quote.end - r.quote.start < had.quote.end - had.quote.start)
    )
      best.set(key, r);
  }
  return [...best.values()];
}
