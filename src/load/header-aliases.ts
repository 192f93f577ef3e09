/**
 * Coordinators export their ledgers from Excel with Chinese column headers; these map them to
 * record field names, per kind: an alias applies in a kind only when the kind has its field
 * (受理时间 is accepted_at in tickets; in consultations it is received_at, below), and the
 * config's `csv.headers` add to them, for every kind (the flat form) or per kind. The same
 * headers serve CSV files and workbook sheets. Matched after trimming; field names are always
 * accepted as they are. Left out on purpose because they are ambiguous: 答复时间, 地区.
 */
import { fieldsOf, isKind, KINDS, type Kind } from '../core/kinds';
import type { HeaderMeaning } from '../source/csv';
import { closest, didYouMean } from '../util/suggest';

/** Columns a ledger keeps for people, left out without a word: the row number. */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set(['序号', '行号', '序列号']);

/** Aliases of one kind that differ from, or are missing in, the table below. */
const KIND_ALIASES: Readonly<Partial<Record<Kind, Readonly<Record<string, string>>>>> = {
  consultations: { 受理时间: 'received_at', 收到咨询时间: 'received_at', 答复期限: 'answer_due' },
};

/** svc-sla.yaml `csv.headers`: `{header: field}` for every kind, or `{kind: {header: field}}`. */
export type HeaderSettings = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

/** The aliases that apply in one kind: built-in, then the config's flat ones, then its own for the kind. */
export function aliasesOf(kind: Kind, user: HeaderSettings = {}): Readonly<Record<string, string>> {
  const fields = fieldsOf(kind);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const add = (table: Readonly<Record<string, unknown>>): void => {
    for (const [header, field] of Object.entries(table)) if (typeof field === 'string' && fields.has(field)) out[header] = field;
  };
  add(BUILTIN_HEADER_ALIASES);
  add(KIND_ALIASES[kind] ?? {});
  add(user);
  const own = user[kind];
  if (typeof own === 'object' && own !== null) add(own);
  return out;
}

/** How the header cells of a table (CSV file, sheet) of this kind are read. */
export function headerResolver(kind: Kind, user: HeaderSettings = {}): (name: string) => HeaderMeaning {
  const fields = fieldsOf(kind);
  const aliases = aliasesOf(kind, user);
  const lower = new Map([...fields.keys()].map((f) => [f.toLowerCase(), f]));
  const memo = new Map<string, HeaderMeaning>();
  return (name) => {
    let m = memo.get(name);
    if (m === undefined) {
      const field = fields.has(name) ? name : aliases[name] ?? lower.get(name.toLowerCase());
      if (field !== undefined) m = { field };
      else if (IGNORED_HEADERS.has(name)) m = { ignore: true };
      else {
        const near = closest(name, [...fields.keys(), ...Object.keys(aliases)]);
        // a near miss of a field or an alias is a typo whose values would be lost (受理时刻 for
        // 受理时间 would make every ticket "not accepted"): refused, as in YAML. In a name of two
        // characters one is half the word (地区, 地市): a different word, not a typo.
        m =
          near !== null && [...name].length >= 3
            ? { unknown: `unknown column '${name}' (did you mean '${near}'?): its values would be lost; correct the header, or map it to a field of ${kind} under csv.headers in svc-sla.yaml`, refused: true }
            : { unknown: `unknown column '${name}'${near === null ? '' : ` (did you mean '${near}'?)`}: its cells are ignored (map it to a field of ${kind} under csv.headers in svc-sla.yaml)` };
      }
      memo.set(name, m);
    }
    return m;
  };
}

/**
 * Problems of a `csv.headers` setting, each with the path of the entry, and the usable setting:
 * a flat alias must name a field of some kind, a per-kind one a field of that kind.
 */
