import type { Output } from './output.ts';

/** What an action gets besides its parsed options. */
export type CommandContext = { out: Output };

/** An action resolves with its exit code (0 ok, 1 operation failed) or throws. */
export type Action<O> = (options: O, ctx: CommandContext) => Promise<number>;

/** Wraps an action for commander; main.ts supplies it and collects the exit code. */
export type Run = <O>(action: Action<O>) => (options: O) => Promise<void>;
