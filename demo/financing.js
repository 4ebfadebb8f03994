// Boots the financing demo pages (financing-mla.html, financing-mlb.html, financing-mlm.html): the
// sandbox SDK through the service worker, then the element's CDN bundle. No inline script: the demo
// server sends a strict Content-Security-Policy.
import { bootSandbox } from '/demo/sandbox-boot.js';

bootSandbox().catch((error) => {
  const note = document.createElement('p');
  note.textContent = `The demo could not start: ${error.message}`;
  document.body.prepend(note);
});
