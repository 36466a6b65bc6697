export { build, rebuild, inspect, type BuildOptions, type BuildReport, type BuildState } from './build.js';
