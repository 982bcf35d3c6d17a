import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';

type Retrained = {
  trainedOn: number;
  trainedAt: string;
  candidatePairs: number;
  mergesAdded: number;
  candidatesAdded: number;
  keptApartByAnalysts: number;
  refusedForConflict: number;
};

export function registerResolutionRetrain(resolution: Command, run: Run): void {
  resolution
    .command('retrain')
    .description(
      'Train the resolution model on every observation, store it, and re-resolve everything with it (adds merges and possible associations; analyst decisions stand)',
    )
    .action(
      run(async (_opts, { out }) => {
        const started = Date.now();
        const result = await withApiClient(loadConfig(), 'CLI: resolution retrain', (api) =>
          api.request<Retrained>('POST', '/resolution/retrain'),
        );
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        out.result(result, [
          `Trained on ${result.trainedOn} observations and re-resolved in ${seconds} s`,
          `  merges added:            ${result.mergesAdded}`,
          `  possible associations:   ${result.candidatesAdded}`,
          `  kept apart by analysts:  ${result.keptApartByAnalysts}`,
          `  refused (conflicting):   ${result.refusedForConflict}`,
        ]);
        return 0;
      }),
    );
}
