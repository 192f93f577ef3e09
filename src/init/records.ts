/**
 * The example records `svc-sla init` writes, one per kind folder the policy uses. Each is valid,
 * on time under its policy (a fresh folder shows no deduction), self-contained (no record refers
 * to another, so deleting one never breaks the rest) and says at its top that it is an example.
 * Each is named `*.example.yaml`, which discovery never counts: an example cannot reach a report.
 */
import type { Kind } from '../core/kinds';
import type { InitPolicy } from './config';

export interface ExampleRecord {
  readonly kind: Kind;
  /** relative to the records folder, `/`-separated */
  readonly path: string;
  readonly content: string;
}

const ZH_HEAD = [
  '# 示例记录：照着改成真实记录，或者直接删掉。/ EXAMPLE record: edit it into a real one, or delete it.',
  '# 文件名带 .example 的记录不计入考核；改好后去掉文件名里的 .example 才算数。',
  '# A file named *.example.yaml is not counted: remove .example from its name once it is real.',
  '# 一个文件可放一条记录、一个列表（- id: ...）或用 --- 分隔的多条记录；子目录随意，CSV（Excel 导出）也可以。',
  '# A file holds one record, a list of records or several --- documents; sub-folders are free; CSV works too.',
];

const EN_HEAD = [
  '# EXAMPLE record: edit it into a real one, or delete it. A file named *.example.yaml is not',
  '# counted: remove .example from its name once it is real.',
  '# A file holds one record, a list of records (- id: ...) or several --- documents; sub-folders',
  '# are free, and a CSV export with one record per row works too.',
];

/** `GD-2026-0001.yaml` is written as `GD-2026-0001.example.yaml`: not evidence until renamed. */
function file(kind: Kind, name: string, head: readonly string[], lines: readonly string[]): ExampleRecord {
  const example = name.replace(/(\.[a-z]+)$/, '.example$1');
  return { kind, path: `${kind}/${example}`, content: `${[...head, ...lines].join('\n')}\n` };
}

