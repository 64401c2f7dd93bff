import { setUpConnections } from './connections';
import { setUpErasure } from './erasure';
import { setUpExport } from './export';
import { setUpPanelHandlers } from './panel-handlers';
import { setUpPing } from './ping';
import { setUpRegister } from './register-handlers';
import { setUpRetention } from './retention';

// Wiring only: one concern per file.
export default defineBackground(() => {
  setUpPing();
  setUpPanelHandlers();
  setUpConnections();
  setUpRegister();
  setUpRetention();
  setUpErasure();
  setUpExport();
});
