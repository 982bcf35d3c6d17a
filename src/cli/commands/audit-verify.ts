import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { EXIT } from '../errors.ts';

type Verification = {
  ok: boolean;
  checked: number;
  head?: { seq: number; hash: string };
  firstBroken?: { seq: number; problem: string };
};

export function registerAuditVerify(audit: Command, run: Run): void {
  audit
    .command('verify')
    .description('Check the audit log hash chain; exit code 1 when it is broken')
    .action(
      run<object>(async (_opts, { out }) => {
        const config = loadConfig();
        const result = await withApiClient(config, 'CLI: audit verify', (api) =>
          api.request<Verification>('GET', '/audit/verify'),
        );
        out.result(result, describe(result));
        return result.ok ? EXIT.ok : EXIT.failed;
      }),
    );
}

function describe(v: Verification): string[] {
  if (v.ok) {
    return [
      `ok: the audit log is intact (${v.checked} rows checked)`,
      ...(v.head ? [`  head: row ${v.head.seq}, hash ${v.head.hash}`] : []),
    ];
  }
  return [
    `BROKEN: the audit log fails verification (${v.checked} rows checked)`,
    ...(v.firstBroken
      ? [`  first broken row: ${v.firstBroken.seq}`, `  problem: ${v.firstBroken.problem}`]
      : []),
  ];
}
