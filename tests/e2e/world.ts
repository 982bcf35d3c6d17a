/** What global-setup.ts hands every browser test through `inject('e2e')`. */
export type E2eWorld = {
  baseUrl: string;
  /** Every demo persona's password. */
  password: string;
  /** Session cookies kept per persona, so tests do not sign in more than the rate limit allows. */
  sessionsDir: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eWorld;
  }
}
