/** Values shared by the Node side (vitest config, global setup) and the tests in workerd. */
export const TEST_TOKENS = {
  /** The main access token most tests use. */
  main: 'director-test-token-main-Z8f3kq2Lx0',
  /** A second token, so rate-limit tests do not starve the others. */
  limited: 'director-test-token-limited-Q4w7Ne1Vb5',
  quota: 'director-test-token-quota-M2c9Rt6Hy3',
} as const;

export const APP_ORIGIN = 'https://app.director.test';

/** Same values as test/fakes/fake-upstreams.mjs FAKE_DEFAULTS. */
export const FAKE_KEYS = {
  geminiServer: 'fake-gemini-server-key-7Qx2Lm9Rt4Vb',
  geminiUser: 'fake-gemini-user-key-Hn3Ks8Pw1Zc6',
  runway: 'key_fake0runway0secret0d41d8cd98f00b204e9800998ecf8427e',
  render: 'fake-render-service-token-5f2b',
  pexels: 'fake-pexels-key-Lq8Wn2Vz5Rt0Yc3Hd6Ms9Xb1',
  pixabay: '12345678-fakepixabay0key0a1b2c3d4e5',
  openai: 'sk-fake0openai0video0secret0a1b2c3d4e5f',
} as const;

/** FAKE_DEFAULTS.realLookingKeys: shaped like real Google and Runway keys. */
export const REAL_LOOKING_KEYS = {
  gemini: 'AIzaSyD4x9Qm2LkT7vRw3NcBh8JpZs5Ye1UfGo0',
  runway: `key_${'3f0c9a7e1b5d2c84'.repeat(8)}`,
} as const;
