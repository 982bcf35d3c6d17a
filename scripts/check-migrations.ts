/**
 * CI check that the Drizzle schema and the committed migrations agree: drizzle-kit generates
 * into a scratch copy of migrations/ and must answer "No schema changes". Anything else (a new
 * migration, or an error — drizzle-kit exits 0 on some) fails the check. `npm run db:check`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

// drizzle-kit prefixes "./" to the output path, so the scratch copy must be relative.
const scratch = relative(process.cwd(), mkdtempSync('.migrations-check-'));
try {
  cpSync('migrations', scratch, { recursive: true });
  const output = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'drift-check'], {
    env: { ...process.env, DRIZZLE_OUT: scratch },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!/No schema changes/.test(output)) {
    console.error(output);
    console.error('Schema and migrations disagree (or drizzle-kit failed; see above).');
    console.error('Run `npm run db:generate -- --name <change>`, review the SQL and commit it.');
    process.exitCode = 1;
  } else {
    console.log('Schema and migrations agree.');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