export function checkHeaderSettings(headers: Readonly<Record<string, unknown>>): { problems: { path: string[]; message: string }[]; usable: HeaderSettings } {
  const problems: { path: string[]; message: string }[] = [];
  const usable: Record<string, string | Record<string, string>> = {};
  const allFields = new Set(KINDS.flatMap((k) => [...fieldsOf(k).keys()]));
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === 'string') {
      if (allFields.has(value)) usable[key] = value;
      else problems.push({ path: ['csv', 'headers', key], message: `csv.headers: '${key}' maps to '${value}', which is no field of any kind${didYouMean(value, allFields)}` });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (!isKind(key)) {
        problems.push({ path: ['csv', 'headers', key], message: `csv.headers: '${key}' is not a record kind${didYouMean(key, KINDS)}; kinds are ${KINDS.join(', ')}` });
        continue;
      }
      const fields = fieldsOf(key);
      const own: Record<string, string> = {};
      for (const [h, f] of Object.entries(value as Record<string, unknown>)) {
        if (typeof f === 'string' && fields.has(f)) own[h] = f;
        else problems.push({ path: ['csv', 'headers', key, h], message: `csv.headers.${key}: '${h}' maps to '${String(f)}', which is no field of ${key}${typeof f === 'string' ? didYouMean(f, fields.keys()) : ''}` });
      }
      usable[key] = own;
    }
  }
  return { problems, usable };
}

