import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { INIT_POLICIES, SCHEMA_DIR, type InitPolicy } from '../init/config';
import { occupyingEntries, plannedFiles, schemaCopies, updateSchemaCopies, writeFiles } from '../init/scaffold';
import { CONFIG_FILE, findRecordsFolder } from '../load/discover';
import { diskFiles } from '../source/fs';
import { provenance } from '../util/git';
import { schemaPath } from '../util/paths';
import { editorSchemaText } from '../init/editor-schema';
import { EXIT_OK, UsageError, type Io } from './common';
import { pushAll } from '../util/arrays';

const VERSION: string = require('../../package.json').version;
/** The editor's copy: the record schemas saying in editors' terms what validate reads (init/editor-schema.ts). */
const schemaText = (name: string): string => editorSchemaText(name, fs.readFileSync(schemaPath(name), 'utf8'));

const HELP = `
Creates a records folder, ready to commit and to check:

  svc-sla.yaml                    the folder's settings (contract, policy, time zone Asia/Shanghai,
                                  contract start, report language, CSV encoding and headers),
                                  commented
  tickets/ inspections/ ...       one folder per record kind the policy uses, each with ONE
                                  example record, commented and valid, named *.example.yaml:
                                  not counted until you edit it and remove .example from its
                                  name (validate lists the examples left)
  calendars/README.md             how to add a year's holidays and make-up working days
  .github/workflows/svc-sla.yml   GitHub Actions: validate on push and pull request
  .gitlab-ci.svc-sla.yml          GitLab CI job with a Code Quality report
  .pre-commit-config.yaml         pre-commit: validate the staged records before each commit
  .vscode/settings.json           VS Code (YAML extension): each folder's JSON Schema, by a path
                                  relative to the folder, for checking and completion as you type
  .vscode/extensions.json         recommends the YAML extension (redhat.vscode-yaml)
  ${SCHEMA_DIR}/               copies of this svc-sla's JSON Schemas, which the settings
                                  name: commit them, and every clone's editor finds them

svc-sla is not on the npm registry: the CI files install it from SVC_SLA_PACKAGE and the
pre-commit file names its repository; both hold a placeholder to replace with where your
svc-sla lives, at the release tag v${VERSION} (svc-sla's releases are tags v<version>).

After upgrading svc-sla, --update-schemas rewrites the copies in ${SCHEMA_DIR}/ with the
new version's schemas (the only files init ever changes) and lists what changed.

The folder (default: the current one) is created if missing. A folder that already holds
anything other than .git is refused unless --force is given; even then no existing file is
changed (each is listed as skipped), and no example is added to a kind folder that already
holds files.

Policies:
  gd-transmission   Guangdong Telecom transmission maintenance: all ten kinds, Chinese labels
  after-sales       generic after-sales commitments: tickets, consultations, assessments, English

Examples:
  $ svc-sla init records                         # new folder records/, policy gd-transmission
  $ svc-sla init --policy after-sales            # here, in an empty folder
  $ svc-sla init . --force                       # add what is missing to an existing folder
  $ svc-sla init --update-schemas                # after upgrading svc-sla: refresh the editor schemas
  $ cd records && git init && git add . && svc-sla validate
`;

