// Boots a production-guard page: the sandbox SDK where a service worker can run, then the bundle.
// Each page in this folder shows one way a merchant can (mis)configure <mp-checkout>; the element
// explains the problem in its `message` part, in the console and in `mp-error`.
import { bootSandbox } from '/demo/sandbox-boot.js';

bootSandbox().catch((error) => {
  const note = document.createElement('p');
  note.textContent = `The page could not start: ${error.message}`;
  document.body.prepend(note);
});
