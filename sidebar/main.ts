// The sidebar's script: bundled and inlined into dist/sidebar.html by scripts/build.mjs.
const app = document.getElementById('app');
if (app) app.dataset.ready = 'true';
