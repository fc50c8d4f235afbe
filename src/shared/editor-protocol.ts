// The only messages the editor frame sends its host page: that it closed, and whether it saved.
// They go through window.postMessage, which the page can also see, so they carry no user data.

export const EDITOR_MESSAGE_SOURCE = 'sound-familiar-editor';

export interface EditorMessage {
  source: typeof EDITOR_MESSAGE_SOURCE;
  type: 'close' | 'saved';
}
