import type { Command } from 'commander';
import { ROLES, type Role, type UserAttributes } from '../../access/viewer.ts';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliUsageError, withFlagNames } from '../errors.ts';
import { ATTRIBUTE_HELP, parseAttributes, parseRoles, parseUuid } from '../options.ts';
import type { ApiUser } from '../users-lookup.ts';

type Options = {
  agency: string;
  username: string;
  roles: Role[];
  attributes?: UserAttributes;
  displayName?: string;
  email?: string;
  passwordStdin?: boolean;
};

type CreatedUser = ApiUser & { attributes: UserAttributes; oneTimePassword?: string };

const FLAGS = {
  'body.agencyId': '--agency',
  'body.username': '--username',
  'body.roles': '--roles',
  'body.attributes': '--attributes',
  'body.displayName': '--display-name',
  'body.email': '--email',
  'body.password': '--password-stdin',
};

export function registerUserCreate(user: Command, run: Run): void {
  user
    .command('create')
    .description('Create a user account')
    .requiredOption('--agency <id>', 'id of the agency the user belongs to', parseUuid)
    .requiredOption('--username <username>', 'sign-in name: letters, digits, dot, dash, underscore')
    .requiredOption('--roles <list>', `comma-separated, from: ${ROLES.join(', ')}`, parseRoles)
    .option('--attributes <list>', `comma-separated: ${ATTRIBUTE_HELP}`, parseAttributes)
    .option('--display-name <name>', 'name shown to others (default: the username)')
    .option('--email <email>', 'e-mail address')
    .option(
      '--password-stdin',
      'read the password from stdin; without it the server generates a one-time password',
    )
    .action(
      run<Options>(async (opts, { out }) => {
        const config = loadConfig();
        const password = opts.passwordStdin ? await readPassword() : undefined;
        const body = {
          agencyId: opts.agency,
          username: opts.username,
          displayName: opts.displayName ?? opts.username,
          roles: opts.roles,
          ...(opts.attributes ? { attributes: opts.attributes } : {}),
          ...(opts.email ? { email: opts.email } : {}),
          ...(password === undefined ? {} : { password }),
        };
        const created = await withApiClient(config, 'CLI: user create', (api) =>
          api.request<CreatedUser>('POST', '/users', body).catch(withFlagNames(FLAGS)),
        );
        out.result(created, describe(created));
        return 0;
      }),
    );
}

function describe(u: CreatedUser): string[] {
  const attributes = Object.entries(u.attributes)
    .filter(([, v]) => v !== false && v !== null)
    .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : k));
  const lines = [
    `Created user ${u.username} (${u.displayName})`,
    `  id:         ${u.id}`,
    `  agency:     ${u.agencyId}`,
    `  roles:      ${u.roles.join(', ')}`,
    `  attributes: ${attributes.length ? attributes.join(', ') : '(none)'}`,
  ];
  if (u.oneTimePassword) {
    lines.push(
      '',
      `One-time password: ${u.oneTimePassword}`,
      'It is shown only once; the user must change it at first sign-in.',
    );
  }
  return lines;
}

/** The whole of stdin, less one trailing newline (so `echo secret |` works). */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length === 0) throw new CliUsageError('--password-stdin: no password on stdin');
  return password;
}
