import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  catalogOf,
  checkJson,
  countFindings,
  fixFile,
  formatFindingsText,
  loadContent,
  runChecks,
  summaryLine,
  toSarif,
  unifiedDiff,
  writeFix,
  type CheckCode,
  type CheckContent,
  type FileFix,
} from '../check/index.js';
import { createProgress } from './progress.js';

export type CheckFormat = 'text' | 'json' | 'sarif';

export interface CheckCommandOptions {
  format: CheckFormat;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Apply the safe fixes. */
  fix: boolean;
  /** With `fix`: print the unified diff instead of writing. */
  dryRun: boolean;
  /** Age in days after which `lastModified` is stale. */
  staleAfterDays?: number;
  /** "Today" for the date rules (tests). */
  now?: Date;
}

interface Io {
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
}

/**
 * `formulary check <dirs>`: read every monograph, run the quality rules, print the findings (text,
 * JSON or SARIF 2.1.0); `--fix` applies the safe fixes first (atomically, only files whose content
 * changes), `--fix --dry-run` prints their unified diff instead. Resolves with the exit code: 2 for
 * unusable arguments, 1 when there are errors (or more warnings than --max-warnings, or a fix could
 * not be written), else 0.
 */
export async function checkCommand(dirs: string[], o: CheckCommandOptions, io: Io): Promise<number> {
  for (const d of dirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) {
      io.err.write(`The content folder "${d}" does not exist or is not a folder. Give the folder that holds the monographs (.md files).\n`);
      return 2;
    }
  }
  if (o.dryRun && !o.fix) {
    io.err.write('--dry-run shows what --fix would change; use it together with --fix.\n');
    return 2;
  }
  const progress = createProgress(io.err, o.format !== 'text');
  const content = loadContent(dirs, (done, total) => progress.update('read', done, total));
  progress.stop();

  let failedWrites = 0;
  if (o.fix) {
    const fixes = content.files.flatMap((f) => {
      const fix = fixFile(f);
      return fix ? [{ fix, digest: f.result.digest }] : [];
    });
    const applied: FileFix[] = [];
    if (o.dryRun) {
      for (const { fix } of fixes) io.out.write(unifiedDiff(fix));
      applied.push(...fixes.map((x) => x.fix));
    } else {
      for (const { fix, digest } of fixes) {
        const outcome = writeFix(fix, digest);
        if (outcome.written) applied.push(fix);
        else {
          failedWrites++;
          io.err.write(`${fix.file}: not fixed, ${outcome.reason}.\n`);
        }
      }
    }
    replaceFixed(content, applied);
    const msg = fixSummary(applied, o.dryRun);
    // Keep standard output parseable: JSON, SARIF and diffs own it.
    (o.format === 'text' && !o.dryRun ? io.out : io.err).write(msg + '\n');
  }

  const findings = runChecks(content, {
    ...(o.now !== undefined ? { now: o.now } : {}),
    ...(o.staleAfterDays !== undefined ? { staleAfterDays: o.staleAfterDays } : {}),
  });
  const files = content.files.length;
  if (!o.dryRun) {
    if (o.format === 'json') io.out.write(JSON.stringify(checkJson(files, findings)) + '\n');
    else if (o.format === 'sarif') io.out.write(JSON.stringify(toSarif(findings, { version: packageVersion(), ...rootOf(dirs) }), null, 2) + '\n');
    else {
      if (findings.length > 0) io.out.write(formatFindingsText(findings) + '\n\n');
      io.out.write(summaryLine(files, findings) + '\n');
    }
  } else io.err.write(`After these fixes: ${summaryLine(files, findings)}\n`);

  const counts = countFindings(findings);
  if (counts.error > 0 || failedWrites > 0) return 1;
  if (o.maxWarnings !== undefined && counts.warning > o.maxWarnings) {
    io.err.write(`${counts.warning} warnings, more than --max-warnings ${o.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Check the fixed text, not the text on disk before the fix. */
function replaceFixed(content: CheckContent, fixes: readonly FileFix[]): void {
  if (fixes.length === 0) return;
  const byFile = new Map(fixes.map((f) => [f.file, f.fixed]));
  content.files = content.files.map((f) => byFile.get(f.file) ?? f);
  content.catalog = catalogOf(content.files);
}

function fixSummary(fixes: readonly FileFix[], dryRun: boolean): string {
  if (fixes.length === 0) return dryRun ? 'Nothing to fix.' : 'Nothing to fix; no file was changed.';
  const per = new Map<CheckCode, number>();
  for (const f of fixes) for (const c of f.applied) per.set(c, (per.get(c) ?? 0) + 1);
  const what = [...per].map(([c, n]) => `${c} in ${n}`).join(', ');
  return dryRun ? `${fixes.length} files would be changed (${what}); nothing was written.` : `Fixed ${fixes.length} files (${what}).`;
}

/** The folder the display paths are relative to, when every content folder has the same parent. */
function rootOf(dirs: readonly string[]): { rootUri?: string } {
  const parents = new Set(dirs.map((d) => dirname(resolve(d))));
  const [only] = parents;
  return parents.size === 1 && only !== undefined ? { rootUri: pathToFileURL(only + '/').href } : {};
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
