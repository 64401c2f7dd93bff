/** UI state of the panel (zustand): whether it is collapsed to its tab. Data lives in the register. */
import { create } from 'zustand';

export interface PanelUiState {
  collapsed: boolean;
  setCollapsed: (collapsed: boolean) => void;
}

export const usePanelUi = create<PanelUiState>((set) => ({
  collapsed: false,
  setCollapsed: (collapsed) => set({ collapsed }),
}));
