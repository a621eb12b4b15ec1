import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';

export const ROOT: string;
export const HARNESS_PATH: string;
export const FIXTURES_PATH: string;
export const CHROMIUM_ARGS: string[];
export function tfjsWasmDir(): string | null;
export function buildModels(): void;
export function startVisionServer(): Promise<{ server: ViteDevServer; baseUrl: string; tfjsWasmUrl: string | null }>;
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
