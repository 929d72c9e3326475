/**
 * The "New seed" button of the sampling simulators (canary, fault): a readable random seed, put in the
 * form's `seed` field with an `input` event, so the kit runs the model as if the reader had typed it.
 * Main-thread code: kept tiny, no engine.
 */
const WORDS = ['amber', 'birch', 'cedar', 'delta', 'ember', 'fjord', 'gale', 'harbor', 'iris', 'juniper', 'kelp', 'lumen'];

export function wireNewSeed(form: HTMLFormElement): void {
  const seed = form.elements.namedItem('seed') as HTMLInputElement;
  form.querySelector('.sim-newseed')?.addEventListener('click', () => {
    seed.value = `${WORDS[Math.floor(Math.random() * WORDS.length)]}-${Math.floor(Math.random() * 1000)}`;
    seed.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
