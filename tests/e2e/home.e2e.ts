import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STARTER_WORKFLOWS } from '../../src/core/graph/starter-workflows';
import { TEMPLATES } from '../../src/core/templates';
import { templateForWorkflow } from '../../src/core/templates/template-for-workflow';
import { baseUrl, createProjectInUi, graphNode, launchBrowser, openApp, storedProject, waitForBuilt } from './browser';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());
beforeEach(async () => (context = await browser.newContext({ viewport: { width: 1440, height: 900 } })));
afterEach(() => context?.close());

const projectIdOf = (page: Page) => page.url().match(/projects\/([^/]+)/)![1]!;

/** What Home queued for the project's Director chat, read from session storage like the chat does. */
const queuedPrompt = (page: Page, id: string) => page.evaluate((key) => sessionStorage.getItem(key), `director.pending-prompt.${id}`);

/** The chat's turn (running or finished) for a prompt. */
const chatTurnFor = (page: Page, prompt: string) => page.locator('[data-testid=chat-live], [data-testid=chat-turn]').filter({ hasText: prompt }).first();

/** The frame the preview shows now, from its counter ("42 / 404 · 0:01.12"). */
const shownFrame = async (page: Page) => Number((await page.getByTestId('frame-counter').textContent())!.split(' / ')[0]);

