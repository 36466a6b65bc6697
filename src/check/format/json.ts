import { countByRule, countFindings, type Finding } from '../finding.js';

/** The JSON report: `diagnostics` keeps its name from earlier versions of `formulary check`. */
export interface CheckJson {
  version: 1;
  files: number;
  counts: Record<'error' | 'warning' | 'info', number>;
  byRule: Record<string, number>;
  fixable: number;
  diagnostics: Finding[];
}

export function checkJson(files: number, findings: readonly Finding[]): CheckJson {
  return {
    version: 1,
    files,
    counts: countFindings(findings),
    byRule: countByRule(findings),
    fixable: findings.filter((f) => f.fixable).length,
    diagnostics: [...findings],
  };
}
