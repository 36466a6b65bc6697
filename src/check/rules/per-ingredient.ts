import type { Rule } from '../rule.js';

/**
 * `combination-per-ingredient`: a combination page made of per-ingredient sections
 * (`### Acebrophylline Usage`, or `### Mebeverine` groups) is published as one product.
 */
export const perIngredient: Rule = {
  name: 'per-ingredient',
  codes: ['combination-per-ingredient'],
  checkFile(file, view, _ctx, report) {
    const m = file.result.monograph;
    if (!m || m.perIngredient.length === 0) return;
    const starts = m.perIngredient.flatMap((g) => g.sections.map((s) => s.range.start));
    const ends = m.perIngredient.flatMap((g) => g.sections.map((s) => s.range.end));
    const names = m.perIngredient.map((g) => g.ingredient);
    report(
      'combination-per-ingredient',
      view.spanOfLines(Math.min(...starts), Math.max(...ends)),
      `"${m.title}" is described ingredient by ingredient (${names.join(', ')}) rather than as one product, but it is published as one product page.`,
    );
  },
};
