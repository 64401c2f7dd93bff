import { setUpPing } from './ping';

// Wiring only: one concern per file.
export default defineBackground(() => {
  setUpPing();
});
