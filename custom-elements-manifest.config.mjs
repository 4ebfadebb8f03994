// The manifest documents the public element only: the sandbox double and internals are not API.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/sandbox/**', 'src/**/*.test.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer also lists `dispatchEvent(new MpXEvent(...))` calls it cannot name; the
      // @event JSDoc tags already document every event.
      name: 'mp-events-from-jsdoc-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => /^mp-/.test(e.name ?? ''));
          }
        }
      },
    },
  ],
};
