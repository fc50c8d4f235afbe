// Makes text from files and arguments safe to print to a terminal: control characters (C0, DEL,
// C1, including the one-byte CSI) and text-direction overrides are spelt out as \uXXXX, so a
// file can neither drive the terminal nor disguise what is printed. The output stays valid JSON
// where the input was, since \uXXXX is JSON's own escape.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
