/**
 * A strict little XML well-formedness check for the JUnit tests (no XML parser among the dependencies):
 * balanced tags, quoted attributes, no raw `<` or `&` in text or attributes, only XML 1.0 characters.
 * Returns the problems found; an empty list means well formed.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}="[^"<]*")*)\\s*(/?)>$`);
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (NOT_XML.test(xml)) problems.push('contains a character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token === '') continue;
    if (!token.startsWith('<')) {
      if (token.includes('>') || token.replace(ENTITY, '').includes('&')) problems.push(`bad text: ${token.slice(0, 40)}`);
      if (stack.length === 0 && token.trim() !== '') problems.push('text outside the root element');
      continue;
    }
    const m = TAG.exec(token);
    if (!m) {
      problems.push(`bad tag: ${token.slice(0, 60)}`);
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if ((attrs ?? '').replace(ENTITY, '').includes('&')) problems.push(`bad attribute in ${name}`);
    if (closing) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`expected one root element, got ${roots}`);
  return problems;
}
