import { createApp } from './app';
import type { Env } from './env';
import { ShareStore } from './shares/share-store';

export { TokenLimiter } from './limits/token-limiter';

const app = createApp();

export default {
  fetch: app.fetch,
  /** Daily cron (wrangler.toml [triggers]): remove ciphertext of expired shares. */
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      new ShareStore(env.DB, env.SHARES_BUCKET).sweepExpired(Date.now()).then((swept) => {
        console.log(JSON.stringify({ msg: 'share sweep', swept }));
      }),
    );
  },
} satisfies ExportedHandler<Env>;
