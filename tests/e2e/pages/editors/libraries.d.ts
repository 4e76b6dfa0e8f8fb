// The little the test pages use of editor libraries that ship no types.

declare module 'pell' {
  export function init(options: { element: HTMLElement; onChange(html: string): void; actions?: string[] }): HTMLElement & { content: HTMLElement };
}

declare module 'medium-editor' {
  export default class MediumEditor {
    constructor(element: HTMLElement, options?: object);
    getContent(): string;
  }
}
