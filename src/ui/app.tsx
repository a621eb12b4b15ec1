import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy, onCleanup, onMount } from 'solid-js';
import { HomePage } from './home/home-page';
import { purgeExpiredTrash } from './home/project-actions';
import { runLatestToastAction, Toasts } from './shell/toasts';

const ProjectPage = lazy(() => import('./project/project-page'));
const ProjectView = lazy(() => import('./project/project-view'));
const SettingsPage = lazy(() => import('./settings/settings-page'));
const NotFound = lazy(() => import('./shell/not-found'));
const SharedProjectPage = lazy(() => import('./share/shared-project-page'));

function Shell(props: RouteSectionProps) {
  const onKey = (e: KeyboardEvent) => {
    const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typing) {
      if (runLatestToastAction()) e.preventDefault();
    }
  };
  onMount(() => {
    window.addEventListener('keydown', onKey);
    void purgeExpiredTrash();
    // Off the first paint: SVG stored before imports were sanitised is cleaned once.
    void Promise.all([import('../app/assets/clean-stored-svg'), import('../app/assets/sanitize-svg'), import('../app/db')]).then(([{ cleanStoredSvgOnce }, { svgSanitizer }, { db }]) =>
      cleanStoredSvgOnce(db, svgSanitizer),
    );
  });
  onCleanup(() => window.removeEventListener('keydown', onKey));
  return (
    <>
      {props.children}
      <Toasts />
    </>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={HomePage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/projects/:id" component={ProjectPage}>
        <Route path="/" component={() => <Navigate href="canvas" />} />
        <Route path="/:view" component={ProjectView} />
      </Route>
      <Route path="/s/:id" component={SharedProjectPage} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
