/** What the panel knows about the vendor screen it sits on; vendor adapters fill it in. */
export interface PageContext {
  kind: string
  id: string | null
  /** "Work ticket", "Job"; null on screens the panel has nothing to say about. */
  label: string | null
  /** Text read from the vendor's page: rendered as text only. */
  title: string | null
  /**
   * Set when the adapter could not recognise the screen: what the panel says instead ("Protiv didn't recognise this
   * screen…"), with what still works there.
   */
  unrecognised?: string
  /** The vendor account the page's address names (ExakTime's company subdomain), for connect forms to prefill. */
  account?: string | null
  /**
   * The vendor page's host name, for a panel in a frame (whose own `location` is the extension's): set by the
   * background from the content script's sender URL (Chrome's word, not the page's), never by the content script.
   */
  host?: string
}