describe('Home: from an idea to a video without writing code', () => {
  it('the describe box makes a project sized from the words, opens the Code view and queues the prompt for the Director', async () => {
    const { page, errors } = await openApp(context);
    const prompt = "A vertical TikTok about my cat's birthday party, with confetti";
    const box = page.getByLabel('Describe your video');
    await box.fill(prompt);
    expect(await page.getByTestId('prompt-size').textContent()).toBe('Portrait 1080×1920, because you said “TikTok”');
    await box.press('Control+Enter');
    await page.waitForURL(/\/projects\/[^/]+\/code$/);
    const id = projectIdOf(page);
    await chatTurnFor(page, prompt).waitFor();
    expect(await queuedPrompt(page, id)).toBeNull(); // taken once, by the chat
    expect(await storedProject(page, id)).toMatchObject({ name: "Vertical TikTok about my cat's birthday party", width: 1080, height: 1920, fps: 30 });
    await expect(page.getByLabel('Project name').inputValue()).resolves.toBe("Vertical TikTok about my cat's birthday party");

    // With a project listed, the box is still first on Home (compact); the button works as Ctrl+Enter does.
    await page.getByRole('link', { name: 'All projects' }).click();
    await page.getByRole('article', { name: "Vertical TikTok about my cat's birthday party" }).waitFor();
    await page.getByLabel('Describe your video').fill('  A square teaser for the spring menu  ');
    await page.getByRole('button', { name: 'Make it' }).click();
    await page.waitForURL(/\/projects\/[^/]+\/code$/);
    const second = projectIdOf(page);
    expect(second).not.toBe(id);
    await chatTurnFor(page, 'A square teaser for the spring menu').waitFor();
    expect(await storedProject(page, second)).toMatchObject({ name: 'Square teaser for the spring menu', width: 1080, height: 1080 });
    expect(errors).toEqual([]);
  });

  it('shows each template with its poster and each canvas workflow, and no way to start that does not exist', async () => {
    const { page } = await openApp(context);
    for (const t of TEMPLATES) {
      const card = page.getByRole('button', { name: new RegExp(`^${t.label}`) });
      await card.waitFor();
      // The poster is a real image that loaded (480×270), not a broken link.
      await expect.poll(() => card.locator('img.start-poster').evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(480);
    }
    for (const w of STARTER_WORKFLOWS) await page.getByRole('button', { name: new RegExp(`^${w.name}`) }).locator('svg.workflow-diagram').waitFor();
    expect(await page.getByText(/storyboard|coming soon/i).count()).toBe(0);
  });

  it.each(TEMPLATES.map((t) => [t.label, t.id] as const))('the %s card makes a project that builds, and its first Play plays', async (label, templateId) => {
    const { page, errors } = await openApp(context);
    await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await page.waitForURL(/\/projects\/[^/]+\/code$/);
    const id = projectIdOf(page);
    expect(await storedProject(page, id)).toMatchObject({ name: label, width: 1920, height: 1080 });
    await waitForBuilt(page);
    expect(await page.getByTestId('problems').locator('li').count()).toBe(0);
    expect(await page.locator(`[data-template="${templateId}"]`).count()).toBe(0); // the choices made way for the code

    await page.getByRole('button', { name: 'Play' }).click();
    // The first good build saves the project's thumbnail; that used to rebuild the project and
    // reload the player, which stopped the Play just pressed.
    await expect.poll(async () => (await storedProject(page, id))?.thumbnailAssetId, { timeout: 30_000 }).toBeTruthy();
    const afterThumbnail = await shownFrame(page);
    await expect.poll(() => shownFrame(page), { timeout: 15_000 }).toBeGreaterThan(afterThumbnail + 20);
    expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a canvas workflow card opens the Canvas with that workflow’s nodes, and the code its Composition node renders', async () => {
    const { page, errors } = await openApp(context);
    for (const workflow of STARTER_WORKFLOWS) {
      await page.goto(baseUrl() + '/');
      await page.getByRole('button', { name: new RegExp(`^${workflow.name}`) }).click();
      await page.waitForURL(/\/projects\/[^/]+\/canvas$/);
      const { nodes, edges } = workflow.graph;
      await page.getByTestId('graph-counts').filter({ hasText: `${nodes.length} nodes · ${edges.length} connections` }).waitFor();
      for (const node of nodes.filter((n) => n.label)) await graphNode(page, node.label!).waitFor();
      const template = templateForWorkflow(workflow);
      const files = template ? Object.keys(template.files({ name: 'x', width: 1920, height: 1080, fps: 30 })).length : 0;
      await page.getByTestId('project-counts').filter({ hasText: new RegExp(`^${files} files`) }).waitFor();
      expect(await page.getByRole('heading', { name: 'An empty canvas' }).count()).toBe(0);
    }
    expect(errors).toEqual([]);
  });

  // A whole Director turn (its waits allow 90 s) runs inside this test.
  it('a new empty project shows the ways to start, never a build error, in the Canvas, Code and Render views', { timeout: 180_000 }, async () => {
    const { page, errors } = await openApp(context);
    const id = await createProjectInUi(page, 'Nothing yet');
    await page.getByRole('heading', { name: 'An empty canvas' }).waitFor();
    await page.getByTestId('start-choices').getByLabel('Describe your video').waitFor();

    await page.getByRole('link', { name: 'Code', exact: true }).click();
    const choices = page.getByTestId('start-choices');
    await choices.getByRole('button', { name: /^Explainer/ }).waitFor();
    expect(await page.getByTestId('problems').locator('li').count()).toBe(0);
    expect(await page.getByText(/No entry point|does not build/).count()).toBe(0);

    await page.getByRole('link', { name: 'Render', exact: true }).click();
    await page.getByTestId('start-choices').getByRole('button', { name: /^Basic/ }).waitFor();
    expect(await page.getByText(/No entry point|does not build/).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Describing it here hands the prompt to the Code view's Director.
    await page.getByTestId('start-choices').getByLabel('Describe your video').fill('A calm explainer about composting');
    await page.getByTestId('start-choices').getByRole('button', { name: 'Make it' }).click();
    await page.waitForURL(new RegExp(`/projects/${id}/code$`));
    // … which writes the video: the turn ends clean and the start choices give way to the code.
    await page.getByTestId('chat-turn').filter({ hasText: 'A calm explainer about composting' }).and(page.locator('[data-status=clean]')).waitFor({ timeout: 90_000 });
    await page.getByTestId('start-choices').waitFor({ state: 'detached' });
    await waitForBuilt(page);

    // A template picked in the Code view of another empty project becomes its code (in its name and size), shown in Files.
    await page.getByRole('link', { name: 'All projects' }).click();
    await createProjectInUi(page, 'Template here');
    await page.getByRole('link', { name: 'Code', exact: true }).click();
    await page.getByTestId('start-choices').getByRole('button', { name: /^Explainer/ }).click();
    await waitForBuilt(page);
    await page.getByRole('button', { name: 'Step.tsx', exact: true }).waitFor();
    expect(await page.getByTestId('start-choices').count()).toBe(0);
    expect(await page.getByLabel('Composition', { exact: true }).inputValue()).toBe('Explainer');
    expect(errors).toEqual([]);
  });
});
