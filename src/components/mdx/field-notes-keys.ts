/**
 * Escape closes the field note of the focused marker (WCAG 1.4.13: content shown on focus can be dismissed
 * without moving focus). The note opens with CSS alone; this only marks the marker as dismissed until it
 * loses focus. Loaded on pages with an <IstioYaml> block; a few hundred bytes.
 */
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const marker = event.target;
  if (!(marker instanceof HTMLElement) || !marker.classList.contains('fn-marker')) return;
  marker.dataset.dismissed = '';
  marker.addEventListener('blur', () => delete marker.dataset.dismissed, { once: true });
});