function gdTransmission(): ExampleRecord[] {
  const h = ZH_HEAD;
  return [
    file('tickets', '2026/03/GD-2026-0001.yaml', h, [
      '# 一级故障、现场处理。广州属核心地区：受理→出发 ≤1h、出发→抵达 ≤2h、抵达→恢复 ≤2h，总计 ≤5h。',
      '# Level-1 fault handled on site; 广州 is in the core region: accepted → restored ≤ 5 h.',
      'id: GD-2026-0001               # 全目录唯一 / unique across the folder',
      'level: 1                       # 故障级别 1–4',
      'category: service              # service / nms / temperature / other',
      'city: 广州                     # 地市，决定一级故障的地区时限 / selects the region',
      'site: 广州天河局 OTN-01',
      'handling: onsite               # 一级故障必填：remote 远程 / onsite 现场',
      '# 时间可带时区（2026-03-03T09:05:00+08:00），不带则按 svc-sla.yaml 的 timezone 理解',
      'reported_at: 2026-03-03 09:05',
      'accepted_at: 2026-03-03 09:10  # 受理：计时从这里开始（必填）/ the clock starts here',
      'departed_at: 2026-03-03 09:40',
      'arrived_at: 2026-03-03 11:00',
      'restored_at: 2026-03-03 12:40  # 业务恢复：一级故障计时终点（3 小时 30 分）',
      'report_submitted_at: 2026-03-04 16:00   # 《厂家故障处理情况表》，时限见 svc-sla policy show（fault.l1.doc.report）',
      'customer_signed: true          # 无客户签名视为未提交',
      'vendor_caused: false',
      'summary: 广州天河局 OTN-01 线路板故障，更换单板后业务恢复',
      '# 二至四级故障写 resolved_at（双方确认解决）；疑难故障加 difficult: true 和 agreed_deadline',
    ]),
    file('inspections', 'XJ-2026-001.yaml', h, [
      '# 例行巡检：结束后 7 个工作日内提交《厂家现场巡检情况记录表》及《巡检报告》',
      'id: XJ-2026-001',
      'trunk: 广州-深圳 干线',
      'type: routine                  # routine 例行 / special 专项',
      'planned_date: 2026-04-14',
      'status: done                   # planned / done / missed / cancelled',
      'started_at: 2026-04-14 09:00',
      'ended_at: 2026-04-15 17:30',
      'docs_submitted_at: 2026-04-21 10:00',
      'findings:',
      '  - summary: 深圳福田局 OTN-07 光模块收光功率偏低，已列入更换计划',
      '    handled_late: false',
      '# 未按计划巡检：status: missed 加 missed_cause: vendor / operator；',
      '# 计划变更：changed_by、change_notified_at、new_date',
    ]),
    file('upgrades', 'SJ-2026-01.yaml', h, [
      '# 研究院提出升级需求：2 个工作日内确认，确认后 5 个工作日内提交申请，严格按批复时间窗口实施',
      'id: SJ-2026-01',
      'scope: 广州-深圳 干线 OTN 网元主控板软件升级',
      'raised_by: operator            # operator 研究院提出 / vendor 厂家提出',
      'raised_at: 2026-03-02 10:00',
      'confirmed_at: 2026-03-03 16:00',
      'application_submitted_at: 2026-03-06 17:00',
      'approved_start: 2026-03-18T00:00:00+08:00',
      'approved_end: 2026-03-18T06:00:00+08:00',
      'started_at: 2026-03-18T00:30:00+08:00',
      'ended_at: 2026-03-18T04:50:00+08:00',
      'result: success                # success / failed / pending',
      'spares_synced_at: 2026-03-19 15:00     # 备件同步升级：完成后 2 日内（或约定 spares_sync_due）',
    ]),
    file('loans', 'JY-2026-01.yaml', h, [
      '# 重大割接借用备板：按双方商定时间（agreed_delivery）送到',
      '# 一级故障借板写 purpose: l1-fault 和 ticket: <一级故障单号>，时限跟随该故障',
      'id: JY-2026-01',
      'purpose: cutover               # cutover 割接 / l1-fault 一级故障',
      'requested_at: 2026-03-09 15:00',
      'agreed_delivery: 2026-03-13 12:00',
      'delivered_at: 2026-03-12 16:00',
      'received_at: 2026-03-12 16:30',
      'returned_at: 2026-03-20 10:00  # 研究院收到后 15 天内返还',
      'note: 割接用 2 块 100G 线路板',
    ]),
    file('consultations', 'ZX-2026-001.yaml', h, [
      '# 技术咨询：1 个工作日内响应；需要时间查证的，约定 answer_due，最终答复写 answered_at',
      'id: ZX-2026-001',
      'topic: OTN 单板软件版本兼容性咨询',
      'received_at: 2026-03-05 10:15',
      'responded_at: 2026-03-05 15:00',
    ]),
    file('doc-requests', 'ZL-2026-001.yaml', h, [
      '# 资料需求：收到需求后 5 个工作日内提供',
      'id: ZL-2026-001',
      'requested_at: 2026-03-09 10:00',
      'provided_at: 2026-03-12 15:00',
      'mismatch: false                # 提供的资料明显与需求不符时写 true',
      'note: 《OTN 设备维护手册》电子版',
    ]),
    file('exchanges', 'JL-2026-01.yaml', h, [
      '# 技术交流：收到正式申请后 5 个工作日内答复安排；合同年度共 10 天',
      'id: JL-2026-01',
      'topic: 新一代 OTN 设备维护经验交流',
      'requested_at: 2026-03-02 10:00',
      'responded_at: 2026-03-05 16:00',
      'held_on: 2026-03-25',
      'days: 2',
    ]),
    file('meetings', 'LH-2026-03.yaml', h, [
      '# 例会：收到通知后 5 个工作日内答复；会上承诺的资料按约定日期提交',
      'id: LH-2026-03',
      'type: monthly                  # quarterly 季度服务工作例会 / monthly 月度生产例会',
      'notified_at: 2026-03-02 10:00',
      'responded_at: 2026-03-03 09:00',
      'held_on: 2026-03-10',
      'deliverables_due: 2026-03-20',
      'deliverables_submitted_at: 2026-03-19 17:00',
    ]),
    file('submissions', 'BS-2026-01.yaml', h, [
      '# 年度巡检计划：每年第一季度内提交；trunks 列出本年要巡检的干线',
      '# 每月《现场技术服务报告》汇总（次月 15 日前）写成：type: monthly-report、period: 2026-03、submitted_at',
      'id: BS-2026-01',
      'type: inspection-plan',
      'period: 2026',
      'submitted_at: 2026-03-20 10:00',
      'trunks:',
      '  - 广州-深圳 干线',
    ]),
    file('assessments', 'KH-2026-01.yaml', h, [
      '# 记录本身算不出来的考核：投诉、感谢信、人工评定条款。clause 是考核办法里的条款编号，',
      '# ref 写相关记录的编号（投诉某张故障单时必填），count 默认 1，points 可覆盖每次的分值',
      'id: KH-2026-01',
      'date: 2026-03-27',
      'clause: other.commendation     # 书面感谢信，加 1 分',
      'note: 广州分公司书面感谢信：3 月割接支撑有力',
    ]),
  ];
}

function afterSales(): ExampleRecord[] {
  const h = EN_HEAD;
  return [
    file('tickets', '2026/AS-T-0001.yaml', h, [
      '# A hotline fault; its limits: svc-sla policy show after-sales (aftersales.hotline.*).',
      'id: AS-T-0001                  # unique across the folder',
      'level: 2                       # 1-4',
      'category: service              # service / nms / temperature / other',
      'site: Tianhe POP rack 3',
      '# times with an offset (2026-03-03T09:10:00+08:00) or without (read in svc-sla.yaml timezone)',
      'reported_at: 2026-03-03 09:10  # the call to the hotline',
      'accepted_at: 2026-03-03 09:40  # required: the repair clock starts here',
      'restored_at: 2026-03-03 15:00  # service restored (may be a temporary fix)',
      'resolved_at: 2026-03-04 11:00  # both sides confirm the fault is fixed: the repair clock stops',
      'summary: Bit errors above threshold on a 10G line',
    ]),
    file('consultations', 'AS-C-0001.yaml', h, [
      '# A support request (phone, e-mail or portal): answer within 24 hours.',
      'id: AS-C-0001',
      'topic: How to export the alarm history from the management system',
      'received_at: 2026-03-05 10:00',
      'responded_at: 2026-03-05 15:30',
    ]),
    file('assessments', 'AS-K-0001.yaml', h, [
      '# What the records cannot compute: complaints, letters of thanks. `clause` is a clause id of',
      '# the policy; `ref` names the record concerned (optional), `count` defaults to 1.',
      'id: AS-K-0001',
      'date: 2026-03-27',
      'clause: aftersales.commendation   # letter of thanks: +1',
      'note: Letter of thanks for the support during the March ring migration',
    ]),
  ];
}

export function exampleRecords(policy: InitPolicy): ExampleRecord[] {
  return policy === 'after-sales' ? afterSales() : gdTransmission();
}
