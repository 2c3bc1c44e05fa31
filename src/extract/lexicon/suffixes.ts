import type { EntityKind } from "../../model/entity.js";
import { spunVariants } from "../gazetteer/garbled.js";

/**
 * Name endings that type an entity: a noun run ending in one of these names an organisation, an
 * event, an agreement or a production line. Longest ending wins (listed longest first per kind
 * is not needed: the matcher sorts them). `type` is the model's Institution/Lab/Event/... type.
 */
export interface Suffix {
  text: string;
  kind: EntityKind;
  type?: string;
  /** So common as a plain noun (高端创新平台, 新式储能科技公司) that the name must hold a specific word too. */
  generic?: boolean;
}

const s = (kind: EntityKind, type: string | undefined, ...texts: string[]): Suffix[] => texts.map((text) => ({ text, kind, type }));
const generic = (list: Suffix[]): Suffix[] => list.map((x) => ({ ...x, generic: true }));

/** Simplified Chinese (Traditional and Japanese text is matched after conversion to Simplified). */
export const ZH_SUFFIXES: Suffix[] = [
  ...s("Institution", "university", "大学", "学院", "大学(深圳)", "大学（深圳）", "理工大学", "科技大学"),
  ...s("Institution", "research-institute", "科学院", "工程院", "设计院"),
  // Curators type a research institute or institute as a Lab of that type (天目湖先进储能技术研究院).
  ...s("Lab", "research-institute", "研究所", "研究院", "研究中心有限公司"),
  ...s("Institution", "association", "协会", "学会", "商会", "联合会", "促进会", "联盟", "基金会", "总会"),
  ...s(
    "Institution",
    "government",
    "政府",
    "人民政府",
    "委员会",
    "管委会",
    "管理委员会",
    // Hong Kong and Shenzhen agencies (署): only these, as 署 alone ends verbs (签署, 部署).
    "发展署",
    "管理署",
    "事务署",
    "规划署",
    "贸易署",
    "卫生署",
    "教育署",
    "创新科技署",
    "科技局",
    // Bureaus whose name jieba reads as one word (教育局): a one-character ending inside a word is not taken.
    "教育局",
    "财政局",
    "商务局",
    "统计局",
    "工信局",
    "人社局",
    "外事办",
    "发改委",
    "市委",
    "省委",
    "区委",
    "县委",
    "局",
    "厅",
    "科技厅",
    "部",
    "署",
    "办公室",
    "办公厅",
    "联络处",
    "办事处",
    "工作委员会",
    "党委",
    "市委",
    "省委",
  ),
  ...s("Institution", "statutory-body", "发展局", "生产力促进局", "贸易发展局", "科技园公司", "管理局"),
  ...s("Institution", "tech-transfer-centre", "技术转移中心", "转移中心", "成果转化中心"),
  ...s("Lab", "lab", "实验室", "重点实验室"),
  ...s("Lab", "joint-lab", "联合实验室", "联合研究中心"),
  ...s("Lab", "research-centre", "研究中心", "工程中心", "技术中心", "研发中心", "工程技术研究中心"),
  ...s("Lab", "innovation-centre", "创新中心", "创新研究院", "创新院"),
  ...s("Lab", "pilot-platform", "中试平台", "中试基地"),
  ...generic(s("Lab", "pilot-platform", "平台", "基地")),
  ...s("Lab", "incubator", "孵化器", "孵化基地", "众创空间", "加速器"),
  ...s("Company", undefined, "有限公司", "股份有限公司", "有限责任公司", "银行"),
  ...generic(s("Company", undefined, "公司", "集团", "科技公司", "控股", "集团公司")),
  // Trade words that end short company names (金诚石化, 鲁维制药); the name must hold a specific word too.
  ...generic(
    s("Company", undefined, "石化", "制药", "药业", "电气", "电器", "化工", "钢铁", "传媒", "物流", "证券", "电子", "新能源", "半导体"),
  ),
  ...s("Event", "conference", "大会", "会议", "年会", "峰会", "研讨会", "论坛", "座谈会", "发布会", "启动会", "报告会", "学术会议"),
  ...s("Event", "exchange", "科技周", "活动周", "交流活动", "考察活动"),
  ...s("Event", "forum", "论坛"),
  ...s("Event", "expo", "博览会", "展览会", "交易会", "展会", "科创展", "电子展", "创科展"),
  ...s("Event", "matchmaking", "对接会", "洽谈会", "推介会", "交流会", "签约会", "路演", "招商会", "说明会"),
  ...s("Institution", "other", "医院", "中学", "学校", "图书馆", "博物馆", "科学馆"),
  ...s("Event", "competition", "大赛", "竞赛", "挑战赛"),
  ...s("Event", "ceremony", "仪式", "开幕式", "揭牌仪式", "签约仪式"),
  ...s("Agreement", "cooperation-agreement", "合作协议", "协议", "协定", "合作协定"),
  ...s("Agreement", "framework-agreement", "框架协议", "战略合作框架协议", "合作框架协议"),
  ...s("Agreement", "mou", "备忘录", "合作备忘录", "谅解备忘录"),
  ...s("Agreement", "contract", "合同"),
  ...s("ProductionLine", "pilot", "中试线", "试验线"),
  ...s("ProductionLine", "mass", "生产线", "产线"),
  ...s("Technology", "material", "材料", "电解质", "正极材料", "负极材料"),
  ...s("Technology", "product", "电池", "芯片", "电缆", "机器人", "传感器", "疫苗", "装备", "储能系统"),
  ...s(
    "Region",
    "zone",
    "高新区",
    "开发区",
    "新区",
    "产业园",
    "科技园",
    "科学城",
    "示范区",
    "合作区",
    "自贸区",
    "产业园区",
    "口岸",
    "科学园",
  ),
  // Venues: where events are held (curators file hotels and convention centres as venue regions).
  ...s("Region", "venue", "宾馆", "酒店", "饭店", "会议中心", "会展中心", "展览中心", "国际会议中心", "会议展览中心", "体育馆", "大礼堂"),
];

