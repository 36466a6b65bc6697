import type { Rule } from '../rule.js';
import { description } from './description.js';
import { doseConflict } from './dose-conflict.js';
import { doseUnits } from './dose-units.js';
import { headingMarkup } from './heading-markup.js';
import { lastModified } from './last-modified.js';
import { links } from './links.js';
import { loaderDiagnostics } from './loader-diagnostics.js';
import { nameSpelling } from './name-spelling.js';
import { notAnswered } from './not-answered.js';
import { perIngredient } from './per-ingredient.js';
import { pregnancy } from './pregnancy.js';
import { emptySections, requiredSections } from './sections.js';
import { titleH1 } from './title-h1.js';

/** Every rule, in the order they run. */
export const RULES: readonly Rule[] = [
  loaderDiagnostics,
  titleH1,
  requiredSections,
  emptySections,
  description,
  nameSpelling,
  notAnswered,
  perIngredient,
  doseUnits,
  pregnancy,
  lastModified,
  links,
  headingMarkup,
  doseConflict,
];
