/**
 * Messages, addresses and reasons come from the input (a plan anyone can write). Before a report
 * prints them they become one plain line: no terminal escapes, no other control characters.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function plainLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(CONTROL, '').trim();
}
