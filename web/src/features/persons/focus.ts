// After an item is deleted, the button that opened the dialog is gone: focus goes to a heading
// of the section instead (once the dialog has closed and given focus back).
export function focusAfterClose(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 50);
}
