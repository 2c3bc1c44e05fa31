import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Annotation, Catalogue } from "../../src/model/annotation.js";
import type { EntityDefinition, EntityKind } from "../../src/model/entity.js";
import type { RelationType } from "../../src/model/relation.js";
import { entityNames, type Names } from "./names.js";
import { Random } from "./random.js";

/**
 * A synthetic regional innovation network in the project's own article data format (catalogue,
 * annotations, article texts), so the benchmark exercises the real import path. Deterministic
 * from `seed`: a region hierarchy, heavy-tailed degrees (a few hubs, many small actors), names in
 * five scripts, a quote for every relation, and innovation chains (spin-off, line, customer).
 */
export interface CorpusOptions {
  relations: number;
  seed: number;
  dir: string;
  relationsPerArticle?: number;
}

const SHARES: Array<[EntityKind, number]> = [
  ["Institution", 0.08],
  ["Lab", 0.08],
  ["Company", 0.34],
  ["Person", 0.3],
  ["ProductionLine", 0.06],
  ["Technology", 0.08],
  ["Event", 0.04],
  ["Agreement", 0.02],
];

type Template = { from: EntityKind[]; type: RelationType; to: EntityKind[]; weight: number; verb: Names };
const v = (en: string, hans: string, hant: string, ko: string, ja: string): Names => ({ en, "zh-Hans": hans, "zh-Hant": hant, ko, ja });
const TEMPLATES: Template[] = [
  {
    from: ["Person"],
    type: "WORKS_AT",
    to: ["Institution", "Company", "Lab"],
    weight: 15,
    verb: v("works at", "任职于", "任職於", "근무", "勤務"),
  },
  {
    from: ["Company", "Institution", "Event"],
    type: "LOCATED_IN",
    to: ["Region"],
    weight: 12,
    verb: v("is in", "位于", "位於", "위치", "所在"),
  },
  { from: ["Lab"], type: "PART_OF", to: ["Institution"], weight: 3, verb: v("belongs to", "隶属", "隸屬", "소속", "所属") },
  {
    from: ["Institution", "Lab"],
    type: "SPUN_OFF",
    to: ["Company"],
    weight: 5,
    verb: v("spun off", "孵化出", "孵化出", "분사", "スピンオフ"),
  },
  { from: ["Company"], type: "OPERATES", to: ["ProductionLine"], weight: 5, verb: v("runs", "运营", "運營", "운영", "運営") },
  { from: ["ProductionLine"], type: "SUPPLIES", to: ["Company"], weight: 5, verb: v("supplies", "供货给", "供貨給", "공급", "供給") },
  { from: ["Company", "Lab"], type: "DEVELOPS", to: ["Technology"], weight: 8, verb: v("develops", "研发", "研發", "개발", "開発") },
  {
    from: ["Institution", "Company"],
    type: "COOPERATES_WITH",
    to: ["Institution", "Company"],
    weight: 10,
    verb: v("cooperates with", "合作", "合作", "협력", "協力"),
  },
  { from: ["Company", "Institution"], type: "PARTY_TO", to: ["Agreement"], weight: 6, verb: v("signed", "签署", "簽署", "체결", "締結") },
  { from: ["Institution"], type: "ORGANIZED", to: ["Event"], weight: 4, verb: v("organised", "主办", "主辦", "주최", "主催") },
  {
    from: ["Company", "Person", "Institution"],
    type: "PARTICIPATED_IN",
    to: ["Event"],
    weight: 15,
    verb: v("took part in", "参加", "參加", "참가", "参加"),
  },
  { from: ["Company"], type: "EXHIBITED_AT", to: ["Event"], weight: 4, verb: v("exhibited at", "参展", "參展", "전시", "出展") },
  { from: ["Company"], type: "INVESTED_IN", to: ["Company"], weight: 3, verb: v("invested in", "投资", "投資", "투자", "投資") },
];
const LANGS = ["ko", "zh-Hant", "zh-Hans", "ja"] as const;
const LEVELS = [
  ["country", 4],
  ["province", 8],
  ["city", 6],
  ["district", 3],
  ["zone", 1],
] as const;

interface Entity {
  def: EntityDefinition;
  names: Names;
}

