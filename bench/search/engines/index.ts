import type { Engine } from '../types.js';
import { formularyEngine, type FormularyEngineOptions } from './formulary.js';
import { miniSearchEngine } from './minisearch.js';
import { oramaEngine } from './orama.js';
import { pagefindEngine } from './pagefind.js';

export const ENGINE_NAMES = ['formulary', 'minisearch', 'orama', 'pagefind'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const isEngineName = (s: string): s is EngineName => (ENGINE_NAMES as readonly string[]).includes(s);

/** A fresh, unbuilt engine. */
export async function createEngine(name: EngineName, formulary: FormularyEngineOptions): Promise<Engine> {
  switch (name) {
    case 'formulary':
      return formularyEngine(formulary);
    case 'minisearch':
      return miniSearchEngine();
    case 'orama':
      return oramaEngine();
    case 'pagefind':
      return pagefindEngine();
  }
}
