/**
 * Every word svc-sla prints in Chinese (zh-CN), in the contract's own terms. en.ts has the same
 * keys (the compiler checks it); src/render/i18n/index.ts picks one by `--lang` or the folder's
 * `locale`.
 */
import type { Duration } from '../../core/policy';

export interface PolicyLabels {
  readonly unit: Readonly<Record<Duration['unit'], (n: string) => string>>;
  readonly byRegion: string;
  readonly noRegions: string;
  readonly linked: (field: string, clauses: string) => string;
  readonly agreed: (field: string) => string;
  readonly agreedElse: (field: string, limit: string, from: string) => string;
  readonly before: (limit: string, date: string) => string;
  readonly window: (start: string, end: string) => string;
  readonly monthly: (day: number) => string;
  readonly annual: (month: number, day: number) => string;
  readonly halfYear: (subject: string) => string;
  readonly quota: (amount: number, field: string) => string;
  readonly manual: string;
  readonly none: string;
  readonly unless: string;
  readonly anyOf: string;
  readonly or: string;
  readonly allRegions: (limit: string) => string;
  readonly present: (f: string) => string;
  readonly absent: (f: string) => string;
  readonly byMonthOf: (f: string) => string;
  readonly evidence: string;
  readonly perSubject: (f: string) => string;
  readonly subjectsFrom: string;
  readonly sumOf: (amount: string, date: string) => string;
  readonly refs: (kind: string) => string;
  readonly noteOperator: string;
  readonly noteShown: string;
  readonly noteBonus: string;
  readonly noteTicket: string;
  readonly noteValidIf: (cond: string) => string;
  readonly ticketCategory: string;
  readonly stage: Readonly<Record<string, string>>;
  readonly listSep: string;
  readonly noteSep: string;
  readonly always: string;
}

