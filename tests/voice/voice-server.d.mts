import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
export const ROOT: string;
export const HARNESS_PATH: string;
export function startVoiceServer(): Promise<{ server: ViteDevServer; baseUrl: string }>;
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
