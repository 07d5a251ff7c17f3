// Pure (no DOM, no Vite): the tests split the same files the same way.
/** operation name → its text; the files hold operations only (no fragments), each starting at column 0 */
export function splitOperations(text: string): Map<string, string> {
  const operations = new Map<string, string>();
  for (const block of text.split(/\n(?=(?:query|mutation) )/)) {
    const name = /^(?:query|mutation) (\w+)/.exec(block)?.[1];
    if (name) operations.set(name, block.trim());
  }
  return operations;
}
