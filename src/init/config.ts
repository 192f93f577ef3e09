/**
 * What `svc-sla init` writes besides the example records: svc-sla.yaml, the calendars note, CI
 * files (GitHub Actions, GitLab CI, pre-commit) and the editor's schema mapping. Pure: text in,
 * text out; the caller decides where it goes.
 */
import { KINDS } from '../core/kinds';

export const INIT_POLICIES = ['gd-transmission', 'after-sales'] as const;
export type InitPolicy = (typeof INIT_POLICIES)[number];

/**
 * svc-sla is not on the npm registry: CI installs it from wherever the user keeps it. These
 * placeholders are meant to fail loudly (.invalid never resolves) until they are replaced.
 */
export const REPO_PLACEHOLDER = 'https://example.invalid/svc-sla.git';
/** `npm install -g git+URL#v<version>`: a release tag, whose dist/ is prebuilt (scripts/release.js) */
export function packagePlaceholder(version: string): string {
  return `git+${REPO_PLACEHOLDER}#v${version}`;
}

/** The Node.js line the CI templates run on: an LTS (Node 20 reached its end of life in April 2026). */
export const CI_NODE_VERSION = 24;

/** Where init puts copies of svc-sla's JSON Schemas, for editors: inside the records folder, so every clone has them. */
export const SCHEMA_DIR = '.svc-sla/schemas';

/** The schemas editors need: the config, calendars, locks, and each kind (a record, and a file of records). */
export function editorSchemaNames(): string[] {
  return ['config', 'calendar', 'lock', ...KINDS.flatMap((k) => [k, `${k}.file`])];
}

export function schemaDirReadme(version: string): string {
  return `# ${SCHEMA_DIR}/ — svc-sla's JSON Schemas, for editors

Copies of the record schemas of svc-sla ${version}, which \`.vscode/settings.json\` maps to each kind
folder by relative path, so that the YAML extension (redhat.vscode-yaml) checks and completes
records as you type in every clone of this repository. \`svc-sla validate\` does not read them:
it always uses the schemas of the svc-sla that runs it. After upgrading svc-sla, refresh them:

    svc-sla init --update-schemas

and commit the result.
`;
}

export function configYaml(policy: InitPolicy): string {
  if (policy === 'after-sales') {
    return `# svc-sla records folder settings. This file marks the folder: svc-sla looks for it upward
# from the current folder, as git looks for .git. Each kind folder (tickets/, consultations/,
# assessments/, ...) holds records of that kind; \`svc-sla validate\` checks them all.

# Free text, printed in report headers.
contract: Metro optical network equipment - after-sales support 2026
# A built-in policy (gd-transmission, after-sales) or the path of a policy YAML file.
policy: after-sales
# Timestamps written without an offset (2026-03-03 09:10) are read in this time zone.
timezone: Asia/Shanghai
# Contract years (annual quotas) run from this date: put the day your contract started.
contract_start: 2026-01-01
# Report labels: en or zh-CN.
locale: en
csv:
  # auto reads UTF-8, UTF-8 with BOM and GB18030 (Excel exports); or name a fixed encoding.
  encoding: auto
  # Extra CSV header aliases, column header → field name, e.g.  Ticket No.: id
  headers: {}
`;
  }
  return `# svc-sla 记录目录配置 / records folder settings
# 这个文件标明本目录是记录目录：svc-sla 从当前目录向上找它（像 git 找 .git）。每个类别目录
# （tickets/、inspections/ ...）放该类记录，\`svc-sla validate\` 检查全部记录。
# This file marks the records folder; svc-sla looks for it upward from the current folder.

# 合同名称，打印在报表抬头 / free text, printed in report headers
contract: 广东电信传输设备维护支撑服务 2026
# 内置考核办法（gd-transmission、after-sales），或自定义考核办法 YAML 文件的路径
# a built-in policy (gd-transmission, after-sales) or the path of a policy YAML file
policy: gd-transmission
# 不带时区的时间（2026-03-03 09:10）按此时区理解 / timestamps without an offset are read in this zone
timezone: Asia/Shanghai
# 合同开始日期：合同年度（年度配额，如技术交流 10 天）从这天起算，请改成实际日期
# contract years (annual quotas) run from this date: put the day your contract started
contract_start: 2026-01-01
# 报表语言 / report labels: zh-CN or en
locale: zh-CN
csv:
  # auto：自动识别 UTF-8、带 BOM 的 UTF-8 和 GB18030（Excel 导出）；也可写固定的编码名
  # auto reads UTF-8, UTF-8 with BOM and GB18030 (Excel exports); or name a fixed encoding
  encoding: auto
  # 额外的 CSV 表头别名：表头 → 字段名（故障单号、故障级别等常用中文表头已内置），例如
  # extra CSV header aliases: column header → field name (common Chinese headers are built in)
  #   headers: {工单流水号: id, 故障发生地市: city}
  headers: {}
`;
}

