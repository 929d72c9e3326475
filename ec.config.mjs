// @ts-check
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginFieldNotes } from './src/plugins/ec-field-notes.mjs';

export default defineEcConfig({
  plugins: [pluginFieldNotes()],
  styleOverrides: {
    codeFontSize: '0.875rem',
  },
});
