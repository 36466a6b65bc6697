import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { discover } from '../../src/content/index.js';
import type { Kind, Monograph } from '../../src/model/index.js';
import { normalizeFile } from '../../src/normalize/index.js';

/** The bundled sample content (`content/`). */
export const SAMPLE_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

/** Normalize a monograph written inline; fails the test if it is refused. */
export function mono(file: string, text: string, kindHint: Kind | null = null): Monograph {
  const r = normalizeFile({ file, bytes: Buffer.from(text), kindHint });
  assert.ok(r.monograph, `${file} was refused: ${JSON.stringify(r.diagnostics)}`);
  return r.monograph;
}

/** A short rich-format page (Astro). */
export function rich(title: string, extra: { banned?: boolean; usage?: string; sections?: string[] } = {}): string {
  const body = [`## **Usage**`, '', `- ${extra.usage ?? `${title} is used in this test catalog as sample data.`}`, ''];
  for (const s of extra.sections ?? []) body.push(`## **${s}**`, '', `- ${s} of ${title}.`, '');
  return `---\ntitle: ${JSON.stringify(title)}\nis_banned: ${extra.banned ?? false}\n---\n${body.join('\n')}`;
}

/** A short minimal-format page (Jekyll). */
export function minimal(title: string): string {
  return `---\nlayout: minimal-medicine\ntitle: ${JSON.stringify(title)}\n---\n\n# ${title}\n### Generic Name\n${title}\n\n### Usage\n${title} is used in this test catalog as sample data.\n`;
}

/** Every monograph of a content folder, as a build would load it. */
export function loadDir(dir: string): Monograph[] {
  return discover(dir).flatMap((f) => {
    const r = normalizeFile({ file: f.file, bytes: readFileSync(f.abs), kindHint: f.kindHint });
    return r.monograph ? [r.monograph] : [];
  });
}
