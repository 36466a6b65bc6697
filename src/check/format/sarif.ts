import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../diagnostics/index.js';
import type { Finding, RelatedLocation, Span } from '../finding.js';
import { RULE_DOCS, type RuleDoc } from '../rules-doc.js';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Tool version for `tool.driver.version`. */
  version: string;
  /** Absolute `file:` URI of the folder the display paths are relative to (the content folders' parent), for `originalUriBaseIds`. */
  rootUri?: string;
}

/** A display path as a relative URI reference (segments percent-encoded). */
const uriOf = (file: string): string => file.split('/').map(encodeURIComponent).join('/');

const region = (s: Span): { startLine: number; startColumn: number; endLine: number; endColumn: number } => ({
  startLine: s.line,
  startColumn: s.column,
  endLine: s.endLine,
  endColumn: s.endColumn,
});

function descriptor(d: RuleDoc): ReportingDescriptor {
  const examples = d.bad !== '' ? `\n\nBad:\n\n\`\`\`markdown\n${d.bad}\n\`\`\`\n\nGood:\n\n\`\`\`markdown\n${d.good}\n\`\`\`` : '';
  return {
    id: d.code,
    name: d.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: d.title },
    fullDescription: { text: d.summary },
    help: { text: `${d.summary}\n\n${d.hint}`, markdown: `${d.summary}\n\n**What to do:** ${d.hint}${examples}` },
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { tags: [d.origin === 'loader' ? 'loader' : 'quality'], fixable: d.fixable },
  };
}

/**
 * A SARIF 2.1.0 log of the findings (validated against the OASIS schema in the tests), so
 * code-scanning tools can show them: one run, every rule described with its doc, results with
 * regions in UTF-16 columns and related locations.
 */
export function toSarif(findings: readonly Finding[], options: SarifOptions): Log {
  const rules = RULE_DOCS.map(descriptor);
  const index = new Map(RULE_DOCS.map((d, i) => [d.code as string, i]));
  const location = (file: string, span: Span, message?: string): NonNullable<Result['locations']>[number] => ({
    physicalLocation: { artifactLocation: { uri: uriOf(file), ...(options.rootUri !== undefined ? { uriBaseId: 'CONTENTROOT' } : {}) }, region: region(span) },
    ...(message !== undefined ? { message: { text: message } } : {}),
  });
  const results: Result[] = findings.map((f) => {
    const r: Result = {
      ruleId: f.code,
      level: LEVEL[f.severity],
      message: { text: `${f.message} ${f.hint}` },
      locations: [location(f.file, f)],
      partialFingerprints: { 'formularyFinding/v1': `${f.code}:${f.file}:${f.line}` },
    };
    const i = index.get(f.code);
    if (i !== undefined) r.ruleIndex = i;
    if (f.related.length > 0) r.relatedLocations = f.related.map((x: RelatedLocation, k) => ({ id: k, ...location(x.file, x, x.message) }));
    return r;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'formulary', version: options.version, rules } },
        ...(options.rootUri !== undefined ? { originalUriBaseIds: { CONTENTROOT: { uri: options.rootUri.endsWith('/') ? options.rootUri : options.rootUri + '/' } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
