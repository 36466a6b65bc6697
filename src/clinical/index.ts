export { extractClinicalFacts } from './extract.js';
export { extractRegimens, type RegimenOptions } from './extract-regimens.js';
export {
  ClinicalFactsSchema,
  RegimenSchema,
  SafetyFactSchema,
  SourceRefSchema,
  type ClinicalFacts,
  type Regimen,
  type SafetyFact,
  type SafetyStatus,
  type SourceRef,
  type Population,
  type Phase,
  type Route,
} from './schema.js';
export { bodySurfaceArea, bsaExpression, BSA_METHODS, DEFAULT_BSA_METHOD, type BsaMethod } from './bsa.js';
export {
  computeDose,
  selectRegimen,
  registerDoseSchemas,
  DOSE_LIMITS,
  DoseRequestSchema,
  DoseResponseSchema,
  DoseRefusalSchema,
  type DoseAnswer,
  type DosePatient,
  type DoseRequest,
  type DoseResponse,
} from './dose.js';
export { scheduleDates, toIcs, type ScheduleAnswer, type ScheduleResult, type IcsOptions } from './schedule.js';
