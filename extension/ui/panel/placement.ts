/** Where a panel goes: docked in the page's corner, or inline next to an element of the vendor's page. */
export type PanelPlacement =
  | { layout: 'dock'; anchor: Element; append: 'last' }
  | { layout: 'inline'; anchor: Element; append: 'before' | 'after' | 'first' | 'last' }
