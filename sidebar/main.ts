// The sidebar's script: bundled and inlined into dist/sidebar.html by scripts/build.mjs.
import type { SheetOverview } from '../src/addon/overview';
import { callServer } from './gas-client';

const app = document.getElementById('app');

function show(text: string, state: 'ready' | 'error'): void {
  const status = document.getElementById('status');
  if (!status || !app) return;
  status.textContent = text;
  status.className = state;
  app.dataset.ready = 'true';
}

callServer<SheetOverview>('getSheetOverview').then(
  (overview) => show(`Feuille « ${overview.name} » : ${overview.dataRows} lignes`, 'ready'),
  (error: Error) => show(`Lecture de la feuille impossible : ${error.message}`, 'error'),
);
