import type { AxisNode, Block, BlocksTable, MatrixTable, TableDef } from "./types";

const leaves = (prefix: string, labels: readonly string[]): AxisNode[] =>
  labels.map((label, i) => ({ id: `${prefix}_${i + 1}`, label: `${i + 1}.${label}` }));

// ── 表二 ────────────────────────────────────────────────────────────────────

const T2_TITLE = "二、主动公开政府信息情况";
const ITEM_HEADER = "信息内容";
const art20 = (n: string): string => `第二十条第（${n}）项`;

const decisions2021 = { id: "decisions", label: "本年处理决定数量", kind: "count" } as const;
const projects2019 = [
  { id: "prev", label: "上一年项目数量", kind: "count" },
  { id: "change", label: "本年增/减", kind: "signedCount" },
] as const;
const decisions2019 = { id: "decisions", label: "处理决定数量", kind: "count" } as const;
const penaltyItems = [
  { id: "penalty", label: "行政处罚" },
  { id: "coercion", label: "行政强制" },
];
const licensing = { id: "licensing", label: "行政许可" };
const fees = { id: "fees", label: "行政事业性收费" };
const rules = { id: "rules", label: "规章" };

const t2_2021: BlocksTable = {
  layout: "blocks",
  id: "t2",
  title: T2_TITLE,
  width: 4,
  blocks: [
    {
      id: "art20_1",
      caption: art20("一"),
      itemHeader: ITEM_HEADER,
      columns: [
        { id: "issued", label: "本年制发件数", kind: "count" },
        { id: "repealed", label: "本年废止件数", kind: "count" },
        { id: "in_force", label: "现行有效件数", kind: "count" },
      ],
      items: [rules, { id: "normative", label: "行政规范性文件" }],
    },
    { id: "art20_5", caption: art20("五"), itemHeader: ITEM_HEADER, columns: [decisions2021], items: [licensing] },
    { id: "art20_6", caption: art20("六"), itemHeader: ITEM_HEADER, columns: [decisions2021], items: penaltyItems },
    {
      id: "art20_8",
      caption: art20("八"),
      itemHeader: ITEM_HEADER,
      columns: [{ id: "amount", label: "本年收费金额（单位：万元）", kind: "amountWan" }],
      items: [fees],
    },
  ] satisfies Block[],
};

const t2_2019: BlocksTable = {
  layout: "blocks",
  id: "t2",
  title: T2_TITLE,
  width: 4,
  blocks: [
    {
      id: "art20_1",
      caption: art20("一"),
      itemHeader: ITEM_HEADER,
      columns: [
        { id: "made", label: "本年新制作数量", kind: "count" },
        { id: "published", label: "本年新公开数量", kind: "count" },
        { id: "total_public", label: "对外公开总数量", kind: "count" },
      ],
      items: [rules, { id: "normative", label: "规范性文件" }],
    },
    {
      id: "art20_5",
      caption: art20("五"),
      itemHeader: ITEM_HEADER,
      columns: [...projects2019, decisions2019],
      items: [licensing, { id: "other_services", label: "其他对外管理服务事项" }],
    },
    {
      id: "art20_6",
      caption: art20("六"),
      itemHeader: ITEM_HEADER,
      columns: [...projects2019, decisions2019],
      items: penaltyItems,
    },
    { id: "art20_8", caption: art20("八"), itemHeader: ITEM_HEADER, columns: [...projects2019], items: [fees] },
    {
      id: "art20_9",
      caption: art20("九"),
      itemHeader: ITEM_HEADER,
      columns: [
        { id: "projects", label: "采购项目数量", kind: "count" },
        { id: "amount", label: "采购总金额", kind: "amount" },
      ],
      items: [{ id: "procurement", label: "政府集中采购" }],
    },
  ] satisfies Block[],
};

// ── 表三 ────────────────────────────────────────────────────────────────────

const applicantLeaves = ["natural", "business", "research", "charity", "legal", "others"];

const t3Columns: AxisNode[] = [
  {
    id: "applicants",
    label: "申请人情况",
    children: [
      { id: "natural", label: "自然人" },
      {
        id: "corp",
        label: "法人或其他组织",
        children: [
          { id: "business", label: "商业企业" },
          { id: "research", label: "科研机构" },
          { id: "charity", label: "社会公益组织" },
          { id: "legal", label: "法律服务机构" },
          { id: "others", label: "其他" },
        ],
      },
      { id: "total", label: "总计", total: { rule: "R3", of: applicantLeaves } },
    ],
  },
];

const otherHandling2021: AxisNode = {
  id: "other",
  label: "（六）其他处理",
  children: leaves("other", [
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
  ]),
};

function t3Rows(otherHandling: AxisNode): AxisNode[] {
  const results: AxisNode[] = [
    { id: "disclosed", label: "（一）予以公开" },
    { id: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
    {
      id: "withheld",
      label: "（三）不予公开",
      children: leaves("withheld", [
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
      ]),
    },
    {
      id: "unable",
      label: "（四）无法提供",
      children: leaves("unable", ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]),
    },
    {
      id: "rejected",
      label: "（五）不予处理",
      children: leaves("rejected", [
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
      ]),
    },
    otherHandling,
  ];
  const resultLeaves = results.flatMap((n) => (n.children ? n.children.map((c) => c.id) : [n.id]));
  return [
    { id: "new", label: "一、本年新收政府信息公开申请数量" },
    { id: "carried", label: "二、上年结转政府信息公开申请数量" },
    {
      id: "results",
      label: "三、本年度办理结果",
      children: [...results, { id: "total", label: "（七）总计", total: { rule: "R2", of: resultLeaves } }],
    },
    { id: "carryover", label: "四、结转下年度继续办理" },
  ];
}

const t3 = (otherHandling: AxisNode): MatrixTable => ({
  layout: "matrix",
  id: "t3",
  title: "三、收到和处理政府信息公开申请情况",
  note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
  labelDepth: 3,
  headerDepth: 3,
  columns: t3Columns,
  rows: t3Rows(otherHandling),
  kind: "count",
});

// ── 表四 ────────────────────────────────────────────────────────────────────

function outcomeGroup(id: string, label: string, rule: "R4" | "R5" | "R6"): AxisNode {
  const parts = [
    { id: `${id}_upheld`, label: "结果维持" },
    { id: `${id}_corrected`, label: "结果纠正" },
    { id: `${id}_other`, label: "其他结果" },
    { id: `${id}_pending`, label: "尚未审结" },
  ];
  const total: AxisNode = { id: `${id}_total`, label: "总计", total: { rule, of: parts.map((p) => p.id) } };
  return { id, label, children: [...parts, total] };
}

const t4: MatrixTable = {
  layout: "matrix",
  id: "t4",
  title: "四、政府信息公开行政复议、行政诉讼情况",
  labelDepth: 0,
  headerDepth: 3,
  columns: [
    outcomeGroup("review", "行政复议", "R4"),
    {
      id: "suit",
      label: "行政诉讼",
      children: [outcomeGroup("suit_direct", "未经复议直接起诉", "R5"), outcomeGroup("suit_after", "复议后起诉", "R6")],
    },
  ],
  rows: [{ id: "cases", label: "" }],
  kind: "count",
  singleRow: true,
};

export const TABLES_2021: readonly TableDef[] = [t2_2021, t3(otherHandling2021), t4];
export const TABLES_2019: readonly TableDef[] = [t2_2019, t3({ id: "other", label: "（六）其他处理" }), t4];
