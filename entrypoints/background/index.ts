import { setUpPing } from './ping';
import { setUpRegister } from './register-handlers';

// Wiring only: one concern per file.
export default defineBackground(() => {
  setUpPing();
  setUpRegister();
});
