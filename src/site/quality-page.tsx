import type { FC } from 'hono/jsx';
import type { Catalog } from '../catalog/index.js';
import { qualityReport, type FileReport, type Finding, type QualityReport, type RuleCount } from '../check/index.js';
import { siteContext, type SiteContext } from './context.js';
import { Breadcrumb, Layout } from './layout.js';
import { renderDocument } from './render.js';
import { signature, TEMPLATE_VERSION } from './signature.js';
import { formatInt } from './text.js';
import type { PageSpec, SiteOptions } from './types.js';

/** Where the report lives; excluded from the sitemap and from search, `noindex`. */
export const QUALITY_PATH = '/quality/';
/** Its output file. */
export const QUALITY_FILE = 'quality/index.html';

export interface QualityPageOptions {
  /**
   * Link to a source line: `{file}` (the display path, URL-encoded per segment) and `{line}` are
   * filled in, e.g. `https://git.example.org/content/blob/main/{file}#L{line}`. Without it the
   * page shows `file:line` as text.
   */
  sourceUrl?: string;
  /** Files whose findings are listed one by one, worst first (default 200); the rest are counted. */
  maxFiles?: number;
  /** Rows of the "worst pages" table (default 25). */
  worstPages?: number;
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

function sourceHref(template: string | undefined, file: string, line: number): string | null {
  if (template === undefined) return null;
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return template.replaceAll('{file}', encoded).replaceAll('{line}', String(line));
}

const anchor = (code: string): string => `rule-${code}`;

const SourceLink: FC<{ options: QualityPageOptions; file: string; line: number; column?: number }> = ({ options, file, line, column }) => {
  const label = `${file}:${line}${column !== undefined ? `:${column}` : ''}`;
  const href = sourceHref(options.sourceUrl, file, line);
  return href === null ? <code>{label}</code> : <a href={href}><code>{label}</code></a>;
};

const Severity: FC<{ severity: Finding['severity'] }> = ({ severity }) => <span class={`badge badge-${severity}`}>{SEVERITY_LABEL[severity]}</span>;

const RuleTable: FC<{ rules: readonly RuleCount[] }> = ({ rules }) => (
  <table class="quality-rules">
    <caption>Findings per rule</caption>
    <thead>
      <tr>
        <th scope="col">Rule</th>
        <th scope="col">Severity</th>
        <th scope="col">Findings</th>
        <th scope="col">Files</th>
      </tr>
    </thead>
    <tbody>
      {rules.map((r) => (
        <tr>
          <th scope="row">
            <a href={`#${anchor(r.doc.code)}`}>{r.doc.title}</a> <code>{r.doc.code}</code>
          </th>
          <td>
            <Severity severity={r.doc.severity} />
          </td>
          <td>{formatInt(r.count)}</td>
          <td>{formatInt(r.files)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const PageLink: FC<{ ctx: SiteContext; file: FileReport }> = ({ ctx, file }) =>
  file.page === null ? <span>not published</span> : <a href={ctx.href(file.page.url)}>{file.page.title}</a>;

const WorstTable: FC<{ ctx: SiteContext; options: QualityPageOptions; files: readonly FileReport[] }> = ({ ctx, options, files }) => (
  <table class="quality-worst">
    <caption>Pages with the most problems</caption>
    <thead>
      <tr>
        <th scope="col">Page</th>
        <th scope="col">Source</th>
        <th scope="col">Errors</th>
        <th scope="col">Warnings</th>
        <th scope="col">Notes</th>
      </tr>
    </thead>
    <tbody>
      {files.map((f) => (
        <tr>
          <th scope="row">
            <PageLink ctx={ctx} file={f} />
          </th>
          <td>
            <SourceLink options={options} file={f.file} line={1} />
          </td>
          <td>{f.counts.error}</td>
          <td>{f.counts.warning}</td>
          <td>{f.counts.info}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const FileFindings: FC<{ ctx: SiteContext; options: QualityPageOptions; file: FileReport; index: number }> = ({ ctx, options, file, index }) => (
  <section class="quality-file" aria-labelledby={`file-${index}`}>
    <h3 id={`file-${index}`}>
      <PageLink ctx={ctx} file={file} /> <span class="subtitle">({file.file})</span>
    </h3>
    <ol class="quality-findings">
      {file.findings.map((f) => (
        <li>
          <Severity severity={f.severity} /> {f.message} <a href={`#${anchor(f.code)}`}>{f.code}</a> — <SourceLink options={options} file={f.file} line={f.line} column={f.column} />
          {f.fixable && <> <span class="matched">(--fix repairs it)</span></>}
        </li>
      ))}
    </ol>
  </section>
);

/** `/quality/`: counts per rule, the worst pages, each finding with links to its page and source line, and the rules' docs. */
export const QualityPage: FC<{ ctx: SiteContext; report: QualityReport; options: QualityPageOptions }> = ({ ctx, report, options }) => {
  const maxFiles = options.maxFiles ?? 200;
  const shown = report.byFile.slice(0, maxFiles);
  const hidden = report.byFile.length - shown.length;
  const hiddenFindings = report.byFile.slice(maxFiles).reduce((n, f) => n + f.findings.length, 0);
  const total = report.counts.error + report.counts.warning + report.counts.info;
  return (
    <Layout
      ctx={ctx}
      kind="quality"
      headerSearch={true}
      title={`Content quality report | ${ctx.options.siteName}`}
      description="Broken, inconsistent and suspicious pages found by formulary check, for editors."
      path={QUALITY_PATH}
      ogTitle="Content quality report"
      ogType="website"
      jsonLd={[]}
      noindex={true}
    >
      <Breadcrumb
        ctx={ctx}
        items={[
          { label: 'Home', path: '/' },
          { label: 'Content quality', path: null },
        ]}
      />
      <h1>Content quality report</h1>
      <p class="notice">
        For editors: what <code>formulary check</code> found in the content of the full build of{' '}
        <time datetime={ctx.options.builtAt}>{ctx.options.builtAt.slice(0, 16).replace('T', ' ')} UTC</time> (a watched rebuild does not re-check;
        run <code>formulary check</code> for the current state). This page is not in the sitemap or in search, and a <code>--public</code> build
        leaves it out.
      </p>
      <ul class="counts">
        <li>
          <strong>{formatInt(report.files)}</strong> files checked
        </li>
        <li>
          <strong>{formatInt(report.counts.error)}</strong> errors
        </li>
        <li>
          <strong>{formatInt(report.counts.warning)}</strong> warnings
        </li>
        <li>
          <strong>{formatInt(report.counts.info)}</strong> notes
        </li>
        <li>
          <strong>{formatInt(report.fixable)}</strong> repairable with <code>--fix</code>
        </li>
      </ul>
      {total === 0 ? (
        <p>No findings: every page passed every rule.</p>
      ) : (
        <>
          <h2 id="rules-h">Findings per rule</h2>
          <RuleTable rules={report.rules} />
          <h2 id="worst-h">Pages with the most problems</h2>
          <WorstTable ctx={ctx} options={options} files={report.byFile.slice(0, options.worstPages ?? 25)} />
          <h2 id="findings-h">Findings by page</h2>
          {hidden > 0 && (
            <p>
              The {formatInt(shown.length)} worst files are listed; {formatInt(hiddenFindings)} findings in {formatInt(hidden)} more files are counted above.
              Run <code>formulary check --format json</code> for all of them.
            </p>
          )}
          {shown.map((f, i) => (
            <FileFindings ctx={ctx} options={options} file={f} index={i} />
          ))}
          <h2 id="docs-h">The rules</h2>
          <dl class="quality-docs">
            {report.rules.map((r) => (
              <>
                <dt id={anchor(r.doc.code)}>
                  {r.doc.title} <code>{r.doc.code}</code> <Severity severity={r.doc.severity} />
                </dt>
                <dd>
                  <p>{r.doc.summary}</p>
                  <p>{r.doc.hint}</p>
                  {r.doc.bad !== '' && (
                    <>
                      <p>Reported:</p>
                      <pre>
                        <code>{r.doc.bad}</code>
                      </pre>
                      <p>Not reported:</p>
                      <pre>
                        <code>{r.doc.good}</code>
                      </pre>
                    </>
                  )}
                </dd>
              </>
            ))}
          </dl>
        </>
      )}
    </Layout>
  );
};

/**
 * The `/quality/` page of a build, as a PageSpec the build writes like any other page. Not part of
 * `sitePages` (so it is never in the sitemap, and `--public` simply does not add it).
 * @example if (!opts.public) pages.push(qualityPageSpec(runChecks(content), catalog, files, options))
 */
export function qualityPageSpec(findings: readonly Finding[], catalog: Catalog, files: number, site: SiteOptions, options: QualityPageOptions = {}): PageSpec {
  const report = qualityReport(findings, catalog, files);
  const ctx = siteContext(site);
  return {
    path: QUALITY_FILE,
    signature: signature([TEMPLATE_VERSION, 'quality', site.siteUrl ?? '', site.siteName, options.sourceUrl ?? '', options.maxFiles ?? 200, options.worstPages ?? 25, JSON.stringify(report)]),
    render: () => renderQualityPage(ctx, report, options),
  };
}

/** The quality page's HTML for a report (the server could render it on request, as it does search). */
export function renderQualityPage(ctx: SiteContext, report: QualityReport, options: QualityPageOptions = {}): string {
  return renderDocument(<QualityPage ctx={ctx} report={report} options={options} />);
}
