/** A lab's title without its "Lab: " prefix, capitalised, for lists that already say they list labs. */
export function labShortTitle(title: string): string {
  const t = title.replace(/^Lab: /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
