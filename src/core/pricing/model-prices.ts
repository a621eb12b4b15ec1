/**
 * What the video models cost per generated second, in one table so nodes, the storyboard's batch
 * estimate and the spending cap agree. List prices, read on the date below; a provider may change
 * them, so the UI shows this date beside every estimate.
 */
export const PRICES_READ_ON = '2026-12-06';

export interface ModelPrice {
  label: string;
  usdPerSecond: number;
  source: string;
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'veo-3.1-generate-preview': { label: 'Veo 3.1', usdPerSecond: 0.4, source: 'Gemini API pricing, Veo 3.1 Standard with audio' },
  'veo-3.1-fast-generate-preview': { label: 'Veo 3.1 Fast', usdPerSecond: 0.15, source: 'Gemini API pricing, Veo 3.1 Fast with audio' },
  gen4_turbo: { label: 'Runway Gen-4 Turbo', usdPerSecond: 0.05, source: 'Runway API, 5 credits per second at $0.01 a credit' },
};

/** Dollars for `seconds` of a model; undefined when the model is not in the table. */
export function priceOf(model: string, seconds: number): number | undefined {
  const price = MODEL_PRICES[model];
  return price ? Math.round(price.usdPerSecond * seconds * 100) / 100 : undefined;
}

export const formatUsd = (usd: number) => `$${usd.toFixed(2)}`;
