/**
 * A prompt typed before its project existed (Home → "Describe your video"), handed to the
 * Director chat of that project, which sends it once when it opens. Session storage: it survives
 * the navigation and a reload of that tab, never reaches another tab, and is taken exactly once.
 */
const key = (projectId: string) => `director.pending-prompt.${projectId}`;

export function queueDirectorPrompt(projectId: string, prompt: string): void {
  sessionStorage.setItem(key(projectId), prompt);
}

/** The queued prompt, removed as it is read (so a second chat panel does not send it again). */
export function takeDirectorPrompt(projectId: string): string | null {
  const prompt = sessionStorage.getItem(key(projectId));
  if (prompt !== null) sessionStorage.removeItem(key(projectId));
  return prompt?.trim() ? prompt : null;
}