/** Spun forms of the Chinese endings (研讨院 for 研究院), so a reworded article's names are still typed. */
export const ZH_SPUN_SUFFIXES: Suffix[] = ZH_SUFFIXES.flatMap((x) => spunVariants(x.text).map((text) => ({ ...x, text })));

/** Japanese endings (katakana and kana-specific forms; Kanji endings come from ZH_SUFFIXES after conversion). */
export const JA_SUFFIXES: Suffix[] = [
  ...s("Institution", "university", "大学"),
  ...s("Institution", "research-institute", "研究機構"),
  ...s("Institution", "other", "機構"),
  ...s("Lab", "research-institute", "研究所", "研究院"),
  ...s("Institution", "association", "協会", "学会", "連合会", "振興会"),
  ...s("Institution", "government", "政府", "委員会", "省", "庁", "局", "厅", "事務所"),
  ...s("Lab", "lab", "研究室", "ラボ"),
  ...s("Lab", "research-centre", "センター", "研究センター"),
  ...s("Company", undefined, "株式会社", "有限会社", "グループ", "ホールディングス", "公司", "集団"),
  ...s("Event", "conference", "会議", "大会", "フォーラム", "サミット", "シンポジウム", "ウィーク", "週間"),
  ...s("Event", "matchmaking", "交流会", "商談会", "説明会", "ロードショー", "セミナー", "ワークショップ"),
  ...s("Event", "expo", "博覧会", "展示会", "見本市", "エキスポ"),
  ...s("Agreement", "mou", "覚書"),
  ...s(
    "Region",
    "zone",
    "パーク区",
    "ゾーン",
    "協力区",
    "開発区",
    "新区",
    "特区",
    "口岸",
    "モデル区",
    "サイエンスパーク",
    "テクノロジーパーク",
    "工業団地",
    "パーク",
  ),
  ...s("Region", "venue", "ホテル", "会議場", "展示場", "コンベンションセンター"),
  ...s("Agreement", "cooperation-agreement", "協定", "協定書", "契約"),
];

