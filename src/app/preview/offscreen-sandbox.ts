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
        // Inside the viewport but invisible: Chromium throttles cross-origin frames that are
        // scrolled out of view, and a throttled frame never finishes decoding a <Video>.
        stage.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:360px;opacity:0;pointer-events:none;z-index:-1;';
        stage.setAttribute('aria-hidden', 'true');
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
