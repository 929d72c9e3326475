/**
 * Placeholders in catalog commands (`<namespace>`, `<file>`): list them, and fill them with concrete values
 * where a page (a lab, say) wants a command the reader can paste as it is.
 *
 *   fillPlaceholders('kubectl apply -n <namespace> -f <file>', { namespace: 'shop', file: 'gw.yaml' })
 *
 * Values are plain words (letters, digits and . _ / : = @ + , -): nothing that a shell would read as
 * syntax, so a filled command means exactly what the checked catalog entry means.
 */

const PLACEHOLDER = /<([a-z][a-z0-9-]*)>/g;
const SAFE_VALUE = /^[A-Za-z0-9._/:=@+,-]+$/;

/** The placeholder names in a command, in order of first use, without duplicates. */
export function placeholders(command: string): string[] {
  return [...new Set([...command.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export class PlaceholderError extends Error {}

/**
 * Replaces each `<name>` given in `values`; names not given stay as placeholders. Throws a PlaceholderError
 * naming the problem when a value is not a plain word or a name is not a placeholder of the command.
 */
export function fillPlaceholders(command: string, values: Readonly<Record<string, string>>): string {
  const known = placeholders(command);
  for (const [name, value] of Object.entries(values)) {
    if (!known.includes(name)) {
      throw new PlaceholderError(
        `"${name}" is not a placeholder of "${command}" (its placeholders: ${known.length ? known.map((k) => `<${k}>`).join(', ') : 'none'})`,
      );
    }
    if (typeof value !== 'string' || !SAFE_VALUE.test(value)) {
      throw new PlaceholderError(
        `the value for <${name}> must be one plain word (letters, digits, . _ / : = @ + , -), got ${JSON.stringify(value)}`,
      );
    }
  }
  return command.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
