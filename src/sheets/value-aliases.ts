/**
 * The words coordinators write in their ledgers for the record format's enum values, by kind and
 * field: the zh-CN labels the reports print (src/render/i18n.ts: levelName, ticketCategories,
 * inspectionStatus …), the contract's own terms, and the common ledger variants.
 *
 * Data only; `normaliseEnum` (values.ts) applies it. An alias maps to one value, or to a list:
 * a list is a suggestion, never applied — used where a word describes rather than names a value:
 * - 业务中断 (service interruption) is the contract's description of a level-1 service fault,
 *   not a category label: a fan failure (temperature) or an NMS crash can also end in an
 *   interruption, and the category decides which clause applies, so it is suggested, not read;
 *   for `level` it is suggested too, since the contract's level 1 is an interruption "on running
 *   equipment", which a ledger word cannot promise;
 * - 未完成 (not finished) is "planned" or "missed" for an inspection;
 * - 网管宕机 (NMS crash) is category nms plus the nms_down flag, which one cell cannot both set.
 * Left out on purpose: 甲方/乙方 (which party is which depends on the contract's wording), and
 * the bare Latin letters I–IV for levels (too easily a typo).
 */

export type AliasTarget = string | readonly string[];

export interface EnumVocabulary {
  /** the values the record schema allows */
  readonly allowed: readonly string[];
  /** label → value, or label → candidates to suggest (never applied) */
  readonly aliases: Readonly<Record<string, AliasTarget>>;
}

const LEVELS = ['1', '2', '3', '4'] as const;
const levelAliases: Record<string, AliasTarget> = {};
const CN_DIGITS = ['一', '二', '三', '四'];
const ROMAN = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];
LEVELS.forEach((n, i) => {
  const cn = CN_DIGITS[i]!;
  for (const label of [`${cn}级`, `${cn}级故障`, `${n}级`, `${n}级故障`, `${ROMAN[i]}级`, `L${n}`, cn]) levelAliases[label] = n;
});
levelAliases['业务中断'] = ['1'];

const VENDOR = ['厂家', '厂商', '厂方', '供应商', '设备厂家'];
const OPERATOR = ['运营商', '电信', '局方'];
const parties = (): Record<string, AliasTarget> => ({
  ...Object.fromEntries(VENDOR.map((w) => [w, 'vendor'])),
  ...Object.fromEntries(OPERATOR.map((w) => [w, 'operator'])),
  厂家原因: 'vendor',
  运营商原因: 'operator',
});

/** By kind, then field. */
export const VALUE_ALIASES: Readonly<Record<string, Readonly<Record<string, EnumVocabulary>>>> = {
  tickets: {
    level: { allowed: LEVELS, aliases: levelAliases },
    category: {
      allowed: ['service', 'nms', 'temperature', 'other'],
      aliases: {
        业务问题: 'service',
        业务故障: 'service',
        业务类: 'service',
        业务: 'service',
        网管问题: 'nms',
        网管故障: 'nms',
        网管类: 'nms',
        网管: 'nms',
        设备温度过高: 'temperature',
        温度过高: 'temperature',
        温度问题: 'temperature',
        设备高温: 'temperature',
        高温: 'temperature',
        其他问题: 'other',
        其它问题: 'other',
        其他: 'other',
        其它: 'other',
        业务中断: ['service'],
        网管宕机: ['nms'],
      },
    },
    handling: {
      allowed: ['remote', 'onsite'],
      aliases: { 现场: 'onsite', 现场处理: 'onsite', 上站: 'onsite', 上站处理: 'onsite', 远程: 'remote', 远程处理: 'remote' },
    },
  },
  inspections: {
    type: {
      allowed: ['routine', 'special'],
      aliases: {
        例行: 'routine',
        例行巡检: 'routine',
        日常巡检: 'routine',
        常规巡检: 'routine',
        定期巡检: 'routine',
        专项: 'special',
        专项巡检: 'special',
        特殊巡检: 'special',
        突发巡检: 'special',
        临时巡检: 'special',
      },
    },
    status: {
      allowed: ['planned', 'done', 'missed', 'cancelled'],
      aliases: {
        计划中: 'planned',
        计划: 'planned',
        待巡检: 'planned',
        未开始: 'planned',
        已完成: 'done',
        完成: 'done',
        已巡检: 'done',
        未按计划进行: 'missed',
        未巡检: 'missed',
        漏检: 'missed',
        已取消: 'cancelled',
        取消: 'cancelled',
        未完成: ['planned', 'missed'],
      },
    },
    missed_cause: { allowed: ['vendor', 'operator'], aliases: parties() },
    changed_by: { allowed: ['vendor', 'operator'], aliases: parties() },
  },
  upgrades: {
    raised_by: { allowed: ['operator', 'vendor'], aliases: parties() },
    result: {
      allowed: ['success', 'failed', 'pending'],
      aliases: { 成功: 'success', 升级成功: 'success', 失败: 'failed', 升级失败: 'failed', 待定: 'pending', 进行中: 'pending', 未完成: 'pending', 回退: ['failed'] },
    },
  },
  loans: {
    purpose: {
      allowed: ['l1-fault', 'cutover'],
      aliases: { 一级故障: 'l1-fault', 一级故障抢修: 'l1-fault', 故障抢修: 'l1-fault', 割接: 'cutover', 重大割接: 'cutover' },
    },
  },
  meetings: {
    type: {
      allowed: ['quarterly', 'monthly'],
      aliases: {
        季度: 'quarterly',
        季度例会: 'quarterly',
        季度服务例会: 'quarterly',
        月度: 'monthly',
        月度例会: 'monthly',
        月例会: 'monthly',
        月度生产例会: 'monthly',
      },
    },
  },
  submissions: {
    type: {
      allowed: ['monthly-report', 'inspection-plan'],
      aliases: { 月报: 'monthly-report', 月度报告: 'monthly-report', 现场技术服务报告: 'monthly-report', 巡检计划: 'inspection-plan', 年度巡检计划: 'inspection-plan' },
    },
  },
};

/** The vocabulary of a kind's enum field, or undefined for a field that is no enum. */
export function vocabularyOf(kind: string, field: string): EnumVocabulary | undefined {
  const byField = Object.prototype.hasOwnProperty.call(VALUE_ALIASES, kind) ? VALUE_ALIASES[kind] : undefined;
  return byField !== undefined && Object.prototype.hasOwnProperty.call(byField, field) ? byField[field] : undefined;
}
