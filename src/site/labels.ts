import type { Kind } from '../model/index.js';

/** What a page of this kind is, singular: `Generic medicine`. */
export const KIND_LABEL: Record<Kind, string> = {
  composition: 'Generic medicine',
  combination: 'Combination medicine',
  medicine: 'Brand medicine',
};

/** Group headings: `Generic medicines`. */
export const KIND_PLURAL: Record<Kind, string> = {
  composition: 'Generic medicines',
  combination: 'Combinations',
  medicine: 'Brands',
};

/** Short badge text in lists. */
export const KIND_SHORT: Record<Kind, string> = {
  composition: 'Generic',
  combination: 'Combination',
  medicine: 'Brand',
};

/** Display order of kinds in lists. */
export const KINDS: readonly Kind[] = ['composition', 'combination', 'medicine'];
