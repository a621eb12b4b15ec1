import type { TestProject } from 'vitest/node';
import { startLocalProviders } from '../../local/local-providers.mjs';
import { startFakeUpstreams } from '../fakes/fake-upstreams.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUrl: string;
    localProvidersUrl: string;
  }
}

/**
 * Runs in Node: the fake upstreams (scripted test scenarios) and the local demo providers (what
 * `npm start` runs without keys) live for the whole run; tests in workerd reach them over HTTP.
 */
export default async function setup(project: TestProject) {
  const fakes = await startFakeUpstreams({ port: 0 });
  const local = await startLocalProviders({ port: 0 });
  project.provide('fakeUrl', fakes.url);
  project.provide('localProvidersUrl', local.url);
  return async () => {
    await fakes.close();
    await local.close();
  };
}
