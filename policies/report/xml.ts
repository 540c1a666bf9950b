/** Just enough XML writing for JUnit: escaping, and dropping characters XML 1.0 cannot carry at all. */

// Control characters other than tab, LF and CR are not allowed in XML 1.0, not even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function element(name: string, attributes: Readonly<Record<string, string | number>>, children?: readonly string[] | string): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  if (children === undefined || children.length === 0) return `<${name}${attrs}/>`;
  const body = typeof children === 'string' ? escapeXml(children) : `\n${children.join('\n')}\n`;
  return `<${name}${attrs}>${body}</${name}>`;
}
