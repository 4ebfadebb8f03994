// What Vite's vue template declares, so that `import App from './App.vue'` type-checks in main.ts.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
