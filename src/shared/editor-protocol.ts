// How the claim editor frame and the content script that framed it talk. Nothing goes through
// window.parent.postMessage, which the page hears (and whose origin would hand it our
// per-install extension id): the content script posts a MessagePort *into* the frame, addressed
// to the extension's origin, with the draft id as proof that it is the frame's own opener, and
// the frame answers only over that port.

export const EDITOR_HOST_SOURCE = 'sound-familiar-host';

/** Content script → editor frame, once per frame load, with the port in `ports[0]`. */
export interface EditorHandshake {
  source: typeof EDITOR_HOST_SOURCE;
  draftId: string;
}

/** Editor frame → content script, over the port. */
export interface EditorMessage {
  type: 'close' | 'saved';
}

export function isEditorHandshake(data: unknown, draftId: string): data is EditorHandshake {
  const d = data as Partial<EditorHandshake> | null;
  return typeof d === 'object' && d !== null && d.source === EDITOR_HOST_SOURCE && typeof d.draftId === 'string' && d.draftId === draftId;
}

export function isEditorMessage(data: unknown): data is EditorMessage {
  const d = data as Partial<EditorMessage> | null;
  return typeof d === 'object' && d !== null && (d.type === 'close' || d.type === 'saved');
}
