// The one frame a content script's request came from, as scripting.executeScript and insertCSS
// name it: by document where Chromium gives its id (a frame that navigated since asking gets
// nothing), else by frame (Firefox).

export interface AskingFrame {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export function scriptingTarget({ tabId, frameId, documentId }: AskingFrame): { tabId: number; frameIds: number[] } {
  const target = documentId === undefined ? { tabId, frameIds: [frameId] } : { tabId, documentIds: [documentId] };
  // The polyfill's types predate documentIds.
  return target as { tabId: number; frameIds: number[] };
}