export const CALENDARS_README = `# calendars/ — extra or corrected official calendars (节假日与调休)

This folder is optional. svc-sla has the PRC official holiday calendar built in: working days
skip weekends and statutory holidays and count the announced make-up working days (调休上班).
Working-day limits ("5 个工作日内") are computed with it.

For a year the built-in calendar does not know yet (the State Council announces each year's
holidays in the autumn before), or to correct a day, add one YAML file per year here, e.g.
\`calendars/2027.yaml\`. It wins over the built-in calendar:

\`\`\`yaml
year: 2027
holidays: [2027-01-01, 2027-02-10]   # days off (放假), including ones on a weekend
workdays: [2027-02-07]               # make-up working days (调休上班), usually a Saturday or Sunday
\`\`\`

- \`year\` is required; every date must lie in that year; a day cannot be both.
- List every day off of a holiday, not only its first day.
- A date in a year neither the built-in calendar nor a file here covers is an error, never a
  silent Monday-to-Friday guess.
- \`svc-sla validate\` checks these files; this note (a .md file) is ignored.

本目录可选。内置日历没有的年份（例如尚未公布的下一年），或需要更正某一天时，按上面的格式
每年放一个 YAML 文件：holidays 写放假的日子，workdays 写调休上班的日子。
`;

export function githubWorkflow(version: string): string {
  return `# Checks the records on every push and pull request; problems show up as annotations on the
# changed lines. If the records folder is not the root of the repository, move this file to the
# root's .github/workflows/ and name the folder: svc-sla validate path/to/records --format github
name: svc-sla

on:
  push:
  pull_request:

env:
  # svc-sla is not on the npm registry: point this at where your svc-sla lives, at a release
  # tag (v<version>: dist/ is prebuilt there, so a global install needs no build tools), e.g.
  # git+https://git.example.com/tools/svc-sla.git#v${version}, or the URL of a tarball made
  # by \`npm pack\`.
  SVC_SLA_PACKAGE: ${packagePlaceholder(version)}

jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${CI_NODE_VERSION}
      - name: Install svc-sla
        run: npm install -g "$SVC_SLA_PACKAGE"
      - name: Validate the records
        run: svc-sla validate --format github
`;
}

export function gitlabCi(version: string): string {
  return `# GitLab CI job that checks the records; problems appear in the merge request's Code Quality
# widget. Include it from .gitlab-ci.yml:
#   include:
#     - local: .gitlab-ci.svc-sla.yml
# If the records folder is not the root of the repository, name it after \`validate\`.
svc-sla:
  stage: test
  image: node:${CI_NODE_VERSION}
  variables:
    # svc-sla is not on the npm registry: point this at where your svc-sla lives, at a release
    # tag (dist/ prebuilt), e.g. git+https://gitlab.example.com/tools/svc-sla.git#v${version},
    # or a tarball URL (npm pack).
    SVC_SLA_PACKAGE: ${packagePlaceholder(version)}
  script:
    - npm install -g "$SVC_SLA_PACKAGE"
    # stdout is the report; the count goes to the job log. Exit 1 when a record is invalid.
    - svc-sla validate --format gitlab > gl-code-quality-report.json
  artifacts:
    # keep the report when the job fails: that is when it matters
    when: always
    reports:
      codequality: gl-code-quality-report.json
`;
}

export function preCommitConfig(version: string): string {
  return `# pre-commit (https://pre-commit.com) checks the staged records before each commit:
#   pre-commit install        once per clone
# Point repo at the git repository your svc-sla lives in. rev is a release tag, v<version>
# (made by svc-sla's \`npm run release\`: dist/ prebuilt, so installing the hook needs no build
# tools); \`pre-commit autoupdate\` moves it to the newest tag.
repos:
  - repo: ${REPO_PLACEHOLDER}
    rev: v${version}
    hooks:
      - id: svc-sla-validate
`;
}

/**
 * Editor support: the YAML language server validates and completes each kind's files. Schemas
 * by path relative to the workspace (the records folder opened in VS Code): the copies in
 * SCHEMA_DIR, which every clone has.
 */
export function vscodeSettings(): string {
  const at = (name: string) => `./${SCHEMA_DIR}/${name}.schema.json`;
  const schemas: Record<string, string[]> = {
    [at('config')]: ['svc-sla.yaml'],
    [at('calendar')]: ['calendars/**/*.yaml', 'calendars/**/*.yml'],
    [at('lock')]: ['locks/*.yaml'],
  };
  // the `.file` schemas accept one record or a list of records, as record files may hold either
  for (const kind of KINDS) schemas[at(`${kind}.file`)] = [`${kind}/**/*.yaml`, `${kind}/**/*.yml`];
  // one line per schema: the file is read by people merging it into their own settings
  const entries = Object.entries(schemas).map(([schema, globs]) => `    ${JSON.stringify(schema)}: [${globs.map((g) => JSON.stringify(g)).join(', ')}]`);
  return `{\n  "yaml.schemas": {\n${entries.join(',\n')}\n  }\n}\n`;
}

/** VS Code offers to install the YAML extension that reads yaml.schemas. */
export const VSCODE_EXTENSIONS = `{\n  "recommendations": ["redhat.vscode-yaml"]\n}\n`;
