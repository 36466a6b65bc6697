import cliProgress from 'cli-progress';

export interface Progress {
  update(phase: string, done: number, total: number): void;
  stop(): void;
}

/** A progress bar on a terminal; plain lines (one per phase) otherwise; nothing when quiet. */
export function createProgress(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet) return { update() {}, stop() {} };
  if (!stream.isTTY) {
    const announced = new Set<string>();
    return {
      update(phase, done, total) {
        if (done === total && !announced.has(phase)) {
          announced.add(phase);
          stream.write(`${phase}: ${total} done\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update(phase, done, total) {
      if (phase !== current) {
        if (current) bar.stop();
        current = phase;
        bar.start(total, done, { phase: phase.padEnd(7) });
      } else bar.update(done);
    },
    stop() {
      if (current) bar.stop();
    },
  };
}
