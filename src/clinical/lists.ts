import type { Section } from '../model/index.js';
import type { ListItem } from './schema.js';
import { sectionLines, sentences } from './section-lines.js';

/**
 * Contraindications, interactions and monitoring parameters as the page lists them: the bullets of
 * their sections (each item as written), or, in prose, the list after "contraindicated in
 * patients with" and the items of a `**Monitoring Parameters:**` line.
 */

export interface ListOptions {
  file: string;
}

const NOTHING = /^(?:none|none known|no (?:known|specific|significant|established|major)\b.*|not (?:known|established|available)\b.*|limited (?:data|information)\b.*|data (?:are|is) limited\b.*)\.?$/i;

function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:-]+|[\s,;:.]+$/g, '')
    .trim();
}

/** Items of a list section: one per bullet (label and text joined), or one per sentence of prose. */
function sectionItems(section: Section | undefined, opts: ListOptions): ListItem[] {
  if (!section) return [];
  const out: ListItem[] = [];
  const lines = sectionLines(section);
  const bullets = lines.filter((l) => l.kind === 'bullet');
  for (const l of bullets.length ? bullets : lines.filter((x) => x.kind === 'text')) {
    const whole = clean(l.label ? `${l.label}: ${l.text}` : l.text);
    if (!whole || NOTHING.test(whole)) continue;
    if (bullets.length) out.push({ text: whole, source: { file: opts.file, line: l.line, text: whole } });
    else for (const s of sentences(whole)) if (!NOTHING.test(s.text)) out.push({ text: clean(s.text), source: { file: opts.file, line: l.line, text: s.text } });
  }
  return out;
}

const CONTRA_PROSE = /\bcontraindicated\b(?:\s*\([^)]*\))?\s+(?:in|for)\s+(?:patients|people|individuals|those|anyone)?\s*(?:with|who have)\s+(.+?)\.?$/i;

/** Contraindications: the section's items, else the list after "contraindicated in patients with" in Precautions. */
export function extractContraindications(sections: readonly Section[], opts: ListOptions): ListItem[] {
  const items = sectionItems(sections.find((s) => s.id === 'contraindications'), opts);
  if (items.length) return items;
  const out: ListItem[] = [];
  const precautions = sections.find((s) => s.id === 'precautions');
  if (!precautions) return out;
  for (const l of sectionLines(precautions)) {
    for (const s of sentences(l.text)) {
      const m = CONTRA_PROSE.exec(s.text);
      if (!m) continue;
      const parts = m[1]!.includes(';') ? m[1]!.split(';') : [m[1]!];
      for (const p of parts) {
        const t = clean(p.replace(/^(?:a|an|the)\s+(?:known\s+)?/i, (x) => (/known/i.test(x) ? 'known ' : '')));
        if (t) out.push({ text: t, source: { file: opts.file, line: l.line, text: s.text } });
      }
    }
  }
  return out;
}

/** Interactions: the section's items, else Precautions sentences that speak of interactions. */
export function extractInteractions(sections: readonly Section[], opts: ListOptions): ListItem[] {
  const items = sectionItems(sections.find((s) => s.id === 'interactions'), opts);
  if (items.length) return items;
  const out: ListItem[] = [];
  const precautions = sections.find((s) => s.id === 'precautions');
  if (!precautions) return out;
  for (const l of sectionLines(precautions)) {
    for (const s of sentences(l.text)) if (/\binteract(?:s|ions?)?\b/i.test(s.text)) out.push({ text: clean(s.text), source: { file: opts.file, line: l.line, text: s.text } });
  }
  return out;
}

const MONITOR_LABEL = /^monitoring(?:\s+parameters)?$|^monitor$/i;

/** Monitoring parameters: `**Monitoring Parameters:** A, B, C.` items and `Monitor: X.` bullets, once each. */
export function extractMonitoring(sections: readonly Section[], opts: ListOptions): ListItem[] {
  const out: ListItem[] = [];
  const seen = new Set<string>();
  const add = (text: string, line: number, source: string): void => {
    const t = clean(text.replace(/^(?:and|or)\s+/i, '').replace(/^(?:monitor(?:ing)?(?:\s+for)?|regular(?:ly)?|periodic(?:ally)?)\s+/i, ''));
    if (t.length < 3 || t.split(' ').length > 10) return;
    const key = t.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text: t.charAt(0).toUpperCase() + t.slice(1), source: { file: opts.file, line, text: source } });
  };
  for (const s of sections) {
    if (s.id !== 'summary' && s.id !== 'precautions') continue;
    for (const l of sectionLines(s)) {
      if (!l.label || !MONITOR_LABEL.test(l.label)) continue;
      const first = sentences(l.text)[0]?.text ?? '';
      for (const part of first.replace(/\.$/, '').split(/\s*[,;]\s*/)) add(part, l.line, l.text);
    }
  }
  return out;
}
