export { DiagnosticSchema, SeveritySchema, type Diagnostic, type Severity, type Position } from './diagnostic.js';
export { CODES, diag, type DiagnosticCode } from './codes.js';
export { formatText, sortDiagnostics, countBySeverity, countByCode } from './format.js';
