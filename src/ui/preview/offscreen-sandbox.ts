import { makeSandboxHost, type SandboxHost } from './sandbox-host';

/**
 * A sandbox of its own, off screen, created on first use: for work that needs the project's
 * code running without showing it (canvas Composition and Render nodes).
 */
export function makeOffscreenSandbox() {
  let host: SandboxHost | null = null;
  let stage: HTMLDivElement | null = null;
  return {
    get(): SandboxHost {
      if (!host) {
        stage = document.createElement('div');
        stage.style.cssText = 'position:fixed;left:-10000px;top:0;width:640px;height:360px;';
        document.body.append(stage);
        host = makeSandboxHost(stage);
      }
      return host;
    },
    dispose() {
      host?.dispose();
      stage?.remove();
      host = null;
      stage = null;
    },
  };
}