export function initCommand(io: Io): Command {
  return new Command('init')
    .summary('create a records folder with examples, CI and editor set-up')
    .description('Create a records folder: svc-sla.yaml, one example record per kind, CI files for GitHub, GitLab and pre-commit, and VS Code schema settings.')
    .argument('[folder]', 'folder to create or fill (default: the current folder)')
    .addOption(new Option('-p, --policy <policy>', 'built-in policy written into svc-sla.yaml').choices([...INIT_POLICIES]).default('gd-transmission'))
    .option('--force', 'fill a folder that is not empty: add only the missing files, never change one')
    .option('--update-schemas', `rewrite the editor's schema copies in ${SCHEMA_DIR}/ with this svc-sla's; nothing else`)
    .addHelpText('after', HELP)
    .action((folderArg: string | undefined, opts: { policy: InitPolicy; force?: boolean; updateSchemas?: boolean }) => {
      const folder = path.resolve(io.cwd, folderArg ?? '.');
      const shown = folderArg ?? '.';
      if (opts.updateSchemas === true) {
        if (!fs.existsSync(path.join(folder, CONFIG_FILE))) throw new UsageError(`${shown}: not a records folder (no ${CONFIG_FILE}); run svc-sla init first`);
        let changed: string[];
        try {
          changed = updateSchemaCopies(folder, schemaCopies({ schemaText, version: VERSION }));
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          throw new UsageError(`${shown}: cannot write here (${e.code ?? String(err)}${e.path ? `: ${e.path}` : ''})`);
        }
        const lines = [`svc-sla init --update-schemas: ${folder} (svc-sla ${VERSION})`, ...changed.map((f) => `  updated  ${f}`)];
        lines.push(changed.length === 0 ? `  ${SCHEMA_DIR}/ is up to date` : `Commit them: git add ${SCHEMA_DIR}`);
        io.out(`${lines.join('\n')}\n`);
        io.exitCode = EXIT_OK;
        return;
      }
      prepareFolder(folder, shown, opts.force === true);

      const parent = findRecordsFolder(diskFiles, path.dirname(folder));
      let result;
      try {
        result = writeFiles(folder, plannedFiles({ policy: opts.policy, schemaText, version: VERSION }));
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        throw new UsageError(`${shown}: cannot write here (${e.code ?? String(err)}${e.path ? `: ${e.path}` : ''})`);
      }

      const lines: string[] = [];
      lines.push(`svc-sla init: ${folder} (policy ${opts.policy})`);
      for (const f of result.created) lines.push(`  created  ${f}`);
      for (const s of result.skipped) lines.push(`  skipped  ${s.path} (${s.why})`);
      lines.push('');
      if (result.skipped.some((s) => s.path === '.vscode/settings.json') && !mapsOurSchemas(path.join(folder, '.vscode', 'settings.json'))) {
        // the user's own settings stay untouched: show what to merge instead
        const settings = plannedFiles({ policy: opts.policy, schemaText, version: VERSION }).find((f) => f.path === '.vscode/settings.json')!;
        lines.push('.vscode/settings.json was left unchanged; to check records as you type in VS Code, merge this into it:');
        pushAll(lines, settings.content.trimEnd().split('\n').map((l) => `  ${l}`));
        lines.push('');
      }
      lines.push('Next steps:');
      if (folder !== io.cwd) lines.push(`  cd ${quoteArg(path.relative(io.cwd, folder) || '.')}`);
      if (provenance(folder) === null) lines.push('  git init');
      lines.push('  git add .');
      lines.push('  svc-sla validate');
      lines.push('Then edit the example records into real ones and remove .example from their names (an');
      lines.push('example is never counted), or delete them; and replace the');
      lines.push('placeholder example.invalid in .github/workflows/svc-sla.yml, .gitlab-ci.svc-sla.yml and');
      lines.push('.pre-commit-config.yaml with where your svc-sla lives.');
      io.out(`${lines.join('\n')}\n`);
      if (parent !== null) {
        io.err(
          `svc-sla init: note: ${parent} holds ${CONFIG_FILE} too; this folder is a separate records folder inside it, and validating ${parent} will report these files as not belonging to a kind\n`,
        );
      }
      io.exitCode = EXIT_OK;
    });
}

/** Creates the folder when missing; refuses one that holds anything but .git, unless forced. */
function prepareFolder(folder: string, shown: string, force: boolean): void {
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(folder);
  } catch {
    st = null;
  }
  if (st === null) {
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (err) {
      throw new UsageError(`${shown}: cannot create this folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    return;
  }
  if (!st.isDirectory()) throw new UsageError(`${shown}: exists and is not a folder`);
  let entries: string[];
  try {
    entries = occupyingEntries(folder);
  } catch (err) {
    throw new UsageError(`${shown}: cannot read this folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (entries.length > 0 && !force) {
    const list = entries.length <= 5 ? entries.join(', ') : `${entries.slice(0, 5).join(', ')} and ${entries.length - 5} more`;
    throw new UsageError(
      `${shown} is not empty (${list}): init fills an empty folder. Give --force to add only the missing files; no existing file is changed`,
    );
  }
}

/** The editor settings already name svc-sla's schemas (a previous init, or merged by hand). */
function mapsOurSchemas(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').includes('tickets.file.schema.json');
  } catch {
    return false;
  }
}

function quoteArg(s: string): string {
  return /^[\w./@:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
