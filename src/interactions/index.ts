export { compileGroups, defaultGroups, phrasePattern, DEFAULT_GROUPS_FILE, InteractionGroupSchema, InteractionGroupsSchema, type CompiledGroup, type InteractionGroup } from './groups.js';
export { profileOf, combinedProfile, brandProfile, searchableNames, classPhrases, type InteractionProfile, type ProfileSource } from './profile.js';
export { checkInteractions, MAX_CHECKED, MIN_CHECKED, type InteractionCheck, type InteractionFinding, type PairCheck } from './check.js';
