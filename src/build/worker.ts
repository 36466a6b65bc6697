import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Start the worker script `name` (a module beside this one: `normalize-worker`, `fulltext-worker`, `write-worker`).
 * Compiled, it is the `.js` file; run from TypeScript sources (tests, benchmarks) the worker needs
 * tsx's loader, which Node 20 does not pass on through `--import`: register it, then load the script.
 */
export function startWorker(name: string, options: WorkerOptions = {}): Worker {
  const own = import.meta.url;
  if (!own.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, own), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL(`./${name}.ts`, own).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => import(${JSON.stringify(script)}))`;
  return new Worker(boot, { ...options, eval: true });
}
