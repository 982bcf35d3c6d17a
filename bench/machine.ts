import { execFileSync } from 'node:child_process';
import { cpus, totalmem, release, platform } from 'node:os';

/** One line describing the machine, so figures are read against what produced them. */
export function describeMachine(): string {
  const cpu = cpus();
  const pgVersion = (() => {
    try {
      return execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      return 'PostgreSQL client not found';
    }
  })();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${platform()} ${release()}, Node ${process.version}, ${pgVersion}`;
}