export const zhCN = {
  /** reports: breaches, report, summary, due */
  report: {
    clause: '条款',
    title: '考核内容',
    category: '类别',
    record: '记录',
    subject: '对象',
    due: '应完成时间',
    actual: '实际时间',
    points: '分值',
    note: '说明',
    source: '出处',
    quarter: '季度',
    asOf: '统计截至',
    period: '统计期间',
    allTime: '全部',
    policy: '考核办法',
    contract: '合同',
    findings: '考核项',
    noFindings: '本期间无考核项。',
    total: '合计',
    deductions: '扣分',
    bonus: '加分',
    lateBy: (d: string) => `超时 ${d}`,
    lateByWorkdays: (n: number) => (n === 0 ? '超时不足 1 个工作日' : `超时 ${n} 个工作日`),
    underAMinute: '不足 1 分钟',
    warnings: '警告',
    gaps: '应完成时间未知',
    gapsNote: (n: number, year: number) => `${n} 项义务的应完成时间落在 ${year} 年或之后，日历尚无该年：请添加 calendars/${year}.yaml（格式见 svc-sla calendar --help）`,
    gapItem: (clause: string, record: string | null) => (record === null ? clause : `${record} ${clause}`),
    warningsNote: (n: number) => `${n} 条警告，请运行 svc-sla validate 查看`,
    earlyBy: (d: string) => `早于批准窗口 ${d} 开始`,
    missed: '截至统计时间未完成',
    limit: '时限',
    region: '区域',
    agreed: (field: string) => `约定时间（${field}）`,
    window: (field: string) => `批准窗口（截至 ${field}）`,
    quota: (amount: number, quota: number) => `完成 ${amount}/${quota}`,
    count: (n: number) => `${n} 项`,
    notInPeriod: (subject: string) => `${subject} 未完成`,
    hours: '小时',
    days: '天',
    minutes: '分钟',
    workdays: '个工作日',
    operator: '运营商义务，不扣厂家分',
    shownOnly: '仅展示，不计分',
    provisional: '故障级别未确认',
    summaryLine: (n: number, ded: number, bonus: number) => `共 ${n} 项，扣 ${ded} 分，加 ${bonus} 分`,
    // report headers
    provenance: '数据版本',
    notGit: '不在 git 仓库中',
    dirty: '有未提交的修改',
    noCommit: '尚无提交',
    none: '—',
    // report --quarter
    quarterlyTitle: (q: string) => `分值及考核汇总表 ${q}`,
    categoryId: '编号',
    clauses: '考核条款',
    max: '满分',
    score: '得分',
    findingCount: '考核项数',
    itemised: '考核项明细',
    categoryHeading: (title: string, id: string) => `${title}（${id}）`,
    withNote: (text: string, note: string) => `${text}（${note}）`,
    // summary --month
    summaryTitle: (m: string) => `现场技术服务月度汇总 ${m}`,
    cutoff: '月末统计时点',
    ticketsAccepted: (n: number) => `本月受理故障单 ${n} 张`,
    tickets: '故障单',
    countCol: '数量',
    level: '级别',
    levelName: (n: number) => `${['', '一', '二', '三', '四'][n] ?? n}级`,
    ticketCategory: '故障类别',
    ticketCategories: { service: '业务问题', nms: '网管问题', temperature: '设备温度过高', other: '其他问题' } as Record<string, string>,
    regionCol: '区域',
    unknownRegion: '未知',
    byLevelChart: '各级故障单数',
    findingsChart: '各条款考核项数',
    l1Times: '一级故障恢复时间',
    l1Item: '项目',
    l1Restore: '受理→恢复',
    l1Stage: { depart: '接报→出发', travel: '出发→抵达', repair: '抵达→恢复' } as Record<string, string>,
    mean: '平均',
    worst: '最长',
    onTime: '本月到期事项按时率',
    onTimeNote: '只计本月到期且已有结果的事项（按时、超时、逾期未完成）；未到期和仅记录的不计。',
    metCount: '按时',
    lateCount: '超时',
    missedCount: '逾期未完成',
    rate: '按时率',
    findingsInMonth: '本月考核项',
    openAtEnd: '月末未结故障单',
    openFor: '已历时',
    accepted: '受理时间',
    ticketSummary: '故障描述',
    ticketList: '本月故障单（现场技术服务报告汇总）',
    cityRegion: '地市（区域）',
    site: '站点',
    closedAt: '恢复/解决时间',
    elapsed: '历时',
    limitCol: '时限',
    result: '结果',
    stillOpen: '未结',
    provisionalTickets: '级别待确认的故障单',
    inspections: '巡检',
    inspectionStatus: { done: '已完成', missed: '未按计划进行', planned: '计划中', cancelled: '已取消' } as Record<string, string>,
    missedByVendor: (n: number) => `其中厂家原因 ${n} 次`,
    inspectionDocsLate: '巡检资料未按时提交',
    status: '状态',
    statusName: { met: '按时', late: '超时', missed: '逾期未完成', open: '未到期', noted: '已记录', none: '无需提交' } as Record<string, string>,
    activity: '本月其他服务',
    kindName: {
      tickets: '故障单',
      inspections: '巡检',
      upgrades: '软件升级',
      loans: '备件借用',
      consultations: '技术咨询',
      'doc-requests': '资料需求',
      exchanges: '技术交流',
      meetings: '服务例会',
      submissions: '报送文档',
      assessments: '人工考核',
    } as Record<string, string>,
    kindDate: '按日期',
    quotas: '年度配额',
    quotaPeriod: '合同年度',
    used: '截至月末已完成',
    usedInMonth: '本月',
    quotaCol: '配额',
    trainingSeats: '培训名额（合同约定，仅展示）',
    seats: '名额',
    name: '名称',
    kind: '记录类型',
    lastMonthReport: (m: string) => `上月（${m}）报告提交情况`,
    month: '月份',
    nothing: '无',
    // due
    dueTitle: '即将到期和已逾期的义务',
    within: '时间窗',
    until: '截止至',
    left: '剩余时间',
    overdue: '已逾期',
    open: '待完成',
    workdaysLeft: (n: number) => `${n} 个工作日`,
    noObligations: '时间窗内没有到期或逾期的义务。',
    dueLine: (open: number, overdue: number) => `待完成 ${open} 项，已逾期 ${overdue} 项`,
    wrote: (file: string) => `已写入 ${file}`,
    insideRecords: (file: string) => `注意：${file} 位于记录目录中，下次运行时会被当作记录文件读取（validate 会报错）；建议移到记录目录之外`,
  },
  /** report --format xlsx, and the flat CSV of findings (--no-header-block) */
  workbook: {
    summarySheet: '分值及考核汇总表',
    findingsSheet: '考核项明细',
    aboutSheet: '说明',
    reportSheet: '报告',
    category: '考核类别',
    clauseId: '条款编号',
    clauseTitle: '考核条款',
    quarter: '季度',
    categoryId: '类别编号',
    record: '记录',
    kind: '记录类型',
    due: '应完成时间',
    actual: '实际时间',
    points: '分值',
    overrunMinutes: '超时（分钟）',
    overrunWorkdays: '超时（工作日）',
    message: '说明',
    file: '文件',
    line: '行',
    sheet: '工作表',
    noClauses: '（无条款）',
    headerLine: (items: readonly (readonly [string, string])[]) => items.map(([k, v]) => `${k}：${v}`).join('　'),
  },
  /** policy show: how clauses, limits and conditions are described */
  policy: {
    unit: { h: (n) => `${n} 小时`, d: (n) => `${n} 天`, wd: (n) => `${n} 个工作日` },
    byRegion: '按地区:',
    noRegions: '按地区(无地区表)',
    linked: (field, clauses) => `关联记录(${field})的时限:${clauses}`,
    agreed: (field) => `协定日期(${field})`,
    agreedElse: (field, limit, from) => `协定日期(${field}),否则 ${from} 后 ${limit}`,
    before: (limit, date) => `${date} 前至少 ${limit}`,
    window: (start, end) => `${start} 至 ${end} 之内`,
    monthly: (day) => `次月 ${day} 日前`,
    annual: (month, day) => `${month} 月 ${day} 日前`,
    halfYear: (subject) => `每个 ${subject} 每半年至少一次`,
    quota: (amount, field) => `每合同年 ${amount}(${field})`,
    manual: '人工考核',
    none: '—',
    unless: '除非',
    anyOf: '任一',
    or: ' 或 ',
    allRegions: (limit) => `${limit}(各地区)`,
    present: (f) => `有 ${f}`,
    absent: (f) => `无 ${f}`,
    byMonthOf: (f) => `按 ${f} 所在月`,
    evidence: '凭证',
    perSubject: (f) => `按 ${f}`,
    subjectsFrom: '对象来自',
    sumOf: (amount, date) => `按 ${date} 累计 ${amount}`,
    refs: (kind) => `须指明 ${kind} 记录的考核`,
    noteOperator: '电信方义务,不扣厂家分',
    noteShown: '仅展示(0 分)',
    noteBonus: '加分',
    noteTicket: '计入所属故障单的类别',
    noteValidIf: (cond) => `仅当 ${cond} 时有效`,
    ticketCategory: '所属故障单的类别',
    stage: { depart: '接报→出发', travel: '出发→抵达', repair: '抵达→恢复', total: '总时间' } as Record<string, string>,
    listSep: '、',
    noteSep: ';',
    always: '所有故障单',
  } satisfies PolicyLabels,
  /** policy show: headings and columns */
  policyTable: { categories: '考核类别', clauses: '考核条款', regions: '一级故障地区时限（小时）', quotas: '配额（仅展示）', id: '编号', title: '名称', max: '满分', count: '条款数', category: '类别', span: '计时', limit: '时限', contract: '合同原文', points: '分值', cities: '城市', quota: '数量' },
  /** the calendar command */
  calendar: {
    weekdays: ['一', '二', '三', '四', '五', '六', '日'],
    legend: '数字=工作日  ·=周末  休=法定节假日  班=调休上班',
    workdays: '工作日',
    holidays: '节假日',
    makeup: '调休上班',
    holidayOne: '节假日',
    makeupOne: '调休上班',
    weekends: '周末',
    month: '月份',
    special: '节假日与调休',
    source: (builtIn: boolean, overridden: boolean): string => (overridden ? (builtIn ? '内置国务院日历，已被 calendars/ 文件修正' : '来自 calendars/ 文件') : '内置国务院日历（chinese-days 数据包）'),
    holidayWord: '休',
    makeupWord: '班',
  },
};

export type Catalogue = typeof zhCN;
