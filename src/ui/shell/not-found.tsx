import { A } from '@solidjs/router';

export default function NotFound() {
  return (
    <main class="page empty-state">
      <h1>Nothing here</h1>
      <p>This address does not lead to a project or a page of Director.</p>
      <A class="button primary" href="/">
        Back to your projects
      </A>
    </main>
  );
}
