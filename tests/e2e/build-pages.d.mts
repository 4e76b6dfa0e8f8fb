export function buildEditorPages(): Promise<void>;
