export { build, rebuild, type BuildOptions, type BuildReport, type BuildState } from './build.js';
