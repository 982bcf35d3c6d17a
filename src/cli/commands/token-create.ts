import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { ApiProblemError, withFlagNames } from '../errors.ts';
import { parsePositiveInt } from '../options.ts';
import { findUserByUsername } from '../users-lookup.ts';

type Options = { username: string; name?: string; expiresInDays?: number };

type CreatedToken = {
  id: string;
  name: string;
  prefix: string;
  token: string;
  expiresAt: string | null;
  createdAt: string;
};

const FLAGS = { 'body.name': '--name', 'body.expiresInDays': '--expires-in-days' };

export function registerTokenCreate(token: Command, run: Run): void {
  token
    .command('create')
    .description('Create an API token for a user')
    .requiredOption('--username <username>', 'the user the token acts as')
    .option('--name <name>', 'a label to recognise the token by (default "api")')
    .option('--expires-in-days <days>', 'days until it expires (default: never)', parsePositiveInt)
    .action(
      run<Options>(async (opts, { out }) => {
        const config = loadConfig();
        const body = {
          ...(opts.name === undefined ? {} : { name: opts.name }),
          ...(opts.expiresInDays === undefined ? {} : { expiresInDays: opts.expiresInDays }),
        };
        const { user, created } = await withApiClient(config, 'CLI: token create', async (api) => {
          const user = await findUserByUsername(api, opts.username);
          if (!user) {
            throw new ApiProblemError({
              status: 404,
              code: 'users.not_found',
              title: 'No such user',
              detail: `There is no user named '${opts.username}'`,
            });
          }
          const created = await api
            .request<CreatedToken>('POST', `/users/${user.id}/tokens`, body)
            .catch(withFlagNames(FLAGS));
          return { user, created };
        });
        out.result({ ...created, userId: user.id, username: user.username }, [
          `Created API token "${created.name}" for ${user.username}`,
          `  id:      ${created.id}`,
          `  expires: ${created.expiresAt ?? 'never'}`,
          '',
          created.token,
          '',
          'The token is shown only once: store it now. Send it as "Authorization: Bearer <token>".',
        ]);
        return 0;
      }),
    );
}