export async function generateCorpus(o: CorpusOptions): Promise<{ entities: number; relations: number; articles: number }> {
  const rng = new Random(o.seed);
  const perArticle = o.relationsPerArticle ?? 50;
  await rm(o.dir, { recursive: true, force: true });
  await mkdir(path.join(o.dir, "articles"), { recursive: true });
  await mkdir(path.join(o.dir, "annotations"), { recursive: true });

  const catalogue: Catalogue = { entities: [], relations: [] };
  const byKind = new Map<EntityKind, Entity[]>();
  const add = (e: Entity) => {
    catalogue.entities.push(e.def);
    const pool = byKind.get(e.def.kind) ?? [];
    pool.push(e);
    byKind.set(e.def.kind, pool);
  };
  const fullNames = (n: Names) => ({ "zh-Hans": n["zh-Hans"], "zh-Hant": n["zh-Hant"], ko: n.ko, ja: n.ja });

  // Regions: a fixed hierarchy, every level PART_OF the one above (gazetteer facts).
  let serial = 0;
  let parents: Entity[] = [];
  for (const [level, fanout] of LEVELS) {
    const next: Entity[] = [];
    for (const parent of parents.length ? parents : [undefined]) {
      for (let i = 0; i < fanout; i++) {
        const names = entityNames(rng, "Region", serial++);
        const e: Entity = { def: { id: `r-${serial}`, kind: "Region", level, name: names.en, names: fullNames(names) }, names };
        add(e);
        next.push(e);
        if (parent) catalogue.relations.push({ type: "PART_OF", from: e.def.id, to: parent.def.id });
      }
    }
    parents = next;
  }

  const others = Math.ceil(o.relations / 4);
  for (const [kind, share] of SHARES) {
    for (let i = 0; i < Math.ceil(others * share); i++) {
      const names = entityNames(rng, kind, serial++);
      const id = `${kind.toLowerCase()}-${serial}`;
      const common = { id, name: names.en, names: fullNames(names) };
      const def = definition(kind, common, rng);
      add({ def, names });
    }
  }

  const weights = TEMPLATES.reduce((s, t) => s + t.weight, 0);
  const chooseTemplate = () => {
    let x = rng.next() * weights;
    for (const t of TEMPLATES) {
      x -= t.weight;
      if (x < 0) return t;
    }
    return TEMPLATES[0] as Template;
  };
  const chooseEntity = (kinds: EntityKind[]) => {
    const pool = byKind.get(rng.pick(kinds)) ?? [];
    return pool[rng.skewed(pool.length)] as Entity;
  };

  let written = 0;
  let article = 0;
  while (written < o.relations) {
    const lang = LANGS[article % LANGS.length] as (typeof LANGS)[number];
    const id = `article-${String(article).padStart(6, "0")}`;
    const file = `${String(article).padStart(6, "0")}_synthetic.txt`;
    const mentioned = new Map<string, Entity>();
    const sentences: string[] = [];
    const annotation: Annotation = {
      article: { id, file, title: null, titleEn: `Synthetic article ${article}`, source: null, publishedAt: "2024-01", language: lang },
      entities: [],
      relations: [],
      measures: [],
    };
    for (let i = 0; i < perArticle && written < o.relations; i++) {
      const t = chooseTemplate();
      const a = chooseEntity(t.from);
      const b = chooseEntity(t.to);
      if (a === b) continue;
      const sentence = `${a.names[lang]} ${t.verb[lang]} ${b.names[lang]} (${article}.${i}).`;
      sentences.push(sentence);
      mentioned.set(a.def.id, a);
      mentioned.set(b.def.id, b);
      annotation.relations.push({
        type: t.type,
        from: a.def.id,
        to: b.def.id,
        quote: sentence,
        props: relationProps(t.type, `${a.def.id}|${b.def.id}`),
      });
      written++;
    }
    annotation.entities = [...mentioned.values()].map((e) => ({ ref: e.def.id, seen: [e.names[lang]] }));
    const firstEvent = [...mentioned.values()].find((e) => e.def.kind === "Event");
    if (firstEvent) {
      const quote = `${firstEvent.names[lang]}: ${100 + rng.int(900)} participants.`;
      sentences.push(quote);
      annotation.measures.push({
        entity: firstEvent.def.id,
        metric: "participants",
        value: Number(quote.split(": ")[1]?.split(" ")[0]),
        unit: "people",
        quote,
      });
    }
    await writeFile(path.join(o.dir, "articles", file), sentences.join("\n"));
    await writeFile(path.join(o.dir, "annotations", file.replace(/\.txt$/, ".json")), JSON.stringify(annotation));
    article++;
  }
  await writeFile(path.join(o.dir, "catalogue.json"), JSON.stringify(catalogue));
  return { entities: catalogue.entities.length, relations: written + catalogue.relations.length, articles: article };
}

function definition(kind: EntityKind, common: { id: string; name: string; names: Record<string, string> }, rng: Random): EntityDefinition {
  switch (kind) {
    case "Institution":
      return { ...common, kind, type: rng.pick(["university", "research-institute", "government", "association"] as const) };
    case "Lab":
      return { ...common, kind, type: rng.pick(["lab", "joint-lab", "innovation-centre", "pilot-platform"] as const) };
    case "ProductionLine":
      return { ...common, kind, stage: rng.pick(["pilot", "mass"] as const), capacity: { value: 100 * (1 + rng.int(50)), unit: "t/year" } };
    case "Technology":
      return { ...common, kind, type: rng.pick(["technology", "product", "material"] as const) };
    case "Event":
      return {
        ...common,
        kind,
        type: rng.pick(["conference", "forum", "expo", "matchmaking"] as const),
        startDate: `2024-0${1 + rng.int(9)}-1${rng.int(9)}`,
      };
    case "Agreement":
      return { ...common, kind, type: rng.pick(["mou", "cooperation-agreement"] as const) };
    default:
      return { ...common, kind } as EntityDefinition;
  }
}

/**
 * Properties fixed by the pair, not drawn anew: hubs make the same (from, type, to) recur across
 * articles, and the importer rightly refuses two articles that disagree about a fact.
 */
function relationProps(type: RelationType, pair: string) {
  const h = [...pair].reduce((acc, c) => (Math.imul(acc, 31) + c.charCodeAt(0)) >>> 0, 7);
  if (type === "WORKS_AT") return { role: ["director", "professor", "CEO", "engineer"][h % 4] as string };
  if (type === "SUPPLIES") return { kind: ["sample", "order", "contract"][h % 3] as string };
  if (type === "INVESTED_IN") return { amount: { value: 1e6 * (1 + (h % 500)), unit: "CNY" } };
  return undefined;
}