/** Korean endings: the last word of a name (or its end). */
export const KO_SUFFIXES: Suffix[] = [
  ...s("Institution", "university", "대학교", "대학", "대학원", "공대", "공과대학"),
  ...s("Institution", "research-institute", "과학원"),
  ...s("Lab", "research-institute", "연구소", "연구원"),
  ...s("Institution", "association", "협회", "학회", "연합회", "상공회의소"),
  ...s("Institution", "government", "외무실", "대표처", "사무소", "당국"),
  ...s("Institution", "association", "재단"),
  ...s("Institution", "government", "정부", "시정부", "인민정부", "위원회", "과학기술국", "외사판공실", "판공실", "과학기술청"),
  // Ministries: 과학기술정보통신부, 산업통상자원부, 교육부 (a bare 부 ends too many words: 일부, 내부).
  ...s(
    "Institution",
    "government",
    "통신부",
    "자원부",
    "교육부",
    "외교부",
    "상무부",
    "재정부",
    "환경부",
    "복지부",
    "법무부",
    "노동부",
    "안전부",
    "과학기술부",
    "기획재정부",
    "중소벤처기업부",
    "외사판공실",
  ),
  ...s("Institution", "statutory-body", "무역발전국", "생산력촉진국", "과학기술공사"),
  ...s("Institution", "tech-transfer-centre", "기술이전센터"),
  ...s("Lab", "lab", "실험실", "연구실"),
  ...s("Lab", "joint-lab", "공동실험실", "공동연구소"),
  ...s("Lab", "research-centre", "연구센터", "센터"),
  ...s("Lab", "incubator", "인큐베이터"),
  ...s("Company", undefined, "유한회사", "주식회사", "회사", "그룹", "과학기술유한회사", "테크놀로지"),
  ...s("Event", "conference", "회의", "대회", "포럼", "콘퍼런스", "컨퍼런스", "연결회", "세미나", "심포지엄", "워크숍", "토론회", "서밋"),
  ...s("Event", "expo", "박람회", "전시회", "엑스포"),
  ...s("Event", "matchmaking", "교류회", "설명회", "상담회", "매칭회", "로드쇼", "교류활동", "고찰활동"),
  ...s("Event", "competition", "경진대회", "창업대회"),
  ...s("Agreement", "mou", "양해각서", "MOU"),
  ...s("Agreement", "cooperation-agreement", "협약", "협정", "협약서", "계약"),
  ...s("Region", "zone", "단지", "특구", "시범구", "시범지구", "커뮤니티", "합작구", "협력구"),
  ...s("Region", "venue", "호텔", "컨벤션센터", "전시장"),
];

/** English: the head word of a capitalised span. */
export const EN_SUFFIXES: Suffix[] = [
  ...s("Institution", "university", "University", "College", "Polytechnic"),
  ...s("Institution", "research-institute", "Institute", "Academy"),
  ...s("Institution", "association", "Association", "Society", "Federation", "Council", "Chamber", "Foundation"),
  ...s("Institution", "government", "Government", "Bureau", "Department", "Commission", "Ministry", "Office", "Authority"),
  ...s(
    "Institution",
    "government",
    "Municipal Committee",
    "Provincial Committee",
    "Party Committee",
    "Standing Committee",
    "Working Committee",
  ),
  ...s("Lab", "lab", "Laboratory", "Lab", "Laboratories"),
  ...s("Lab", "research-centre", "Centre", "Center"),
  ...s("Lab", "innovation-centre", "Innovation Centre", "Innovation Center", "Hub"),
  ...s("Lab", "incubator", "Incubator"),
  ...s(
    "Company",
    undefined,
    "Ltd",
    "Ltd.",
    "Limited",
    "Inc",
    "Inc.",
    "Co.",
    "Corp",
    "Corporation",
    "Group",
    "Holdings",
    "Technologies",
    "Technology Co.",
  ),
  ...s("Event", "conference", "Conference", "Summit", "Congress", "Symposium"),
  ...s("Event", "forum", "Forum"),
  ...s("Event", "expo", "Expo", "Fair", "Exhibition", "Show"),
  ...s("Agreement", "mou", "Memorandum of Understanding", "MoU", "MOU"),
  ...s("Agreement", "cooperation-agreement", "Agreement"),
  ...s("Region", "zone", "Park", "Zone", "Science Park"),
];