export const BUILTIN_HEADER_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  // ── every kind ──────────────────────────────────────────────────────────
  编号: 'id',
  单号: 'id',
  故障单号: 'id',
  工单号: 'id',
  记录编号: 'id',
  备注: 'note',
  说明: 'note',

  // ── tickets 故障单 ──────────────────────────────────────────────────────
  故障级别: 'level',
  级别: 'level',
  故障等级: 'level',
  级别已确认: 'level_confirmed',
  级别确认: 'level_confirmed',
  故障类别: 'category',
  故障类型: 'category',
  故障分类: 'category',
  类别: 'category',
  地市: 'city',
  城市: 'city',
  所属地市: 'city',
  区域: 'region',
  片区: 'region',
  站点: 'site',
  局站: 'site',
  机房: 'site',
  网元: 'site',
  处理方式: 'handling',
  网管宕机: 'nms_down',
  疑难故障: 'difficult',
  是否疑难: 'difficult',
  临时解决: 'temporary_fix',
  临时方案: 'temporary_fix',
  协商解决时间: 'agreed_deadline',
  约定解决时间: 'agreed_deadline',
  商定解决时间: 'agreed_deadline',
  申告时间: 'reported_at',
  报障时间: 'reported_at',
  接报时间: 'reported_at',
  上报时间: 'reported_at',
  受理时间: 'accepted_at',
  接受时间: 'accepted_at',
  故障受理时间: 'accepted_at',
  故障接受时间: 'accepted_at',
  出发时间: 'departed_at',
  到达时间: 'arrived_at',
  抵达时间: 'arrived_at',
  到达现场时间: 'arrived_at',
  恢复时间: 'restored_at',
  业务恢复时间: 'restored_at',
  解决时间: 'resolved_at',
  完成时间: 'resolved_at',
  处理完成时间: 'resolved_at',
  故障完成时间: 'resolved_at',
  处理情况表提交时间: 'report_submitted_at',
  故障处理情况表提交时间: 'report_submitted_at',
  处理单提交时间: 'report_submitted_at',
  客户签名: 'customer_signed',
  客户签字: 'customer_signed',
  分析报告要求时间: 'analysis_requested_at',
  要求分析报告时间: 'analysis_requested_at',
  分析报告约定时间: 'analysis_due',
  分析报告期限: 'analysis_due',
  分析报告提交时间: 'analysis_submitted_at',
  厂家责任: 'vendor_caused',
  厂家原因: 'vendor_caused',
  故障描述: 'summary',
  故障现象: 'summary',
  故障简述: 'summary',
  摘要: 'summary',

  // ── inspections 巡检 ────────────────────────────────────────────────────
  干线: 'trunk',
  干线名称: 'trunk',
  巡检干线: 'trunk',
  类型: 'type', // also meetings (例会类型) and submissions (报送类型)
  巡检类型: 'type',
  例会类型: 'type',
  报送类型: 'type',
  计划日期: 'planned_date',
  计划巡检日期: 'planned_date',
  状态: 'status',
  巡检状态: 'status',
  未巡检原因: 'missed_cause',
  漏检原因: 'missed_cause',
  通知时间: 'notified_at', // also meetings
  巡检通知时间: 'notified_at',
  会议通知时间: 'notified_at',
  变更通知时间: 'change_notified_at',
  计划变更通知时间: 'change_notified_at',
  变更方: 'changed_by',
  变更提出方: 'changed_by',
  新日期: 'new_date',
  变更后日期: 'new_date',
  调整后日期: 'new_date',
  开始时间: 'started_at', // also upgrades
  实际开始时间: 'started_at',
  结束时间: 'ended_at', // also upgrades
  实际结束时间: 'ended_at',
  文档提交时间: 'docs_submitted_at',
  巡检报告提交时间: 'docs_submitted_at',
  记录表提交时间: 'docs_submitted_at',
  文档合格: 'docs_compliant',
  文档符合要求: 'docs_compliant',
  // lists of objects are YAML-only; mapped so that a CSV column gets a precise error, not "unknown column"
  发现问题: 'findings',
  引发故障: 'caused_faults',

  // ── upgrades 软件升级 ───────────────────────────────────────────────────
  升级范围: 'scope',
  升级内容: 'scope',
  范围: 'scope',
  提出方: 'raised_by',
  需求提出方: 'raised_by',
  提出时间: 'raised_at',
  需求提出时间: 'raised_at',
  确认时间: 'confirmed_at',
  厂家确认时间: 'confirmed_at',
  申请提交时间: 'application_submitted_at',
  升级申请提交时间: 'application_submitted_at',
  批复开始时间: 'approved_start',
  批准开始时间: 'approved_start',
  批复结束时间: 'approved_end',
  批准结束时间: 'approved_end',
  结果: 'result',
  升级结果: 'result',
  失败报告提交时间: 'failure_report_submitted_at',
  失败分析报告提交时间: 'failure_report_submitted_at',
  版本已认证: 'version_certified',
  版本认证: 'version_certified',
  操作失误: 'operator_error',
  备件同步时间: 'spares_synced_at',
  备件升级时间: 'spares_synced_at',
  备件同步约定时间: 'spares_sync_due',
  备件升级约定时间: 'spares_sync_due',

  // ── loans 备件借用 ──────────────────────────────────────────────────────
  用途: 'purpose',
  借用用途: 'purpose',
  关联故障单: 'ticket',
  关联故障单号: 'ticket',
  申请时间: 'requested_at', // also doc-requests and exchanges
  借用申请时间: 'requested_at',
  需求时间: 'requested_at',
  约定交付时间: 'agreed_delivery',
  商定提供时间: 'agreed_delivery',
  交付时间: 'delivered_at',
  送达时间: 'delivered_at',
  接收时间: 'received_at', // also consultations
  收到时间: 'received_at',
  返还时间: 'returned_at',
  归还时间: 'returned_at',

  // ── consultations 技术咨询 ──────────────────────────────────────────────
  主题: 'topic', // also exchanges
  咨询内容: 'topic',
  咨询主题: 'topic',
  交流主题: 'topic',
  咨询时间: 'received_at',
  响应时间: 'responded_at', // also exchanges and meetings
  首次答复时间: 'responded_at',
  约定答复时间: 'answer_due',
  协定答复时间: 'answer_due',
  最终答复时间: 'answered_at',

  // ── doc-requests 资料需求 ───────────────────────────────────────────────
  提供时间: 'provided_at',
  资料提供时间: 'provided_at',
  资料不符: 'mismatch',
  与需求不符: 'mismatch',

  // ── exchanges 技术交流 ──────────────────────────────────────────────────
  举行日期: 'held_on', // also meetings
  召开日期: 'held_on',
  交流日期: 'held_on',
  会议日期: 'held_on',
  天数: 'days',
  交流天数: 'days',
  准备不充分: 'poorly_prepared',

  // ── meetings 服务例会 ───────────────────────────────────────────────────
  资料准备不充分: 'materials_poor',
  会议材料不充分: 'materials_poor',
  会后资料约定时间: 'deliverables_due',
  承诺提交时间: 'deliverables_due',
  会后资料提交时间: 'deliverables_submitted_at',

  // ── submissions 文档报送 ────────────────────────────────────────────────
  所属期: 'period',
  报告期: 'period',
  所属月份: 'period',
  年度: 'period',
  干线列表: 'trunks',
  巡检干线列表: 'trunks',
  提交时间: 'submitted_at',
  报送时间: 'submitted_at',

  // ── assessments 考核 ────────────────────────────────────────────────────
  日期: 'date',
  考核日期: 'date',
  条款: 'clause',
  考核条款: 'clause',
  条款编号: 'clause',
  关联记录: 'ref',
  关联编号: 'ref',
  次数: 'count',
  数量: 'count',
  分值: 'points',
});
