// Types for `env` / `exports` from "cloudflare:workers" inside the tests.
declare namespace Cloudflare {
  interface Env extends import('../src/env').Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
  interface Exports {
    default: Fetcher;
  }
}
