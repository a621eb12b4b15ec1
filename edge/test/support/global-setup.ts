import type { TestProject } from 'vitest/node';
import { startFakeUpstreams } from '../fakes/fake-upstreams.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeUrl: string;
  }
}

/** Runs in Node: the fake upstreams live for the whole run; tests in workerd reach them over HTTP. */
export default async function setup(project: TestProject) {
  const fakes = await startFakeUpstreams({ port: 0 });
  project.provide('fakeUrl', fakes.url);
  return async () => {
    await fakes.close();
  };
}
